/**
 * The content script's controller: asks the background for the compiled matcher and the
 * settings, paints the terms of the page's main content, keeps them current as the page
 * changes, and shows a card on hover. It never opens the page's IndexedDB or web storage
 * (they belong to the site): all data comes by message.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TextBlock } from '@/lib/dom/blocks';
import { findContentRoots } from '@/lib/dom/scope';
import type { CompiledMatcher } from '@/lib/match/compiled';
import type { BlockMatches } from '@/lib/match/block-matches';
import { createScanner } from '@/lib/match/scan';
import {
  answer,
  createBackgroundClient,
  type EntryView,
  type PageBuildResult,
  parseTabRequest,
  type TabResponses,
} from '@/lib/messages';
import { isActiveOn, type Settings } from '@/lib/settings';
import { shouldFollowViewport } from '@/lib/live-page';
import { SETTINGS_KEY } from '@/lib/settings-sync';
import cardCss from '@/components/TermCard.css?inline';
import { errorText, plural, t } from '@/components/i18n';
import { createCardController } from './card-controller';
import { createNotices } from './notices';
import { passageFromRange } from './passage-input';
import { sentenceAround } from './sentence-around';
import { createPassageOverlay } from './passage-overlay';
import { createSavedPassages } from './saved-passages';
import { lazyUiHost } from './ui-host';
import { type DomChanges, watchDom } from './dom-watcher';
import { watchHover } from './hover';
import { createPainter, highlightName, type PaintedTerm, type Painter } from './painter';
import { buildFromPage, looksLikeArticle, type WalkedBlocks } from './page-glossary';
import { askFirst, type FirstAnswer } from './first-question';
import { createTermSession, isHidden, type TermSession } from './term-session';

/** `early`: the answer to the first question, asked as the document started to load (first-question.ts). */
export async function startGlossaPage(ctx: ContentScriptContext, early?: Promise<FirstAnswer>): Promise<void> {
  const started = performance.now();
  let firstMarkMeasured = false;
  // The reader's wait: from this script's start to the frame that shows the first mark.
  const measureFirstMark = () => {
    if (firstMarkMeasured) return;
    firstMarkMeasured = true;
    requestAnimationFrame(() =>
      performance.measure('glossa-first-mark', {
        start: started,
        end: performance.now(),
        detail: { askedEarly: early !== undefined },
      }),
    );
  };
  const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
  // Not asked early (or stale): asked now, before anything is set up, so its round trip overlaps the setup.
  const firstAsk = early ?? askFirst(send);
  // Its failure is the first restart's to report, once it is awaited there.
  firstAsk.catch(() => undefined);
  let settings: Settings;
  // Off (for this site or everywhere) means off: no messages beyond reading the setting, no
  // paint, no answers. False until the settings say otherwise.
  let on = false;
  let matcher: CompiledMatcher;
  let painter: Painter | undefined;
  let session: TermSession | undefined;
  let roots: Element[] = [];
  let entries: ReadonlyMap<string, EntryView> = new Map();
  const ui = lazyUiHost(document, cardCss);
  const card = createCardController({
    send,
    painter: () => painter,
    entries: () => entries,
    fetchEntries: (keys) => fetchEntries(keys),
    ui: ui.get,
  });
  const notices = createNotices(ui.get);
  const overlay = createPassageOverlay(ctx, ui.get);
  const saved = createSavedPassages(send, overlay, (range) => overlay.reveal(range));

  /** Saves the reader's selection: from the context menu or the keyboard shortcut. */
  async function saveSelection(): Promise<TabResponses['saveSelection']> {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const passage = range && passageFromRange(range, painter);
    if (!passage) {
      const message = t('pageSelectTextFirst');
      notices.show(message, { tone: 'error' });
      return { saved: false, duplicate: false, message };
    }
    try {
      const { passage: stored, duplicate } = await send({ type: 'savePassage', passage });
      const message = duplicate ? t('alreadyInList') : t('savedToList');
      notices.show(message, {
        action: duplicate
          ? undefined
          : {
              label: t('commonUndo'),
              onClick: () =>
                void send({ type: 'undoSave', id: stored.id }).then((undone) => {
                  notices.show(undone ? t('removedFromList') : t('pageUndoTooLate'));
                  void saved.refresh();
                }),
            },
      });
      void saved.refresh();
      return { saved: true, duplicate, message };
    } catch (error) {
      const message = errorText(error);
      notices.show(t('pageSaveFailed', message), { tone: 'error' });
      return { saved: false, duplicate: false, message };
    }
  }

  /** "Add to glossary" (context menu): the selection becomes an entry, its sentence the first source. */
  async function addSelectionToGlossary(): Promise<TabResponses['addSelectionToGlossary']> {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const name = range?.toString().replace(/\s+/gu, ' ').trim();
    if (!range || !name) {
      const message = t('pageSelectNameFirst');
      notices.show(message, { tone: 'error' });
      return { added: false, message };
    }
    const sentence = sentenceAround(range.startContainer, range.startOffset)?.text ?? name;
    try {
      const added = await send({ type: 'addToGlossary', name, sentence, title: document.title });
      const message = t('pageAddedToGlossary', added.name);
      notices.show(message);
      return { added: true, message };
    } catch (error) {
      const message = t('pageAddFailed', errorText(error));
      notices.show(message, { tone: 'error' });
      return { added: false, message };
    }
  }

  /** The key of a matcher entry, when the reader wants its kind marked. */
  function entryKey(index: number): string | undefined {
    const entry = matcher.entries[index];
    return entry && settings.kinds.includes(entry.kind) ? entry.key : undefined;
  }

  async function fetchEntries(keys: readonly string[]) {
    const missing = keys.filter((k) => !entries.has(k));
    if (missing.length === 0) return;
    const fetched = await send({ type: 'getEntries', keys: missing });
    entries = new Map([...entries, ...fetched.map((e) => [e.key, e] as const)]);
  }

  /** Whether this visit's automatic build has run. */
  let autoBuilt = false;

  // Each restart gets a lifetime: a late answer from an earlier one never paints or builds.
  // None before the first restart (which sets one before any message is heard), so it aborts
  // nothing: an abort creates an AbortError, and the first error created in the content script's
  // world took 12–26 ms between two User Timing marks around it; without it, a load of the demo
  // article costs 10 ms less main thread (medians of 9 loads of each build side by side).
  let lifetime: AbortController | undefined;

  /**
   * Builds this page's glossary (from the article in `roots`) in the background: automatic on
   * pages that look like an article (unless the reader chose otherwise: restart decides), or
   * `asked` by the reader, whose failure is then theirs to see. With the blocks walked for it,
   * for the scan that follows.
   */
  async function buildGlossary(
    asked: boolean,
    articleRoots: readonly Element[],
    signal: AbortSignal,
  ): Promise<{ result: PageBuildResult; walked?: WalkedBlocks } | undefined> {
    try {
      return await buildFromPage(send, { roots: articleRoots, isHidden, signal, version: watcher.version });
    } catch (error) {
      if (signal.aborted) return undefined;
      if (asked) throw error;
      console.warn('Glossa: could not build a glossary from this page:', error);
      return undefined;
    }
  }

  /**
   * The painter whose marks are on screen. A restart's new painter paints beside it, into the
   * same highlight, and replaces it when its scan is done: a new glossary never blanks the page.
   */
  let shown: Painter | undefined;
  function show(next: Painter | undefined) {
    if (shown === next) return;
    shown?.clear();
    shown = next;
  }
  /** One highlight per style, shared by the painters that come and go. */
  const highlights = new Map<string, Highlight>();
  function highlightFor(name: string): Highlight {
    let h = highlights.get(name);
    if (!h) highlights.set(name, (h = new Highlight()));
    return h;
  }
  /**
   * The page changes its DOM so often that its painters register only the terms near the screen
   * (lib/live-page.ts); once live, for the rest of the page's life: should it fall still, it pays
   * a window move (a revalidation) per eighth of a screen scrolled, or when the article moves.
   */
  let live = false;
  /** The painters whose marks are on the page: the current one, and the one it replaces until it is done. */
  const painters = (): Painter[] => [painter, shown].filter((p, i, all): p is Painter => !!p && all.indexOf(p) === i);
  /** Whether Glossa is on for this page, from the settings just read; off, the watcher ignores restyling. */
  function readOn() {
    on = isActiveOn(settings, location.hostname);
    watcher.watchAttributes(on);
  }
  /** Where the article's roots were when last checked: a live page's window moves when they do. */
  let rootsPlaced = '';
  /** The page changed (text, or an attribute: a class, a style): is it live now, or has the article moved? */
  function followIfLive() {
    if (live) {
      // A class that opens a "Read more", a banner collapsing above: no scroll, but text moved.
      const placed = roots
        .map((r) => {
          const box = r.getBoundingClientRect();
          return `${Math.round(box.top + scrollY)}:${Math.round(box.height)}`;
        })
        .join();
      if (placed !== rootsPlaced) viewportMoved(true);
      rootsPlaced = placed;
      return;
    }
    const registered = painters().reduce((n, p) => n + p.painted(), 0);
    if (!shouldFollowViewport(watcher.changeRun(), registered)) return;
    live = true;
    for (const p of painters()) p.followViewport();
  }
  /**
   * Painters with a window (a live page's, or one with more terms than it registers) move it if they
   * must; those that register every term do nothing.
   */
  const viewportMoved = (force: boolean) => {
    for (const p of painters()) p.viewportMoved({ force });
  };
  /** Hit tests see every mark on screen: the new painter's, and the one it replaces until it is done. */
  function termAt(node: Node, offset: number): PaintedTerm | undefined {
    return painter?.termAt(node, offset) ?? (shown === painter ? undefined : shown?.termAt(node, offset));
  }

  let settingsRead!: () => void;
  /** Resolves once the first restart has read the settings: until then, on or off is unknown. */
  const settingsKnown = new Promise<void>((resolve) => (settingsRead = resolve));

  /** The entries of the last scan's terms, being fetched. */
  let scannedEntries: Promise<void> = Promise.resolve();

  /** A new painter and session for the current matcher and settings; the old marks stay until it is done. */
  function startSession(): TermSession {
    const name = highlightName(settings.highlightStyle);
    const next = createPainter(name, { highlight: highlightFor(name), onFirstPaint: measureFirstMark });
    if (live) next.followViewport();
    painter = next;
    session = createTermSession({
      painter: next,
      scanner: createScanner(matcher),
      settings,
      entryKey,
      replacing: shown !== undefined,
      // Every entry on the page is fetched once, ahead of any hover: the card renders at once.
      onScanned: (keys) => {
        scannedEntries = fetchEntries(keys).catch((e: unknown) => console.warn('Glossa:', e));
      },
    });
    return session;
  }

  /**
   * (Re)starts from scratch: new matcher or settings. `built`: the page's glossary was just built.
   * `asked`: the first question, already on its way.
   */
  async function restart(options: { built?: boolean; asked?: Promise<FirstAnswer> } = {}) {
    lifetime?.abort();
    lifetime = new AbortController();
    const { signal } = lifetime;
    session?.stop();
    card.close();
    session = undefined;
    // A painter of an interrupted restart never made it to the screen: it goes.
    if (painter && painter !== shown) painter.clear();
    painter = undefined;
    entries = new Map();
    let reply = await (options.asked ?? askFirst(send));
    settings = reply.settings;
    readOn();
    settingsRead();
    if (signal.aborted) return;
    // A document in design mode is an editor: nothing is marked in it.
    if (!on || document.designMode === 'on') {
      show(undefined);
      if (!on) saved.clear();
      return;
    }
    if (!reply.matcher) {
      await whenVisible(ctx);
      if (signal.aborted) return;
      reply = await send({ type: 'getMatcher' });
      settings = reply.settings;
      readOn();
      if (signal.aborted) return;
      if (!on || !reply.matcher) return show(undefined);
    }
    matcher = reply.matcher;
    roots = findContentRoots(document);
    // Built automatically once per visit: a restart for a change elsewhere (a setting, an edit,
    // this article's glossary deleted on the glossary page) does not send the article again,
    // nor bring back what the reader deleted. Asking builds again at any time.
    const mayBuild = !options.built && !autoBuilt && settings.buildMode === 'auto';
    if (!mayBuild) return scanAllAndShow(signal);
    // While the article's own glossary is built, the screen gets the marks already known: the
    // whole page is scanned once, with the built glossary included.
    const first = startSession();
    await first.scanNear(roots);
    if (!signal.aborted) show(painter);
    // Whether the page is an article is asked once the screen is marked: Readability's test
    // reads every paragraph (~10 ms on a 1 MB page), which the first marks need not wait for.
    if (!looksLikeArticle(document)) {
      first.stop();
      return scanAllAndShow(signal);
    }
    // The screen's entries arrive before the build keeps the background busy: its cards open meanwhile.
    await scannedEntries;
    const built = await buildGlossary(false, roots, signal);
    autoBuilt = built !== undefined;
    if (signal.aborted) return;
    // The matcher with the article's glossary, unless the page has it already: an article built
    // before (a reload, a return) gets the same one in its first answer, and the background says
    // which one it matched with. With 10,000 entries that is 2 MB not sent again.
    if (built && built.result.entries > 0 && built.result.matches?.version !== matcher.version) {
      performance.mark('glossa-asked-again');
      const rebuilt = await send({ type: 'getMatcher' });
      if (signal.aborted) return;
      settings = rebuilt.settings;
      readOn();
      if (!on || !rebuilt.matcher) return show(undefined);
      matcher = rebuilt.matcher;
    }
    first.stop();
    // The blocks walked for the build, if the page has not changed since: one walk, not two.
    const walked = built?.walked && built.walked.version === watcher.version() ? built.walked.blocks : undefined;
    return scanAllAndShow(signal, walked, built?.result.matches);
  }

  /**
   * A new session scans the whole of `roots` (`walked`: its blocks, walked already, with the
   * background's `matches` of them) and its marks replace those shown once it is done, unless a
   * later restart began meanwhile.
   */
  async function scanAllAndShow(
    signal: AbortSignal,
    walked?: readonly TextBlock[],
    matches?: BlockMatches,
  ): Promise<void> {
    await startSession().scanAll(roots, walked, matches);
    if (!signal.aborted) show(painter);
  }

  /** The reader asked (popup, context menu, shortcut): build from this page, article-like or not. */
  async function buildOnRequest(): Promise<TabResponses['buildGlossary']> {
    settings = await send({ type: 'getSettings' });
    if (!isActiveOn(settings, location.hostname)) {
      return { entries: 0, message: t('pageOffTurnOn') };
    }
    if (settings.buildMode === 'never') {
      return { entries: 0, message: t('pageBuildingOff') };
    }
    const result = (await buildGlossary(true, findContentRoots(document), lifetime!.signal))?.result;
    if (!result) return { entries: 0, message: t('pageBuildFailed') };
    await restart({ built: true });
    const message = result.outcome === 'empty' ? t('pageBuiltNothing') : plural('pageBuilt', result.entries);
    notices.show(message, { tone: result.outcome === 'empty' ? 'error' : undefined });
    return { entries: result.entries, message };
  }

  function onDomChange({ containers, removed }: DomChanges) {
    if (!session) return;
    overlay.schedule();
    // The whole document made editable (designMode): an editor, not an article. Marks go.
    if (document.designMode === 'on') {
      session.stop();
      session = undefined;
      painter?.clear();
      painter = undefined;
      show(undefined);
      return;
    }
    const current = findContentRoots(document);
    const sameRoots = current.length === roots.length && current.every((r, i) => r === roots[i]);
    if (!sameRoots || containers.some((c) => roots.some((r) => c.contains(r)))) {
      // A new article (SPA navigation, client rendering): scan the new main content.
      roots = current;
      void session.scanAll(roots);
      void saved.refresh().catch(() => undefined);
      return;
    }
    // Skipped containers too (made editable): their marks must go; the session scans none of them.
    const inScope = containers.filter((c) => roots.some((r) => r.contains(c)));
    if (inScope.length || removed) {
      // The article's text moved (a live blog's new post above, say): the window is placed again.
      viewportMoved(true);
      void session.rescan(inScope);
    }
  }

  // The screen's marks come before the article's glossary is built: hovers and messages are
  // heard from the start, not once the whole first restart is done.
  const watcher = watchDom(ctx, onDomChange, followIfLive);
  const firstStart = restart({ asked: firstAsk });

  const hover = watchHover(ctx, {
    termAt,
    dwellMs: () => settings.hoverDelayMs,
    isInsideUi: (target) => card.isInside(target),
    isOpen: () => card.isOpen(),
    prepare: (term) => card.prepare(term),
    open: (term: PaintedTerm, pointer, dwellEnd) => card.open(term, pointer, { since: dwellEnd }),
    tap: (term, pointer, link) => card.open(term, pointer, { link }),
    close: () => card.close(),
  });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.key === 'Escape' && card.isOpen()) card.close();
  });
  // The card follows its term as the page scrolls, and closes when the term scrolls away.
  ctx.addEventListener(
    window,
    'scroll',
    (event) => {
      card.follow();
      overlay.schedule();
      // A scroller in or around the article moves its text without moving scrollY: a live page's
      // window is placed again. Others (a carousel, a sidebar) do not move the article. Asked only
      // on a live page: scrolling a still one costs no lookups (a capped painter reads one box).
      const target = event.target;
      viewportMoved(
        live &&
          target instanceof Node &&
          target !== document &&
          roots.some((r) => r.contains(target) || target.contains(r)),
      );
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    window,
    'resize',
    () => {
      card.follow();
      overlay.schedule();
      viewportMoved(true);
    },
    { passive: true },
  );

  /** Starts again for a changed glossary or settings; resolves once a visible page shows it. */
  const followChange = async (): Promise<void> => {
    const wasOn = on;
    // A hidden tab restarts when the reader first looks at it (restart waits for that): the
    // change is answered now, so it never waits on a tab in the background.
    const restarting = restart().then(() => (on && !wasOn ? saved.refresh() : undefined));
    if (!document.hidden) await restarting;
    else void restarting.catch((e: unknown) => console.warn('Glossa:', e));
  };
  // Settings changed in the options, the popup or another of the reader's browsers (synced):
  // the background stamps the settings item on every write, so watching it sees each change.
  const unwatchSettings = storage.watch(`sync:${SETTINGS_KEY}`, () => {
    followChange().catch((e: unknown) => console.warn('Glossa:', e));
  });

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = parseTabRequest(raw);
    if ('error' in parsed) return undefined;
    const { request } = parsed;
    return answer(async (): Promise<TabResponses[typeof request.type]> => {
      switch (request.type) {
        case 'glossaryChanged':
          await followChange();
          return null;
        case 'pageInfo':
          return { hostname: location.hostname, title: document.title };
      }
      // Off means off: beyond the setting and the page's name, nothing is answered.
      // Asked before the settings are known (the page just loaded): answered once they are.
      await settingsKnown;
      if (!on) return offAnswer(request.type);
      switch (request.type) {
        case 'pageTerms':
          return countTerms(painter?.all() ?? []);
        case 'revealTerm':
          return card.revealFirst(request.key);
        case 'saveSelection':
          return saveSelection();
        case 'addSelectionToGlossary':
          return addSelectionToGlossary();
        case 'buildGlossary':
          return buildOnRequest();
        case 'openCardAtSelection': {
          const term = termAtSelection(painter);
          if (term) card.open(term, undefined, { focus: true });
          return term !== undefined;
        }
      }
    });
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    lifetime?.abort();
    session?.stop();
    hover.cancel();
    painter?.clear();
    show(undefined);
    card.destroy();
    notices.hide();
    saved.clear();
    ui.destroy();
    try {
      unwatchSettings();
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is already gone, and its listeners with it.
    }
  });

  await firstStart;
  if (on) {
    await Promise.all([
      scannedEntries,
      saved.refresh().catch((e: unknown) => console.warn('Glossa: saved passages unavailable:', e)),
    ]);
  }
  // The page's first visit is done: marks, the entries their cards need, saved passages. Read by
  // `npm run bench`, which counts everything the page paid until then.
  performance.mark('glossa-ready');
}

