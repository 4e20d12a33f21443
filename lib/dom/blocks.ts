/**
 * Splits a content root into blocks of text: the runs of text nodes between block-level
 * boundaries. A term may span inline elements (`<span class="dropcap">T</span>ajikistan`,
 * `<a>Crocus</a> City Hall`) but never a block boundary (two paragraphs, two list items).
 * Block-ness is decided by tag, not computed style, so it is deterministic and needs no
 * layout: the matcher must never force a style recalculation on a news site.
 */
import { isSkippedElement } from './scope';
import { tagSet } from './tag-set';

/** Inline elements: text inside them continues the surrounding block. */
const INLINE_TAGS = tagSet([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'RP',
  'RT',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'BR',
  'IMG',
  'PICTURE',
  'SOURCE',
  'OUTPUT',
  'METER',
  'PROGRESS',
]);

export interface TextSegment {
  readonly node: Text;
  /** Offset of the node's first character in the block's raw text. */
  readonly start: number;
}

export interface TextBlock {
  /** The text nodes' data concatenated; a <br> adds one "\n" that belongs to no node. */
  readonly raw: string;
  readonly segments: readonly TextSegment[];
  /** The nearest block-level element containing the text: the unit of rescanning. */
  readonly container: Element;
}

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}

/** The nearest ancestor of `node` (itself included) that is not inline. */
export function blockContainerOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el;
}

export interface CollectOptions {
  /**
   * Extra test for block elements, e.g. `el => !el.checkVisibility()` in a browser, where
   * CSS can hide content. Asked of block elements only: hidden inline runs are rare and
   * asking every element would cost a style lookup per node on huge pages.
   */
  readonly isHidden?: (el: Element) => boolean;
}

/**
 * The text blocks under `root`, in document order, skipping excluded regions. A generator,
 * so a caller can stop between blocks and give the main thread back on huge pages.
 * Iterative, so very deep DOMs cannot overflow the stack.
 */
export function* walkBlocks(root: Element, options: CollectOptions = {}): Generator<TextBlock, void, undefined> {
  let parts: string[] = [];
  let segments: TextSegment[] = [];
  let length = 0;
  let container: Element = blockContainerOf(root) ?? root;

  function* flush(): Generator<TextBlock, void, undefined> {
    if (segments.length > 0) {
      const raw = parts.join('');
      if (/\S/.test(raw)) yield { raw, segments, container };
    }
    parts = [];
    segments = [];
    length = 0;
  }

  // Each stack item is a node to enter, or a block element to leave (marked in `exits`): two
  // arrays side by side rather than an object per node.
  const stack: Node[] = [root];
  const exits: boolean[] = [false];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const exit = exits.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      segments.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const inline = isInlineElement(el);
    if (exit) {
      yield* flush();
      container = blockContainerOf(el.parentElement ?? el) ?? root;
      continue;
    }
    if (el !== root && (isSkippedElement(el) || (!inline && options.isHidden?.(el)))) {
      // A skipped block (a figure's <button>, an aside) still separates the text around it.
      if (!inline) yield* flush();
      continue;
    }
    if (el.tagName === 'BR' || el.tagName === 'br') {
      parts.push('\n');
      length += 1;
      continue;
    }
    if (!inline) {
      yield* flush();
      container = el;
      stack.push(el);
      exits.push(true);
    }
    for (let child = el.lastChild; child; child = child.previousSibling) {
      stack.push(child);
      exits.push(false);
    }
  }
  yield* flush();
}

/** Every text block under `root` (see walkBlocks). */
export function collectBlocks(root: Element, options: CollectOptions = {}): TextBlock[] {
  return [...walkBlocks(root, options)];
}

/**
 * Finds the text node and offset of `offset` in text made of `segments` (a block's, or a whole
 * page's). For an offset exactly between two nodes, `preferEnd` picks the end of the earlier
 * node (for range ends). Undefined only when there are no segments.
 */
export function locateIn(
  segments: readonly TextSegment[],
  offset: number,
  preferEnd: boolean,
): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segments[mid]!;
    if (s.start < offset || (!preferEnd && s.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  return seg && { node: seg.node, offset: Math.min(Math.max(offset - seg.start, 0), seg.node.data.length) };
}

/** `locateIn` for a block, which always has at least one segment. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  return locateIn(block.segments, offset, preferEnd)!;
}
