/**
 * Paints found terms with the CSS Custom Highlight API and answers "which term is under
 * this point?" without any per-term element.
 *
 * Every term found is registered, unless the page is live (`followViewport`) or has more terms
 * than MAX_REGISTERED. Painting only what is near the screen on every page was measured and is not
 * done (docs/design.md, "Viewport-following painting, measured"): each change to a registered
 * highlight made Chromium redo work for the whole document, so moving a narrow painted window as
 * the reader scrolled cost far more than the ranges it saved. On a page that changes its DOM many
 * times a second that work is done in every frame anyway, for every registered range: there,
 * registering only the terms near the screen is what saves (lib/live-page.ts). On a page with
 * thousands of terms, registering them all is one frame of hundreds of ms, and so is every later
 * change to the page: there, the MAX_REGISTERED nearest the screen are registered, and the window
 * moves rarely (lib/nearest-window.ts).
 */
import {
  MAX_REGISTERED,
  PAUSE_MS,
  insideWindow,
  nearestWindow,
  windowMove,
  type NearestWindow,
} from '@/lib/nearest-window';
import type { HighlightStyle } from '@/lib/settings';

export interface PaintedTerm {
  readonly range: StaticRange;
  /** The block (paragraph) holding it: where it lies on the page is asked of its box. */
  readonly block: Element;
  /** Entry keys this mention names (several when a form is ambiguous). */
  readonly keys: readonly string[];
}

export const FLASH_HIGHLIGHT = 'glossa-flash';

export function highlightName(style: HighlightStyle): string {
  return `glossa-term-${style}`;
}

/**
 * Found terms are registered in batches that double: the first at once (the first marks), each
 * next one when as many terms wait as are registered, and the rest at `flush`. Chromium
 * revalidates every registered range in each frame after the highlight changed (its cost grows
 * with the ranges registered: docs/design.md); registering each 8 ms slice's terms made that
 * happen in every frame of a long scan, over ever more ranges. Doubling bounds the frames that
 * change the highlight to a log of the count, and all their revalidations together to about
 * twice one of the whole page. A scan that knows where the screen is does better still with
 * `hold` (the terms below the screen wait for the scan's end: one revalidation in all).
 */
const FIRST_BATCH = 1;

/**
 * A live page's painted window: the screen and this many screens above and below it. Wider costs
 * each of the page's changes more ranges to revalidate (each text node holding one is repainted);
 * narrower shows a fast scroll's new screen unmarked for a frame more often.
 */
const FOLLOW_MARGIN_SCREENS = 0.25;
/**
 * The window moves once the reader has scrolled this many screens from where it was placed: half
 * the margin, so the screen stays inside it; a move costs one pass over the terms, and nothing
 * more in Chromium on a page that revalidates its highlights in every frame anyway.
 */
const FOLLOW_STEP_SCREENS = 0.125;

export interface Painter {
  /**
   * Adds found terms; they are painted in batches (see FIRST_BATCH) unless held, all of them by
   * `flush`. Following the viewport, those near the screen are painted in the next frame.
   */
  add(terms: readonly PaintedTerm[]): void;
  /** Paints every term added so far, and ends a hold (following the viewport: nothing to do). */
  flush(): void;
  /** Terms added from now on wait for `flush` (or `release`): they are off screen. */
  hold(): void;
  /** Ends a hold: added terms are painted in batches again (the reader scrolled towards them). */
  release(): void;
  /** How many terms are painted (registered with the highlight). */
  painted(): number;
  /** How many times this painter has changed the highlight: each costs the page a frame (see FIRST_BATCH). */
  steps(): number;
  /**
   * From now on, registers only the terms within FOLLOW_MARGIN_SCREENS of the screen, and moves
   * that window as the reader scrolls (`viewportMoved`): for a live page (lib/live-page.ts).
   */
  followViewport(): void;
  /**
   * The page scrolled, resized or changed: a following painter moves its window if it must (a live
   * page's when scrolled an eighth of a screen; a capped one's near the edge of its reach).
   */
  viewportMoved(options?: { force?: boolean }): void;
  /** Removes (and unpaints) every term the predicate picks: those of a rescanned block, say. */
  removeWhere(predicate: (term: PaintedTerm) => boolean): void;
  all(): readonly PaintedTerm[];
  /** The term painted (registered) at text node `node`, offset `offset`, if any. */
  termAt(node: Node, offset: number): PaintedTerm | undefined;
  clear(): void;
}

