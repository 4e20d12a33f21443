/**
 * Describes a DOM range with W3C selectors over the text of a root (usually <body>): a
 * TextQuoteSelector (exact text with 32 characters of context either side) and a
 * TextPositionSelector (offsets into the root's text). Pure DOM code: the root is passed in.
 */

export const CONTEXT_LENGTH = 32;

export interface RootText {
  readonly text: string;
  readonly nodes: readonly { node: Text; start: number }[];
}

/** The root's text nodes concatenated, with where each starts. Scripts and styles are left out. */
export function rootText(root: Node): RootText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (n) => {
      const tag = n.parentElement?.tagName;
      return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' ? 2 : 1;
    },
  });
  const nodes: { node: Text; start: number }[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    nodes.push({ node: n as Text, start: length });
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), nodes };
}

/** Offset in the root text of (node, offset); -1 when the node is not a text node of the root. */
export function textOffset(rt: RootText, node: Node, offset: number): number {
  const entry = rt.nodes.find((n) => n.node === node);
  return entry ? entry.start + offset : -1;
}

export interface Selectors {
  readonly quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  readonly position: { type: 'TextPositionSelector'; start: number; end: number };
}

/** Selectors for [start, end) of the root's text. */
export function describeOffsets(rt: RootText, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: rt.text.slice(start, end),
      prefix: rt.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: rt.text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Selectors for a range whose ends are in text nodes of `root`. */
export function describeRange(root: Node, range: AbstractRange): Selectors | undefined {
  const rt = rootText(root);
  const toText = (node: Node, offset: number, atEnd: boolean): number => {
    if (node.nodeType === 3) return textOffset(rt, node, offset);
    // An element boundary: the text offset of the first text node at or after it.
    const child = node.childNodes[offset];
    const doc = node.ownerDocument!;
    const walker = doc.createTreeWalker(root, 4);
    if (child) walker.currentNode = child;
    else walker.currentNode = node;
    const next = child?.nodeType === 3 ? child : walker.nextNode();
    if (!next) return rt.text.length;
    const o = textOffset(rt, next, 0);
    return atEnd && o < 0 ? rt.text.length : o;
  };
  const start = toText(range.startContainer, range.startOffset, false);
  const end = toText(range.endContainer, range.endOffset, true);
  if (start < 0 || end < 0 || end <= start) return undefined;
  return describeOffsets(rt, start, end);
}
