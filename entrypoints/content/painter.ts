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

export interface Painter {
  add(terms: readonly PaintedTerm[]): void;
  /** Removes (and unpaints) every term the predicate picks: those of a rescanned block, say. */
  removeWhere(predicate: (term: PaintedTerm) => boolean): void;
  all(): readonly PaintedTerm[];
  /** The term painted at text node `node`, offset `offset`, if any. */
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
      for (const term of added) {
        highlight.add(term.range);
        terms.push(term);
      }
      if (added.length === 0) return;
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
      if (!firstPainted) {
        firstPainted = true;
        onFirstPaint?.();
      }
    },
    removeWhere(predicate) {
      const kept: PaintedTerm[] = [];
      for (const term of terms) {
        if (predicate(term)) highlight.delete(term.range);
        else kept.push(term);
      }
      terms = kept;
      byNode = new WeakMap();
      indexed = 0;
    },
    all: () => terms,
    termAt(node, offset) {
      for (; indexed < terms.length; indexed++) index(terms[indexed]!);
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
      for (const term of terms) highlight.delete(term.range);
      if (highlight.size === 0 && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      terms = [];
      byNode = new WeakMap();
      indexed = 0;
    },
  };
}
