/**
 * The hover card's behaviour: which entries it shows, which mention it is attached to,
 * stepping through mentions, switching to related entries, saving the passage around the
 * mention, and where the card sits. Rendering is TermCard's; data comes by message.
 */
import { h, render } from 'preact';
import { errorText, t } from '@/components/i18n';
import { type SaveState, TermCard } from '@/components/TermCard';
import type { BackgroundClient, EntryView } from '@/lib/messages';
import { placeCard } from '@/lib/placement';
import { isDarkBackground } from './page-colors';
import { FLASH_HIGHLIGHT, type PaintedTerm, type Painter } from './painter';
import { passageFromRange } from './passage-input';
import { sentenceAround } from './sentence-around';
import { hostZoom, type UiHost } from './ui-host';

export interface CardController {
  /** Opens the card on a term. `since` is when the dwell ended, for the timing measure. */
  open(
    term: PaintedTerm,
    pointer: { x: number; y: number } | undefined,
    options?: {
      focus?: boolean;
      since?: number;
      /** The link the term sits in, when a tap opened the card instead of following it. */
      link?: HTMLAnchorElement;
    },
  ): void;
  /**
   * Renders the card for a term once, hidden, and removes it, while the hover dwell runs: the
   * first card of a page pays for its first render and first layout (~50 ms here, against
   * ~4 ms for a later one) before the reader is waiting for it. Nothing when a card is open.
   */
  prepare(term: PaintedTerm): void;
  close(): void;
  isOpen(): boolean;
  isInside(target: EventTarget | null): boolean;
  /** Scrolls to the first mention of an entry and flashes it; false when it has none here. */
  revealFirst(key: string): boolean;
  /** Scrolls any range (a saved passage) into view and flashes it. */
  revealRange(range: AbstractRange): void;
  /** Keeps the card beside its term as the page scrolls; closes it when the term leaves the viewport. */
  follow(): void;
  destroy(): void;
}

export interface CardDeps {
  readonly send: BackgroundClient;
  readonly painter: () => Painter | undefined;
  readonly entries: () => ReadonlyMap<string, EntryView>;
  /** Fetches entries not yet known (a related entry not on this page). */
  readonly fetchEntries: (keys: readonly string[]) => Promise<void>;
  /** The page's UI host, created on first use. */
  readonly ui: () => UiHost;
}

export function rangeRects(range: AbstractRange): DOMRect[] {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return [...live.getClientRects()];
}

/**
 * The layout viewport without its scrollbars: the root's client box, except in quirks mode
 * (saved pages without a doctype), where that is the whole document's and the body's is the
 * viewport's.
 */
function viewportSize(): { width: number; height: number } {
  const el = document.compatMode === 'BackCompat' && document.body ? document.body : document.documentElement;
  return { width: el.clientWidth, height: el.clientHeight };
}

const FLASH_MS = 1200;
/** About three lines of the card's body: what a cramped card still shows of it. */
const BODY_LINES_PX = 64;

interface State {
  anchor: PaintedTerm;
  pointer: { x: number; y: number } | undefined;
  shown: EntryView[];
  save: SaveState;
  link: HTMLAnchorElement | undefined;
  /** Focus to give back when a card opened from the keyboard closes. */
  returnFocus: Element | null;
  /**
   * The card's lifetime: aborted when it closes or another card opens, so a late answer (a
   * save, an undo, a fetch) never lands in a card it was not asked from.
   */
  lifetime: AbortController;
}