export interface PainterOptions {
  /**
   * The highlight to paint into, shared by the painters of one page: a painter replacing another
   * (a rescan with a new glossary) paints beside it, and the old one is cleared once the new one
   * is done, so the page never goes a frame without its marks. Registered on the first paint.
   */
  readonly highlight?: Highlight;
  /** Called once, when the first range is painted: for the "first mark" measure. */
  readonly onFirstPaint?: () => void;
}

export function createPainter(
  name: string,
  { highlight = new Highlight(), onFirstPaint }: PainterOptions = {},
): Painter {
  let firstPainted = false;
  let terms: PaintedTerm[] = [];
  /** Terms added and not yet registered: `terms` from this index on (unused while following). */
  let unpainted = 0;
  let holding = false;
  let steps = 0;
  /** Following the viewport: only the terms in `registered` are (see followViewport). */
  let following = false;
  /** Following because there are more terms than MAX_REGISTERED (the page is not live): the nearest are registered. */
  let capped = false;
  /** Capped: how far the reader may scroll from where the window was placed, and the element that tells how far they have. */
  let reach: Pick<NearestWindow, 'reachAbove' | 'reachBelow'> = { reachAbove: Infinity, reachBelow: Infinity };
  let anchor: Element | undefined;
  let anchorTop = 0;
  /** Capped: the move waiting for the reader to pause (lib/nearest-window.ts, MOVE_WHEN_PAUSED_AT). */
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  let registered = new Set<PaintedTerm>();
  /** scrollY where the window was last placed; the frame that places again, and what it places. */
  let placedAt = 0;
  let placeFrame: number | undefined;
  let toPlace: PaintedTerm[] | 'all' = [];

  /** After `steps` changed: the highlight is in the registry, and the first paint is told. */
  function painting() {
    steps++;
    if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    if (!firstPainted) {
      firstPainted = true;
      onFirstPaint?.();
    }
  }

  function flush() {
    holding = false;
    if (following || unpainted === terms.length) return;
    if (terms.length > MAX_REGISTERED) return cap();
    for (let i = unpainted; i < terms.length; i++) highlight.add(terms[i]!.range);
    unpainted = terms.length;
    painting();
  }

  /**
   * Where each term lies from the screen, in px (lib/nearest-window.ts): 0 on it, positive below,
   * negative above, NaN with no box (hidden since the scan). Asked of its paragraph's box (read
   * once per paragraph per call, not per mention: and a paragraph's box costs several times less
   * than an inline parent's, a link's or an <em>'s); a paragraph taller than the screen (text
   * straight in a long container) is asked about the term's own box.
   */
  function offsetsFromScreen() {
    const screen = innerHeight;
    const offsetOf = (box: DOMRect) => (box.bottom < 0 ? box.bottom : box.top > screen ? box.top - screen : 0);
    const byBlock = new Map<Element, number | 'tall'>();
    let probe: Range | undefined;
    /** The block's offset, or 'tall' when its terms must be asked one by one. */
    const ofBlock = (block: Element): number | 'tall' => {
      let at = byBlock.get(block);
      if (at === undefined) {
        const box = block.getBoundingClientRect();
        at = box.width === 0 && box.height === 0 ? Number.NaN : box.height > screen ? 'tall' : offsetOf(box);
        byBlock.set(block, at);
      }
      return at;
    };
    const ofTerm = (term: PaintedTerm): number => {
      const at = ofBlock(term.block);
      if (at !== 'tall') return at;
      const { startContainer, startOffset, endContainer, endOffset } = term.range;
      try {
        probe ??= startContainer.ownerDocument!.createRange();
        probe.setStart(startContainer, startOffset);
        probe.setEnd(endContainer, endOffset);
      } catch {
        return Number.NaN; // its text changed since: the rescan on its way paints it again
      }
      return offsetOf(probe.getBoundingClientRect());
    };
    return { ofBlock, ofTerm };
  }

  /** Whether a term lies within FOLLOW_MARGIN_SCREENS of the screen (a live page's window). */
  function nearWindow(): (term: PaintedTerm) => boolean {
    const offset = offsetsFromScreen().ofTerm;
    const margin = FOLLOW_MARGIN_SCREENS * innerHeight;
    return (term) => {
      const o = offset(term);
      return o >= -margin && o <= margin;
    };
  }

  /** Registers `term` or drops it; whether that changed anything. */
  function register(term: PaintedTerm, wanted: boolean): boolean {
    if (wanted === registered.has(term)) return false;
    if (wanted) {
      registered.add(term);
      highlight.add(term.range);
    } else {
      registered.delete(term);
      highlight.delete(term.range);
    }
    return true;
  }

  /**
   * Capped: the terms in runs, one run per paragraph (a scan adds a paragraph's terms together),
   * kept from one placement to the next while no term is added or removed, with how many of each
   * run's terms (its first) are registered: a move reads one box per paragraph and changes only
   * the terms that enter or leave the window, not every term on the page.
   */
  interface Run {
    readonly block: Element;
    readonly start: number;
    count: number;
    /** How many of its terms are registered, or -1: not known (each is asked). */
    taken: number;
  }
  let runs: Run[] | undefined;
  function runsOfTerms(): Run[] {
    const out: Run[] = [];
    let last: Run | undefined;
    terms.forEach((term, i) => {
      if (term.block === last?.block) last.count++;
      else out.push((last = { block: term.block, start: i, count: 1, taken: -1 }));
    });
    return out;
  }

  /**
   * Capped: registers the MAX_REGISTERED terms nearest the screen and drops the rest, or (`which`
   * a scan's new terms) registers those within the window's reach, placing it again if that makes
   * too many. Each placement is a User Timing measure ("glossa-window", read by the bench).
   */
  function placeNearest(which: readonly PaintedTerm[] | 'all') {
    const started = performance.now();
    const { ofBlock, ofTerm } = offsetsFromScreen();
    let changed = 0;
    const set = (term: PaintedTerm, wanted: boolean) => {
      if (register(term, wanted)) changed++;
    };
    const placed = (count: number) => {
      if (count === 0) return;
      unindex();
      painting();
      performance.measure('glossa-window', {
        start: started,
        detail: { registered: registered.size, changed: count, terms: terms.length },
      });
    };
    if (which !== 'all') {
      for (const term of which) set(term, insideWindow(reach, ofTerm(term)));
      // A window grown by a quarter past the cap (a long rescan) is chosen again.
      if (registered.size <= MAX_REGISTERED * 1.25) return placed(changed);
    }
    clearTimeout(pauseTimer);
    runs ??= runsOfTerms();
    // A paragraph taller than the screen is placed term by term (one run each, nothing remembered).
    const offsets: number[] = [];
    const counts: number[] = [];
    const of: { run: Run; term?: number }[] = [];
    // The run nearest the screen tells, from now on, how far the reader has scrolled.
    let nearest = -1;
    const push = (offset: number, count: number, at: { run: Run; term?: number }) => {
      if (!Number.isNaN(offset) && (nearest < 0 || Math.abs(offset) < Math.abs(offsets[nearest]!)))
        nearest = offsets.length;
      offsets.push(offset);
      counts.push(count);
      of.push(at);
    };
    for (const run of runs) {
      if (ofBlock(run.block) !== 'tall') {
        push(ofTerm(terms[run.start]!), run.count, { run });
        continue;
      }
      run.taken = -1;
      for (let i = run.start; i < run.start + run.count; i++) push(ofTerm(terms[i]!), 1, { run, term: i });
    }
    const window = nearestWindow(offsets, counts, MAX_REGISTERED);
    of.forEach(({ run, term }, r) => {
      const take = window.take[r]!;
      if (term !== undefined) return set(terms[term]!, take === 1);
      // Only the terms between the old and the new take change; all, when the old is not known.
      const [from, to] = run.taken < 0 ? [0, run.count] : [Math.min(run.taken, take), Math.max(run.taken, take)];
      for (let i = from; i < to; i++) set(terms[run.start + i]!, i < take);
      run.taken = take;
    });
    reach = window;
    anchor = nearest < 0 ? undefined : of[nearest]!.run.block;
    anchorTop = anchor?.getBoundingClientRect().top ?? 0;
    placed(changed);
  }

  /** More terms than MAX_REGISTERED: from now on only the nearest are registered. */
  function cap() {
    following = true;
    capped = true;
    registered = new Set(terms.slice(0, unpainted));
    unpainted = 0;
    unindex();
    // At once, not in the next frame: the scan's terms are to be painted now.
    placeNearest('all');
  }

  /**
   * Registers the terms near the screen and drops the rest, in one highlight change: of all terms
   * (the window moved), or of those added since the last frame (a scan's chunks).
   */
  function place() {
    placeFrame = undefined;
    const which = toPlace;
    toPlace = [];
    if (!following) return;
    if (capped) return placeNearest(which);
    const near = nearWindow();
    let changed = false;
    for (const term of which === 'all' ? terms : which) changed = register(term, near(term)) || changed;
    if (which === 'all') placedAt = scrollY;
    if (changed) {
      unindex();
      painting();
    }
  }

  /** Places `which` in the next frame: at most one highlight change a frame. */
  function schedulePlace(which: readonly PaintedTerm[] | 'all') {
    if (which === 'all') toPlace = 'all';
    else if (toPlace !== 'all') toPlace.push(...which);
    placeFrame ??= requestAnimationFrame(place);
  }

  // Every text node a painted range touches, to the terms touching it. Built on the first hit
  // test after a change, not while scanning: readers hover long after the scan.
  let byNode = new WeakMap<Node, PaintedTerm[]>();
  /** Painted terms indexed: a prefix of `terms`, or (following) all of `registered` or none. */
  let indexed = 0;
  function unindex() {
    byNode = new WeakMap();
    indexed = 0;
  }

  function index(term: PaintedTerm) {
    const { startContainer, endContainer } = term.range;
    const touched: Node[] = [startContainer];
    if (endContainer !== startContainer) {
      // Text nodes in between (a term over <a>Crocus</a> City Hall): walk siblings in order.
      const doc = startContainer.ownerDocument;
      if (doc) {
        const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
        walker.currentNode = startContainer;
        for (let n = walker.nextNode(); n && n !== endContainer; n = walker.nextNode()) touched.push(n);
      }
      touched.push(endContainer);
    }
    for (const node of touched) {
      const at = byNode.get(node);
      if (at) at.push(term);
      else byNode.set(node, [term]);
    }
  }

  return {
    add(added) {
      for (const term of added) terms.push(term);
      runs = undefined;
      if (following) return schedulePlace(added);
      const waiting = terms.length - unpainted;
      if (!holding && waiting >= Math.max(FIRST_BATCH, unpainted)) flush();
    },
    flush,
    hold() {
      holding = true;
    },
    release() {
      holding = false;
    },
    painted: () => (following ? registered.size : unpainted),
    steps: () => steps,
    followViewport() {
      if (following && !capped) return;
      if (!following) registered = new Set(terms.slice(0, unpainted));
      following = true;
      capped = false;
      unpainted = 0;
      unindex();
      toPlace = 'all';
      place();
    },
    viewportMoved({ force = false } = {}) {
      if (!following || (toPlace === 'all' && placeFrame !== undefined)) return;
      if (capped) {
        clearTimeout(pauseTimer);
        // One box read a scroll event: how far the text near the screen has moved since the window was placed.
        const move =
          force || !anchor?.isConnected ? 'now' : windowMove(reach, anchorTop - anchor.getBoundingClientRect().top);
        if (move === 'now') schedulePlace('all');
        else if (move === 'when paused') pauseTimer = setTimeout(() => schedulePlace('all'), PAUSE_MS);
        return;
      }
      if (!force && Math.abs(scrollY - placedAt) < FOLLOW_STEP_SCREENS * innerHeight) return;
      schedulePlace('all');
    },
    removeWhere(predicate) {
      runs = undefined;
      const kept: PaintedTerm[] = [];
      let keptPainted = 0;
      let dropped = false;
      terms.forEach((term, i) => {
        const isPainted = following ? registered.has(term) : i < unpainted;
        if (predicate(term)) {
          if (isPainted) {
            highlight.delete(term.range);
            registered.delete(term);
            dropped = true;
          }
        } else {
          kept.push(term);
          if (isPainted) keptPainted++;
        }
      });
      terms = kept;
      if (!following) unpainted = keptPainted;
      // Removed before their frame came: never placed.
      if (toPlace !== 'all') toPlace = toPlace.filter((term) => !predicate(term));
      if (dropped) steps++;
      unindex();
    },
    all: () => terms,
    termAt(node, offset) {
      // Painted terms only: one held below the screen is not on it yet, and opens no card.
      if (following) {
        if (indexed === 0) for (const term of registered) index(term);
        indexed = registered.size;
      } else for (; indexed < unpainted; indexed++) index(terms[indexed]!);
      const list = byNode.get(node);
      if (!list) return undefined;
      return list.find((t) => {
        const r = t.range;
        if (node === r.startContainer && offset < r.startOffset) return false;
        if (node === r.endContainer && offset > r.endOffset) return false;
        return true;
      });
    },
    clear() {
      const painted = following ? [...registered] : terms.slice(0, unpainted);
      for (const term of painted) highlight.delete(term.range);
      if (highlight.size === 0 && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      if (placeFrame !== undefined) cancelAnimationFrame(placeFrame);
      placeFrame = undefined;
      toPlace = [];
      terms = [];
      unpainted = 0;
      registered = new Set();
      if (capped) following = capped = false;
      anchor = undefined;
      runs = undefined;
      clearTimeout(pauseTimer);
      unindex();
    },
  };
}
