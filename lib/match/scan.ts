/**
 * Scans folded text for glossary terms. Runs in content scripts, on every block of every
 * page, so it does as little as possible per word: one lower-casing and one Map lookup;
 * candidates are checked only for words that start some term.
 */
import { isWordCharAt } from '../text/normalize';
import { type CompiledMatcher, hashKey } from './compiled';
import { qualifierBefore } from './context';

export interface TermMatch {
  /** Offsets into the folded text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Index into `CompiledMatcher.terms`. */
  readonly term: number;
  /** For a form that needs context: the capitalised word right before it ("israel"), if any. */
  readonly qualifier?: string;
}

interface Candidate {
  readonly term: number;
  readonly form: string;
  readonly lower: string;
  readonly caseSensitive: boolean;
  /** [start, end) of each word of the form as flat pairs, for the per-word case rule. */
  readonly words: readonly number[];
}

export interface Scanner {
  readonly matcher: CompiledMatcher;
  scan(text: string): TermMatch[];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Whether `found` (text of the page) is an acceptable spelling of `c`. Case-sensitive forms
 * must match as written. Other forms accept, word by word, the form as written, capitalised
 * ("201st Military Base" in a headline) or in capitals ("MOSCOW (AP)"), but never lower-case
 * where the form has a capital: "telegram" is not Telegram.
 */
function accepts(c: Candidate, found: string): boolean {
  if (c.caseSensitive) return found === c.form;
  if (found === c.form) return true;
  if (found.toLowerCase() !== c.lower) return false;
  for (let i = 0; i < c.words.length; i += 2) {
    const want = c.form.slice(c.words[i], c.words[i + 1]);
    const got = found.slice(c.words[i], c.words[i + 1]);
    if (got !== want && got !== want.toUpperCase() && got !== capitalize(want)) return false;
  }
  return true;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included, is the point.
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether text[start, start + key.length) equals `key` (lower case) under ASCII case folding. */
function equalsAsciiFolded(text: string, start: number, key: string): boolean {
  for (let k = 0; k < key.length; k++) {
    const code = text.charCodeAt(start + k);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== key.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * For each ASCII code: 0 when it is not a word character, else the character lower-cased (its
 * code itself for digits). One load tells both whether a word goes on and what it hashes as.
 */
const ASCII_WORD_FOLD = new Uint8Array(128).map((_, code) =>
  code >= 65 && code <= 90 ? code + 32 : (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : 0,
);

export function createScanner(matcher: CompiledMatcher): Scanner {
  // Candidates by the hash of their first word, lower-cased: the scan hashes each word as it
  // reads it, so a word that starts no term costs no string and no string hashing. Each bucket's
  // candidates are made the first time a word of the page hits it: most never are.
  interface Bucket {
    readonly key: string;
    readonly terms: readonly number[];
    list?: Candidate[];
  }
  const byFirstWord = new Map<number, Bucket[]>();
  for (const { key, hash, terms } of matcher.firstWords) {
    const bucket: Bucket = { key, terms };
    const buckets = byFirstWord.get(hash);
    if (buckets) buckets.push(bucket);
    else byFirstWord.set(hash, [bucket]);
  }
  const candidate = (term: number): Candidate => {
    const t = matcher.terms[term]!;
    return { term, form: t.form, lower: t.form.toLowerCase(), caseSensitive: t.caseSensitive, words: t.words };
  };
  const needsContext = matcher.terms.map((t) => t.needs !== undefined);

  /**
   * The candidates whose first word is text[start, end). `lowered` is the block lower-cased,
   * or, for a pure-ASCII block, the block itself, compared with ASCII case folding.
   */
  function candidatesAt(
    lowered: string,
    ascii: boolean,
    start: number,
    end: number,
    h: number,
  ): Candidate[] | undefined {
    const buckets = byFirstWord.get(h);
    if (!buckets) return undefined;
    for (const b of buckets) {
      if (b.key.length !== end - start) continue;
      if (ascii ? equalsAsciiFolded(lowered, start, b.key) : lowered.startsWith(b.key, start))
        return (b.list ??= b.terms.map(candidate));
    }
    return undefined;
  }

  function scan(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    // A pure-ASCII block is folded on the fly, code by code: no lower-cased copy at all.
    // Otherwise lower-case once per block, not once per word; a handful of characters ("İ")
    // change length when lower-cased, and then offsets would not line up: fold word by word.
    const ascii = !NON_ASCII.test(text);
    const lowered = ascii ? text : text.toLowerCase();
    const sameLength = lowered.length === text.length;
    const length = text.length;
    let i = 0;
    while (i < length) {
      // Skip to the next word.
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code < 0x80 ? ASCII_WORD_FOLD[code] !== 0 : isWordCharAt(text, i)) break;
        i++;
      }
      if (i >= length) break;
      const start = i;
      // Read the word, hashing it lower-cased as it goes (`lowered` is the text where it is not ASCII).
      let h = 0;
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code < 0x80) {
          const folded = ASCII_WORD_FOLD[code]!;
          if (folded === 0) break;
          h = (Math.imul(h, 31) + folded) | 0;
        } else {
          if (!isWordCharAt(text, i)) break;
          if (sameLength) h = (Math.imul(h, 31) + lowered.charCodeAt(i)) | 0;
        }
        i++;
      }
      let candidates: Candidate[] | undefined;
      if (sameLength) candidates = candidatesAt(lowered, ascii, start, i, h);
      else {
        const key = text.slice(start, i).toLowerCase();
        candidates = candidatesAt(key, false, 0, key.length, hashKey(key));
      }
      if (!candidates) continue;
      for (const c of candidates) {
        const end = start + c.form.length;
        if (end > length || isWordCharAt(text, end)) continue;
        // Most candidates differ from the text in their lower case already ("John Smith" where the
        // page says "John Brown"): in a pure-ASCII block they are ruled out here, without a string
        // made. (Elsewhere lower-casing can depend on what follows: a final sigma.)
        if (ascii && !equalsAsciiFolded(text, start, c.lower)) continue;
        if (!accepts(c, text.slice(start, end))) continue;
        if (needsContext[c.term]) {
          const qualifier = qualifierBefore(text, start);
          out.push(qualifier === undefined ? { start, end, term: c.term } : { start, end, term: c.term, qualifier });
        } else out.push({ start, end, term: c.term });
        i = end;
        break;
      }
    }
    return out;
  }

  return { matcher, scan };
}
