/**
 * Finds glossary terms in DOM text blocks and turns each match into a range descriptor
 * (start and end text node and offset), ready to become a StaticRange for painting.
 */
import type { Scanner } from '../match/scan';
import { normalizeWithMap } from '../text/normalize';
import { locate, type TextBlock } from './blocks';

export interface FoundTerm {
  /** Index into the matcher's terms. */
  readonly term: number;
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
  /** For a form that needs context: the capitalised word right before it (see lib/match/context). */
  readonly qualifier?: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function findTermsInBlock(block: TextBlock, scanner: Scanner): FoundTerm[] {
  const { text, map } = normalizeWithMap(block.raw);
  const found: FoundTerm[] = [];
  for (const m of scanner.scan(text)) {
    const rawStart = map[m.start]!;
    const last = map[m.end - 1]!;
    const rawEnd = last + (isHighSurrogate(block.raw.charCodeAt(last)) ? 2 : 1);
    const start = locate(block, rawStart, false);
    const end = locate(block, rawEnd, true);
    found.push({
      term: m.term,
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
      ...(m.qualifier === undefined ? {} : { qualifier: m.qualifier }),
    });
  }
  return found;
}