export function createCardController(deps: CardDeps): CardController {
  let ui: UiHost | undefined;
  let state: State | undefined;
  let flashTimer: number | undefined;

  function mentionsOf(key: string): PaintedTerm[] {
    const terms =
      deps
        .painter()
        ?.all()
        .filter((t) => t.keys.includes(key)) ?? [];
    return terms.sort((a, b) =>
      a.range.startContainer === b.range.startContainer
        ? a.range.startOffset - b.range.startOffset
        : a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
  }

  function card(): HTMLElement | null {
    return (ui?.mount.firstElementChild as HTMLElement | null) ?? null;
  }

  function position() {
    const el = card();
    if (!state || !el) return;
    const rects = rangeRects(state.anchor.range);
    const pointer = state.pointer;
    // The line of a wrapped term the pointer is on, so the card sits next to it.
    const anchor = (pointer && rects.find((r) => pointer.y >= r.top && pointer.y <= r.bottom)) || rects[0];
    if (!anchor) return;
    el.style.maxHeight = '';
    const size = el.getBoundingClientRect();
    const element = state.anchor.range.startContainer.parentElement ?? document.body;
    const viewport = viewportSize();
    const place = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      minHeight: usableHeight(el),
      viewport,
      rtl: getComputedStyle(element).direction === 'rtl',
    });
    // Under CSS zoom on the page's root, our host is zoomed too: positions are in its CSS pixels.
    const zoom = hostZoom(ui);
    el.style.left = `${place.left / zoom}px`;
    // Above its term, the card hangs from its bottom edge: when it grows ("Show more"), it grows
    // upwards, away from the term, instead of down over it and out of the viewport.
    const bottom = place.top + Math.min(size.height, place.maxHeight);
    el.style.top = place.side === 'above' ? 'auto' : `${place.top / zoom}px`;
    el.style.bottom = place.side === 'above' ? `${(viewport.height - bottom) / zoom}px` : 'auto';
    el.style.maxHeight = `${place.maxHeight / zoom}px`;
    el.dataset.side = place.side;
  }

  /**
   * The least the card may shrink to: its header and actions whole, and a few lines of the body
   * (its own height when shorter). Viewport pixels, like the card's bounding box.
   */
  function usableHeight(el: HTMLElement): number {
    const part = (selector: string) => el.querySelector(selector)?.getBoundingClientRect().height ?? 0;
    return part('.card-head') + part('.card-foot') + Math.min(part('.card-body'), BODY_LINES_PX * hostZoom(ui));
  }

  /** Scrolls a range to the upper third of the viewport (room for the card below) and flashes it. */
  function reveal(range: AbstractRange) {
    const rect = rangeRects(range)[0];
    // Instant, not smooth: the card moves with the mention, and no motion is forced on anyone.
    if (rect) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(range));
    if (flashTimer !== undefined) clearTimeout(flashTimer);
    flashTimer = window.setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }

  function step(key: string, delta: 1 | -1) {
    if (!state) return;
    const list = mentionsOf(key);
    if (list.length === 0) return;
    const at = list.indexOf(state.anchor);
    const next = list[(Math.max(at, 0) + delta + list.length) % list.length]!;
    reveal(next.range);
    state = { ...state, anchor: next, pointer: undefined, link: undefined, save: { status: 'idle' } };
    paint();
  }

  async function showEntry(key: string) {
    if (!state) return;
    const { signal } = state.lifetime;
    await deps.fetchEntries([key]);
    const entry = deps.entries().get(key);
    if (!entry || !state || signal.aborted) return;
    state = { ...state, shown: [entry] };
    paint();
    card()?.focus();
  }

  async function save() {
    if (!state) return;
    const { anchor } = state;
    const sentence = sentenceAround(anchor.range.startContainer, anchor.range.startOffset);
    const passage = sentence && passageFromRange(sentence.range, deps.painter());
    if (!passage) {
      state = {
        ...state,
        save: { status: 'error', message: t('cardSentenceNotFound') },
      };
      paint();
      return;
    }
    state = { ...state, save: { status: 'saving' } };
    paint();
    const { signal } = state.lifetime;
    try {
      const result = await deps.send({ type: 'savePassage', passage });
      if (signal.aborted) return;
      if (state) state = { ...state, save: { status: 'saved', id: result.passage.id, duplicate: result.duplicate } };
    } catch (error) {
      if (signal.aborted) return;
      if (state)
        state = {
          ...state,
          save: { status: 'error', message: errorText(error) },
        };
    }
    paint();
  }

  async function undo() {
    if (state?.save.status !== 'saved') return;
    const { signal } = state.lifetime;
    const undone = await deps.send({ type: 'undoSave', id: state.save.id }).catch(() => false);
    if (signal.aborted) return;
    if (state) {
      state = {
        ...state,
        save: undone ? { status: 'undone' } : { status: 'error', message: t('cardUndoTooLate') },
      };
    }
    paint();
  }

  /** The tapped term's link, followed as a click on it would: the page's own handlers (a router) see it. */
  function openLink() {
    const link = state?.link;
    if (!link?.isConnected) return;
    close();
    link.click();
  }

  /**
   * A card asked for before its term's entries arrived (a tap or hover right after the first
   * marks, while the page's entries are still on their way): it opens once they do, unless the
   * reader closed it or opened another meanwhile.
   */
  let waiting: AbortController | undefined;
  function stopWaiting() {
    waiting?.abort();
    waiting = undefined;
  }

  function close() {
    stopWaiting();
    if (!state) return;
    const returnFocus = state.returnFocus;
    state.lifetime.abort();
    state = undefined;
    if (ui) render(null, ui.mount);
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  function paint() {
    if (!state || !ui) return;
    const painter = deps.painter();
    const entries = deps.entries();
    render(
      h(TermCard, {
        entries: state.shown,
        pageUrl: location.href,
        mentions: (key) => {
          const list = mentionsOf(key);
          if (!painter || list.length === 0) return undefined;
          return { index: Math.max(0, list.indexOf(state!.anchor)), count: list.length };
        },
        relatedName: (key) => entries.get(key)?.name,
        save: state.save,
        link: state.link?.href,
        onStep: step,
        onOpenLink: () => openLink(),
        onShowEntry: (key) => void showEntry(key),
        onOpenGlossary: (key) => void deps.send({ type: 'openGlossary', key }).catch(() => undefined),
        onSave: () => void save(),
        onUndo: () => void undo(),
        onClose: close,
      }),
      ui.mount,
    );
    position();
  }

  const entriesOf = (term: PaintedTerm) => {
    const known = deps.entries();
    return term.keys.flatMap((k) => known.get(k) ?? []);
  };

  const controller: CardController = {
    prepare(term) {
      const shown = entriesOf(term);
      if (state || shown.length === 0) return;
      ui ??= deps.ui();
      const lifetime = new AbortController();
      state = {
        anchor: term,
        pointer: undefined,
        shown,
        save: { status: 'idle' },
        link: undefined,
        returnFocus: null,
        lifetime,
      };
      paint();
      lifetime.abort();
      state = undefined;
      // Gone again in the same task, so never painted: what stays warm is the code and the
      // stylesheet's rules, and no card lingers for the page or a screen reader to find.
      render(null, ui.mount);
    },
    open(term, pointer, options = {}) {
      stopWaiting();
      const known = deps.entries();
      const shown = entriesOf(term);
      if (shown.length === 0) {
        const since = options.since ?? performance.now();
        const pending = (waiting = new AbortController());
        void deps.fetchEntries(term.keys).then(
          () => {
            if (pending.signal.aborted || entriesOf(term).length === 0) return;
            waiting = undefined;
            // Timed from the dwell's end (or the tap) still: the wait for the entries is the reader's.
            controller.open(term, pointer, { ...options, since });
          },
          () => undefined,
        );
        return;
      }
      const since = options.since ?? performance.now();
      ui ??= deps.ui();
      const returnFocus = options.focus ? document.activeElement : null;
      state?.lifetime.abort();
      state = {
        anchor: term,
        pointer,
        shown,
        save: { status: 'idle' },
        link: options.link,
        returnFocus,
        lifetime: new AbortController(),
      };
      paint();
      const el = card();
      el?.classList.toggle('dark', isDarkBackground(term.range.startContainer.parentElement));
      if (options.focus) el?.focus();
      // How long from the end of the dwell to the frame that shows the card.
      requestAnimationFrame(() => performance.measure('glossa-card-open', { start: since, end: performance.now() }));
      // Related entries not on this page: fetched now, so their links can be shown.
      const related = shown.flatMap((e) => e.related.map((id) => `${e.packId}/${id}`)).filter((k) => !known.has(k));
      if (related.length) void deps.fetchEntries(related).then(paint, () => undefined);
      // What the reader's other articles say of these entities: added as layers when it comes,
      // unless the card has closed or moved on by then.
      const { signal } = state.lifetime;
      void deps
        .send({ type: 'otherArticles', keys: shown.map((e) => e.key) })
        .then((others) => {
          if (signal.aborted || !state || others.length === 0) return;
          const have = new Set(state.shown.map((e) => e.key));
          state = { ...state, shown: [...state.shown, ...others.filter((e) => !have.has(e.key))] };
          paint();
        })
        .catch(() => undefined);
    },
    close,
    revealRange: reveal,
    revealFirst(key) {
      const first = mentionsOf(key)[0];
      if (first) reveal(first.range);
      return first !== undefined;
    },
    isOpen: () => state !== undefined,
    isInside(target) {
      return !!ui && target instanceof Node && (target === ui.host || ui.host.contains(target));
    },
    follow() {
      if (!state) return;
      const rects = rangeRects(state.anchor.range);
      const visible = rects.some(
        (r) => r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
      );
      if (!visible || !state.anchor.range.startContainer.isConnected) close();
      else {
        state = { ...state, pointer: undefined };
        position();
      }
    },
    destroy() {
      stopWaiting();
      state?.lifetime.abort();
      state = undefined;
      if (flashTimer !== undefined) clearTimeout(flashTimer);
      CSS.highlights.delete(FLASH_HIGHLIGHT);
      if (ui) render(null, ui.mount);
      ui = undefined;
    },
  };
  return controller;
}
