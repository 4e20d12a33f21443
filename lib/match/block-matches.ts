/**
 * The terms of a block's raw text, as offsets into that text; and the matches of a whole
 * article, found where its text already is. The content script sends the article's blocks to
 * the background to be built into the page's glossary; the background scans the same blocks
 * with the page's matcher and sends the matches back, so the page's scan after the build only
 * turns offsets into ranges. Matching was the largest part of that scan on the dense 1.1 MB page
 * (~90 ms of ~210 ms in a profile of one load); in the service worker it costs the page nothing.
 */
import { normalizeWithMap } from '../text/normalize';
import type { Scanner, TermMatch } from './scan';

/** A term found in a block: offsets into the block's raw text (end exclusive). */
export interface RawMatch {
  /** Index into the matcher's terms. */
  readonly term: number;
  readonly start: number;
  readonly end: number;
  /** For a form that needs context: the capitalised word right before it (see lib/match/context). */
  readonly qualifier: string | undefined;
}

/**
 * A block longer than this is scanned in chunks, so the caller can yield between them: one
 * 5 MB paragraph would otherwise be a single task of hundreds of milliseconds. Smaller chunks
 * yield more often and pay a little more per chunk (a substring and a restart of the scan).
 */
export const CHUNK_CHARS = 20_000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A match in the folded text (shifted by `shift`) as offsets into the raw text. */
function toRaw(raw: string, map: Int32Array, m: TermMatch, shift: number): RawMatch {
  const start = map[m.start + shift]!;
  const last = map[m.end + shift - 1]!;
  return {
    term: m.term,
    start,
    end: last + (isHighSurrogate(raw.charCodeAt(last)) ? 2 : 1),
    qualifier: m.qualifier,
  };
}

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
 * The terms of `raw`, chunk by chunk (one chunk for an ordinary block). Chunks end at a space,
 * and each is scanned a longest form past its end, so a name across the boundary is found
 * once, whole.
 */
export function* rawMatchesInChunks(
  raw: string,
  scanner: Scanner,
  chunkChars = CHUNK_CHARS,
): Generator<RawMatch[], void, undefined> {
  const { text, map } = normalizeWithMap(raw);
  if (raw.length <= chunkChars) {
    yield scanner.scan(text).map((m) => toRaw(raw, map, m, 0));
    return;
  }
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
    const found: RawMatch[] = [];
    let next = end;
    for (const m of scanner.scan(window)) {
      if (m.start >= end - start) break;
      found.push(toRaw(raw, map, m, start));
      next = Math.max(next, m.end + start);
    }
    yield found;
    start = next;
  }
}

/**
 * An article's matches, compact enough to cross from the background to the page: the dense
 * 1.1 MB page's 20,880 are ~85,000 small numbers rather than as many objects.
 */
export interface BlockMatches {
  /** The version of the matcher that found them: they hold for that matcher only. */
  readonly version: string;
  /** How many blocks were scanned (the blocks' count as sent). */
  readonly blocks: number;
  /**
   * For each block with matches, in order: its index, its count of matches, then per match its
   * term, start, end and qualifier (an index into `qualifiers`, or -1 for none).
   */
  readonly data: readonly number[];
  readonly qualifiers: readonly string[];
}

/**
 * At most this many matches go back to the page. The reply arrives as one message, read in one
 * task on the page's main thread, while the page's own scan works in slices: past this, a huge or
 * hostile page (nothing but names, megabytes of them) scans for itself rather than receive
 * megabytes of numbers at once. The dense 1.1 MB article has 20,880 (~85,000 numbers); more
 * would spare such pages more matching, at the price of a longer task on receiving.
 */
export const MAX_SENT_MATCHES = 50_000;

/**
 * Every block's matches under `scanner`'s matcher (the background's side); undefined past `max`
 * matches (see MAX_SENT_MATCHES).
 */
export function matchBlocks(
  blocks: readonly string[],
  scanner: Scanner,
  max = MAX_SENT_MATCHES,
): BlockMatches | undefined {
  let count = 0;
  const data: number[] = [];
  const qualifiers: string[] = [];
  const qualifierIndex = new Map<string, number>();
  for (let index = 0; index < blocks.length; index++) {
    const raw = blocks[index]!;
    let countAt = -1;
    for (const chunk of rawMatchesInChunks(raw, scanner)) {
      count += chunk.length;
      if (count > max) return undefined;
      for (const m of chunk) {
        if (countAt < 0) {
          data.push(index, 0);
          countAt = data.length - 1;
        }
        data[countAt]!++;
        let q = -1;
        if (m.qualifier !== undefined) {
          q = qualifierIndex.get(m.qualifier) ?? -1;
          if (q < 0) qualifierIndex.set(m.qualifier, (q = qualifiers.push(m.qualifier) - 1));
        }
        data.push(m.term, m.start, m.end, q);
      }
    }
  }
  return { version: scanner.matcher.version, blocks: blocks.length, data, qualifiers };
}

const FIELDS = 4;

/**
 * The page's side: each block's matches by index, or undefined when `matches` does not fit the
 * blocks the page holds (another count, an offset past a block's end, a term the matcher does
 * not have): the page then scans for itself, never paints a range from a wrong answer.
 */
export function readBlockMatches(
  matches: BlockMatches,
  blockLengths: readonly number[],
  termCount: number,
): Map<number, RawMatch[]> | undefined {
  const { data, qualifiers } = matches;
  if (matches.blocks !== blockLengths.length) return undefined;
  const byBlock = new Map<number, RawMatch[]>();
  let last = -1;
  let i = 0;
  while (i < data.length) {
    const index = data[i]!;
    const count = data[i + 1]!;
    if (!Number.isInteger(index) || index <= last || index >= blockLengths.length) return undefined;
    if (!Number.isInteger(count) || count < 1 || i + 2 + count * FIELDS > data.length) return undefined;
    const length = blockLengths[index]!;
    const list: RawMatch[] = [];
    for (let k = i + 2; k < i + 2 + count * FIELDS; k += FIELDS) {
      const term = data[k]!;
      const start = data[k + 1]!;
      const end = data[k + 2]!;
      const q = data[k + 3]!;
      if (!Number.isInteger(term) || term < 0 || term >= termCount) return undefined;
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
        return undefined;
      }
      if (!Number.isInteger(q) || q < -1 || q >= qualifiers.length) return undefined;
      list.push({ term, start, end, qualifier: q < 0 ? undefined : qualifiers[q] });
    }
    byBlock.set(index, list);
    last = index;
    i += 2 + count * FIELDS;
  }
  return byBlock;
}
