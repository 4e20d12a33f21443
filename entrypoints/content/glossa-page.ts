/**
 * The content script's controller: asks the background for the compiled matcher, finds
 * terms in the page's main content, paints them, and shows a card on hover. It never opens
 * IndexedDB or localStorage (they belong to the site): all data comes by message.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TermCard } from '@/components/TermCard';
import cardCss from '@/components/TermCard.css?inline';
import { collectBlocks, type TextBlock } from '@/lib/dom/blocks';
import { findTermsInBlock } from '@/lib/dom/find-terms';
import { findContentRoots } from '@/lib/dom/scope';
import { createScanner, type Scanner } from '@/lib/match/scan';
import type { CompiledMatcher } from '@/lib/match/compiled';
import { createBackgroundClient, type EntryView, answer, parseTabRequest, type TabResponses } from '@/lib/messages';
import { placeCard } from '@/lib/placement';
import { isActiveOn, type Settings } from '@/lib/settings';
import { isDarkBackground } from './page-colors';
import { createPainter, highlightName, type PaintedTerm, type Painter } from './painter';
import { watchHover } from './hover';
import { createUiHost, type UiHost } from './ui-host';
import { yieldToMain } from './yield';

/** Scan for this long, then let the page breathe: no task over 50 ms. */
const SLICE_MS = 8;

export async function startGlossaPage(ctx: ContentScriptContext): Promise<void> {
  const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
  let settings: Settings;
  let matcher: CompiledMatcher;
  let scanner: Scanner;
  let painter: Painter | undefined;
  let ui: UiHost | undefined;
  let entries = new Map<string, EntryView>();
  let generation = 0;

  async function load() {
    ({ matcher, settings } = await send({ type: 'getMatcher' }));
    scanner = createScanner(matcher);
  }

  function termKeys(term: number): string[] {
    const t = matcher.terms[term];
    if (!t) return [];
    return t.entries.flatMap((i) => {
      const entry = matcher.entries[i];
      return entry && settings.kinds.includes(entry.kind) ? [entry.key] : [];
    });
  }

  async function scanPage() {
    const run = ++generation;
    painter?.clear();
    painter = undefined;
    closeCard();
    if (!isActiveOn(settings, location.hostname)) return;
    painter = createPainter(highlightName(settings.highlightStyle));
    const blocks: TextBlock[] = findContentRoots(document).flatMap((root) => collectBlocks(root));
    const seen = new Set<string>();
    let sliceStart = performance.now();
    for (const block of blocks) {
      if (run !== generation || ctx.isInvalid) return;
      const painted: PaintedTerm[] = [];
      for (const found of findTermsInBlock(block, scanner)) {
        let keys = termKeys(found.term);
        if (settings.firstMentionOnly) keys = keys.filter((k) => !seen.has(k));
        if (keys.length === 0) continue;
        for (const k of keys) seen.add(k);
        const range = new StaticRange({
          startContainer: found.startContainer,
          startOffset: found.startOffset,
          endContainer: found.endContainer,
          endOffset: found.endOffset,
        });
        painted.push({ range, keys, found });
      }
      painter.add(painted);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToMain();
        sliceStart = performance.now();
      }
    }
    // Fetch every entry on the page once, ahead of any hover: the card renders at once.
    const keys = [...new Set(painter.all().flatMap((t) => t.keys))];
    const fetched = keys.length ? await send({ type: 'getEntries', keys }) : [];
    if (run === generation) entries = new Map(fetched.map((e) => [e.key, e]));
  }

  function openCard(term: PaintedTerm, pointer: { x: number; y: number }) {
    const shown = term.keys.flatMap((k) => entries.get(k) ?? []);
    if (shown.length === 0) return;
    ui ??= createUiHost(document, cardCss);
    render(h(TermCard, { entries: shown }), ui.mount);
    const card = ui.mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    card.classList.toggle('dark', isDarkBackground(term.range.startContainer.parentElement));
    const rects = [...rangeRects(term.range)];
    // The line of a wrapped term the pointer is on, so the card sits next to it.
    const anchor = rects.find((r) => pointer.y >= r.top && pointer.y <= r.bottom) ?? rects[0];
    if (!anchor) return;
    const size = card.getBoundingClientRect();
    const place = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      rtl: getComputedStyle(term.range.startContainer.parentElement ?? document.body).direction === 'rtl',
    });
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.maxHeight = `${place.maxHeight}px`;
  }

  function closeCard() {
    if (ui) render(null, ui.mount);
  }

  await load();
  await scanPage();

  const hover = watchHover(ctx, {
    get painter() {
      return painter ?? createNullPainter();
    },
    dwellMs: () => settings.hoverDelayMs,
    isInsideUi: (target) => target instanceof Element && target.id === 'glossa-ui-host',
    open: openCard,
    close: closeCard,
  });

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = parseTabRequest(raw);
    if ('error' in parsed) return undefined;
    const { request } = parsed;
    return answer(async (): Promise<TabResponses[typeof request.type]> => {
      switch (request.type) {
        case 'glossaryChanged':
        case 'settingsChanged':
          await load();
          await scanPage();
          return null;
        case 'pageTerms':
          return countTerms(painter?.all() ?? []);
      }
    });
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    generation++;
    hover.cancel();
    painter?.clear();
    if (ui) {
      render(null, ui.mount);
      ui.remove();
    }
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is already gone; its listeners went with it.
    }
  });
}

function* rangeRects(range: StaticRange): Iterable<DOMRect> {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  yield* live.getClientRects();
}

function countTerms(terms: readonly PaintedTerm[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of terms) for (const k of t.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

function createNullPainter(): Painter {
  return { add() {}, removeWhere() {}, all: () => [], termAt: () => undefined, clear() {} };
}
