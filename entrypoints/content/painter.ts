/**
 * Paints found terms with the CSS Custom Highlight API and answers "which term is under
 * this point?" without any per-term element.
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

export function createPainter(name: string): Painter {
  const highlight = new Highlight();
  CSS.highlights.set(name, highlight);
  let terms: PaintedTerm[] = [];
  // Every text node a painted range touches, to the terms touching it. Built lazily, on the
  // first hit test after a change: scanning stays cheap, and readers hover long after it.
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
      const list = byNode.get(node) ?? [];
      list.push(term);
      byNode.set(node, list);
    }
  }

  return {
    add(added) {
      for (const term of added) {
        highlight.add(term.range);
        terms.push(term);
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
      highlight.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
      terms = [];
      byNode = new WeakMap();
      indexed = 0;
    },
  };
}
