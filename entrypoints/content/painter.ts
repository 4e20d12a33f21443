/**
 * Paints found terms with the CSS Custom Highlight API and answers "which term is under
 * this point?" without any per-term element.
 *
 * Every term of the page is known (for the popup's list, the card's mention count and its
 * Previous/Next), but only the terms of blocks on or near the screen are registered with the
 * browser. A registered range is not free: Chromium keeps a marker per range, recomputes them
 * all after every DOM change anywhere in the document, and paints from them; with 20,000
 * ranges on a dense page that was most of what Glossa cost a page, and a ticker rewriting the
 * page every 10 ms kept a core busy. An IntersectionObserver (the browser's own geometry, no
 * layout forced by us) tells which blocks are near the viewport; their terms are registered as
 * they come near and dropped as they leave.
 */
import type { HighlightStyle } from '@/lib/settings';

export interface PaintedTerm {
  readonly range: StaticRange;
  /** Entry keys this mention names (several when a form is ambiguous). */
  readonly keys: readonly string[];
  /** The block element the term is in: the unit the painter watches for visibility. */
  readonly block: Element;
}

export const FLASH_HIGHLIGHT = 'glossa-flash';

/**
 * How far beyond the viewport, above and below, terms are registered: a screen. More costs
 * every DOM change and paint more ranges; less risks a frame where text scrolled in fast is
 * not yet marked (the observer reports once per frame).
 */
export const NEAR_VIEWPORT_MARGIN = '100% 0px';

export function highlightName(style: HighlightStyle): string {
  return `glossa-term-${style}`;
}

export interface Painter {
  add(terms: readonly PaintedTerm[]): void;
  /** Removes (and unpaints) every term the predicate picks: those of a rescanned block, say. */
  removeWhere(predicate: (term: PaintedTerm) => boolean): void;
  /** Every term of the page, painted or not. */
  all(): readonly PaintedTerm[];
  /** Resolves once every block added so far has been painted or found away from the screen. */
  whenPainted(): Promise<void>;
  /** The painted term at text node `node`, offset `offset`, if any: terms on screen are painted. */
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
  /** The terms of each block that holds any, painted or not. */
  let byBlock = new Map<Element, PaintedTerm[]>();
  /** Blocks near the viewport, whose terms are registered. */
  const near = new Set<Element>();
  // Every text node a painted range touches, to the painted terms touching it: hit tests look
  // only at what is on screen, and the index grows and shrinks with what is painted.
  let byNode = new WeakMap<Node, PaintedTerm[]>();

  function nodesOf(term: PaintedTerm): Node[] {
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
    return touched;
  }

  function paint(list: readonly PaintedTerm[]) {
    for (const term of list) {
      highlight.add(term.range);
      for (const node of nodesOf(term)) {
        const at = byNode.get(node);
        if (at) at.push(term);
        else byNode.set(node, [term]);
      }
    }
    if (list.length > 0 && CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    if (!firstPainted && list.length > 0) {
      firstPainted = true;
      onFirstPaint?.();
    }
  }

  function unpaint(list: readonly PaintedTerm[]) {
    for (const term of list) {
      highlight.delete(term.range);
      for (const node of nodesOf(term)) {
        const at = byNode.get(node);
        if (!at) continue;
        const kept = at.filter((t) => t !== term);
        if (kept.length) byNode.set(node, kept);
        else byNode.delete(node);
      }
    }
  }

  /** Blocks observed but not yet reported on, and who waits for none to be left. */
  const unreported = new Set<Element>();
  let waiters: (() => void)[] = [];
  const settleWaiters = () => {
    if (unreported.size > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const observer = new IntersectionObserver(
    (records) => {
      for (const { target, isIntersecting, boundingClientRect } of records) {
        unreported.delete(target);
        const list = byBlock.get(target);
        if (!list) continue;
        // A block with no box of its own (display: contents) is never reported as intersecting:
        // its few terms are painted wherever it is, rather than never.
        const shown = isIntersecting || (boundingClientRect.width === 0 && boundingClientRect.height === 0);
        if (shown && !near.has(target)) {
          near.add(target);
          paint(list);
        } else if (!shown && near.delete(target)) {
          unpaint(list);
        }
      }
      settleWaiters();
    },
    { rootMargin: NEAR_VIEWPORT_MARGIN },
  );

  return {
    add(added) {
      const fresh: Element[] = [];
      const nowNear: PaintedTerm[] = [];
      for (const term of added) {
        terms.push(term);
        const list = byBlock.get(term.block);
        if (list) list.push(term);
        else {
          byBlock.set(term.block, [term]);
          fresh.push(term.block);
        }
        // A block already on screen (a rescan, a cue found later) paints its new term now.
        if (near.has(term.block)) nowNear.push(term);
      }
      paint(nowNear);
      for (const block of fresh) {
        unreported.add(block);
        observer.observe(block);
      }
    },
    removeWhere(predicate) {
      const kept: PaintedTerm[] = [];
      const gone: PaintedTerm[] = [];
      for (const term of terms) (predicate(term) ? gone : kept).push(term);
      if (gone.length === 0) return;
      terms = kept;
      unpaint(gone.filter((t) => near.has(t.block)));
      const goneSet = new Set(gone);
      for (const block of new Set(gone.map((t) => t.block))) {
        const left = byBlock.get(block)!.filter((t) => !goneSet.has(t));
        if (left.length) byBlock.set(block, left);
        else {
          byBlock.delete(block);
          near.delete(block);
          unreported.delete(block);
          observer.unobserve(block);
        }
      }
      settleWaiters();
    },
    all: () => terms,
    whenPainted() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        settleWaiters();
      });
    },
    termAt(node, offset) {
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
      observer.disconnect();
      for (const block of near) for (const term of byBlock.get(block) ?? []) highlight.delete(term.range);
      if (highlight.size === 0 && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      terms = [];
      byBlock = new Map();
      near.clear();
      unreported.clear();
      settleWaiters();
      byNode = new WeakMap();
    },
  };
}