/** Resolves at once for a visible page, else when it first becomes visible. */
function whenVisible(ctx: ContentScriptContext): Promise<void> {
  if (!document.hidden) return Promise.resolve();
  return new Promise((resolve) => {
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (!document.hidden) resolve();
    });
  });
}

/** The painted term at the start of the selection or at the caret, if any. */
function termAtSelection(painter: Painter | undefined): PaintedTerm | undefined {
  const selection = document.getSelection();
  if (!painter || !selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const { startContainer, startOffset } = range;
  if (startContainer.nodeType === Node.TEXT_NODE) {
    const direct = painter.termAt(startContainer, startOffset);
    if (direct) return direct;
  }
  // A selection that begins before a term (a double-clicked word, a line): the first term inside it.
  return painter.all().find((t) => range.isPointInRange(t.range.startContainer, t.range.startOffset));
}

/** What a page where Glossa is off gets: nothing it could learn from. */
function offAnswer<T extends keyof TabResponses>(type: T): TabResponses[T] {
  const answers: { [K in keyof TabResponses]?: TabResponses[K] } = {
    pageTerms: [],
    revealTerm: false,
    openCardAtSelection: false,
    saveSelection: { saved: false, duplicate: false, message: t('pageOff') },
    addSelectionToGlossary: { added: false, message: t('pageOff') },
    buildGlossary: { entries: 0, message: t('pageOffTurnOn') },
  };
  return answers[type] as TabResponses[T];
}

function countTerms(terms: readonly PaintedTerm[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of terms) for (const k of t.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}
