/**
 * Paints found terms with the CSS Custom Highlight API and answers "which term is under
 * this point?" without any per-term element.
 *
 * Every term found is registered. Painting only what is near the screen was measured and is not
 * done (see docs/design.md, "Viewport-following painting, measured"): each change to a registered
 * highlight made Chromium redo work for the whole document, so moving the painted window as the
 * reader scrolled cost ~20 ms a frame, far more than the ranges it saved.
 */
import type { HighlightStyle } from '@/lib/settings';

export interface PaintedTerm {
  readonly range: StaticRange;
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

export interface Painter {
  /** Adds found terms; they are painted in batches (see FIRST_BATCH) unless held, all of them by `flush`. */
  add(terms: readonly PaintedTerm[]): void;
  /** Paints every term added so far, and ends a hold. */
  flush(): void;
  /** Terms added from now on wait for `flush` (or `release`): they are off screen. */
  hold(): void;
  /** Ends a hold: added terms are painted in batches again (the reader scrolled towards them). */
  release(): void;
  /** How many terms are painted (registered with the highlight). */
  painted(): number;
  /** How many times this painter has changed the highlight: each costs the page a frame (see FIRST_BATCH). */
  steps(): number;
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
  /** Terms added and not yet registered: `terms` from this index on. */
  let unpainted = 0;
  let holding = false;
  let steps = 0;

  function flush() {
    holding = false;
    if (unpainted === terms.length) return;
    steps++;
    for (let i = unpainted; i < terms.length; i++) highlight.add(terms[i]!.range);
    unpainted = terms.length;
    if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    if (!firstPainted) {
      firstPainted = true;
      onFirstPaint?.();
    }
  }
  // Every text node a painted range touches, to the terms touching it. Built on the first hit
  // test after a change, not while scanning: readers hover long after the scan.
  let byNode = new WeakMap<Node, PaintedTerm[]>();
  let indexed = 0;

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
    painted: () => unpainted,
    steps: () => steps,
    removeWhere(predicate) {
      const kept: PaintedTerm[] = [];
      let keptPainted = 0;
      const paintedBefore = unpainted;
      terms.forEach((term, i) => {
        if (predicate(term)) {
          if (i < unpainted) highlight.delete(term.range);
        } else {
          kept.push(term);
          if (i < unpainted) keptPainted++;
        }
      });
      terms = kept;
      unpainted = keptPainted;
      if (keptPainted < paintedBefore) steps++;
      byNode = new WeakMap();
      indexed = 0;
    },
    all: () => terms,
    termAt(node, offset) {
      // Painted terms only: one held below the screen is not on it yet, and opens no card.
      for (; indexed < unpainted; indexed++) index(terms[indexed]!);
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
      for (const term of terms.slice(0, unpainted)) highlight.delete(term.range);
      if (highlight.size === 0 && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      terms = [];
      unpainted = 0;
      byNode = new WeakMap();
      indexed = 0;
    },
  };
}
