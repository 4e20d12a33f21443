/**
 * Finds glossary terms in DOM text blocks and turns each match into a range descriptor
 * (start and end text node and offset), ready to become a StaticRange for painting.
 */
import type { Scanner, TermMatch } from '../match/scan';
import { normalizeWithMap } from '../text/normalize';
import { locate, type TextBlock } from './blocks';

export interface FoundTerm {
  /** Index into the matcher's terms. */
  readonly term: number;
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
  /**
   * For a form that needs context: the capitalised word right before it (see lib/match/context).
   * Always present, undefined for most: one object shape for every match keeps the scan's hot
   * loop monomorphic.
   */
  readonly qualifier: string | undefined;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A term found, in the page's nodes: it is also its StaticRange's init (term-session.ts). */
function toFound(block: TextBlock, map: Int32Array, m: TermMatch): FoundTerm {
  const rawStart = map[m.start]!;
  const last = map[m.end - 1]!;
  const rawEnd = last + (isHighSurrogate(block.raw.charCodeAt(last)) ? 2 : 1);
  const start = locate(block, rawStart, false);
  const end = locate(block, rawEnd, true);
  return {
    term: m.term,
    startContainer: start.node,
    startOffset: start.offset,
    endContainer: end.node,
    endOffset: end.offset,
    qualifier: m.qualifier,
  };
}

export function findTermsInBlock(block: TextBlock, scanner: Scanner): FoundTerm[] {
  const { text, map } = normalizeWithMap(block.raw);
  return scanner.scan(text).map((m) => toFound(block, map, m));
}

/**
 * A block longer than this is scanned in chunks, so the caller can yield between them: one
 * 5 MB paragraph would otherwise be a single task of hundreds of milliseconds. Smaller chunks
 * yield more often and pay a little more per chunk (a substring and a restart of the scan).
 */
export const CHUNK_CHARS = 20_000;

const longestForms = new WeakMap<Scanner, number>();
function longestForm(scanner: Scanner): number {
  let n = longestForms.get(scanner);
  if (n === undefined) {
    n = 0;
    for (const t of scanner.matcher.terms) n = Math.max(n, t.form.length);
    longestForms.set(scanner, n);
  }
  return n;
}

/**
 * The terms of a block, chunk by chunk (one chunk for an ordinary block). Chunks end at a
 * space, and each is scanned a longest form past its end, so a name across the boundary is
 * found once, whole.
 */
export function* findTermsInChunks(
  block: TextBlock,
  scanner: Scanner,
  chunkChars = CHUNK_CHARS,
): Generator<FoundTerm[], void, undefined> {
  if (block.raw.length <= chunkChars) {
    yield findTermsInBlock(block, scanner);
    return;
  }
  const { text, map } = normalizeWithMap(block.raw);
  const overlap = longestForm(scanner) + 1;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + chunkChars);
    if (end < text.length) {
      // End at a space, never inside a word (the next chunk would start mid-word): back to the
      // last space in the chunk, or on to the next one when a single word fills it.
      const back = text.lastIndexOf(' ', end);
      const on = text.indexOf(' ', end);
      end = back > start ? back : on < 0 ? text.length : on;
    }
    const window = text.slice(start, Math.min(text.length, end + overlap));
    const found: FoundTerm[] = [];
    let next = end;
    for (const m of scanner.scan(window)) {
      if (m.start >= end - start) break;
      found.push(toFound(block, map, { ...m, start: m.start + start, end: m.end + start }));
      next = Math.max(next, m.end + start);
    }
    yield found;
    start = next;
  }
}
