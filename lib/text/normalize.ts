/**
 * Text normalisation shared by the glossary builder, the matcher and search.
 *
 * Pages spell the same name many ways: "ISIS–K" with an en dash, "ISIS-K" with a hyphen,
 * "Russia’s" with a curly apostrophe, a no-break space inside "22 March", a soft hyphen or
 * a zero-width space that a CMS slipped in. Everything is folded to one spelling, and every
 * character of the result remembers where it came from so a match can be painted on the
 * original DOM text.
 */

export interface NormalizedText {
  /** The folded text: one "-" for every dash, one "'" for every apostrophe, single spaces. */
  readonly text: string;
  /**
   * `map[i]` is the index in the source of the character that produced `text[i]`;
   * `map[text.length]` is the source length, so `[map[s], map[e])` is the source span of `[s, e)`.
   */
  readonly map: Int32Array;
}

const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/u;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u2032\uff07]/u;
/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, so dropped. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;
const SPACE = /\s/u;

/** Folds one non-ASCII code point; "" drops it, " " is a space. */
function foldCodePoint(ch: string): string {
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (DASHES.test(ch)) return '-';
  if (APOSTROPHES.test(ch)) return "'";
  const nfkc = ch.normalize('NFKC');
  // NFKC can itself produce spaces (e.g. U+2002) that must collapse like any other space.
  return SPACE.test(nfkc) ? ' ' : nfkc;
}

/**
 * Folding of BMP characters, computed once per character and remembered: pages repeat the
 * same few non-ASCII characters (curly quotes, dashes, accented letters) thousands of times.
 */
const bmpFolds = new Map<number, string>();

function foldBmp(code: number): string {
  let folded = bmpFolds.get(code);
  if (folded === undefined) {
    folded = foldCodePoint(String.fromCharCode(code));
    bmpFolds.set(code, folded);
  }
  return folded;
}

const decoder = new TextDecoder('utf-16le');

/** Anything the fold would change: non-ASCII, controls, whitespace other than single spaces. */
const NEEDS_FOLDING = /[^\x21-\x7e ]| {2}/;

let identity = new Int32Array(0);
/** 0, 1, 2, … length: shared and grown on demand, handed out as read-only views. */
function identityMap(length: number): Int32Array {
  if (identity.length < length + 1) {
    identity = new Int32Array(Math.max(length + 1, identity.length * 2));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, length + 1);
}

/**
 * Folds `source` and records the offset map. Runs of spaces collapse to one space, which
 * also makes a line break inside "201st military\n  base" match "201st military base".
 * Hot path of every page scan: ASCII is copied code by code into a typed buffer, and only
 * other characters go through the (memoised) slow path.
 */
export function normalizeWithMap(source: string): NormalizedText {
  const length = source.length;
  // Most blocks of English text need no folding at all: one native RegExp test proves it,
  // and the text is its own folded form.
  if (!NEEDS_FOLDING.test(source)) return { text: source, map: identityMap(length) };
  return foldedInPlace(source) ?? foldWithMap(source);
}

/** Characters the fold may change, one at a time: not printable ASCII, or not a single space. */
const FOLDABLE = /[^\x21-\x7e ]/g;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The fold of most other news text: each character folds to exactly one (a curly quote, a dash,
 * an accented letter that is already NFKC, a lone line break) and no spaces collapse, so the
 * map is the identity and native string replacement does the work. Undefined when that does
 * not hold (a character dropped or expanded, spaces collapsing, astral characters): the
 * general fold then runs, and gives the same text this would have.
 */
function foldedInPlace(source: string): NormalizedText | undefined {
  if (SURROGATE.test(source)) return undefined;
  let oneToOne = true;
  const text = source.replace(FOLDABLE, (ch) => {
    const folded = foldBmp(ch.charCodeAt(0));
    if (folded.length !== 1) oneToOne = false;
    return folded;
  });
  if (!oneToOne || text.includes('  ')) return undefined;
  return { text, map: identityMap(source.length) };
}

/** The general fold: a typed buffer and map, ASCII copied code by code. */
function foldWithMap(source: string): NormalizedText {
  const length = source.length;
  let out = new Uint16Array(length + 8);
  let map = new Int32Array(length + 9);
  let n = 0;
  let lastWasSpace = false;
  const push = (code: number, from: number) => {
    if (n >= out.length - 1) {
      const grownOut = new Uint16Array(out.length * 2);
      grownOut.set(out);
      out = grownOut;
      const grownMap = new Int32Array(map.length * 2);
      grownMap.set(map);
      map = grownMap;
    }
    out[n] = code;
    map[n++] = from;
  };
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code > 0x20 && code < 0x7f) {
      if (n < out.length - 1) {
        out[n] = code;
        map[n++] = i;
      } else push(code, i);
      lastWasSpace = false;
      continue;
    }
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      if (!lastWasSpace) push(0x20, i);
      lastWasSpace = true;
      continue;
    }
    let folded: string;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      // An astral code point: rare enough to fold without memoising.
      width = 2;
      folded = foldCodePoint(source.slice(i, i + 2));
    } else {
      folded = foldBmp(code);
    }
    if (folded === ' ') {
      if (!lastWasSpace) push(0x20, i);
      lastWasSpace = true;
    } else if (folded.length > 0) {
      // NFKC may expand one code point to several characters ("ﬁ" → "fi"); each maps back
      // to the same source character so a match never points inside a surrogate pair.
      for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), i);
      lastWasSpace = false;
    }
    i += width - 1;
  }
  map[n] = length;
  return { text: decoder.decode(out.subarray(0, n)), map: map.subarray(0, n + 1) };
}

/** Folds a term or query (no offsets needed), trimming the ends. */
export function normalize(source: string): string {
  return normalizeWithMap(source).text.trim();
}

/** A letter, digit or combining mark: the characters that make up a word. */
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when the code unit at `index` belongs to a word; false outside the string. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    // ASCII fast path: the matcher asks this twice per candidate on megabytes of text.
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  // Surrogate halves of astral letters: test the whole code point.
  if (code >= 0xdc00 && code <= 0xdfff) return WORD_CHAR.test(text.slice(index - 1, index + 1));
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(index, index + 2));
  // Other BMP characters: classified once each, then looked up (1 = word, 2 = not).
  let kind = bmpWordKinds[code];
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpWordKinds[code] = kind;
  }
  return kind === 1;
}

const bmpWordKinds = new Uint8Array(0x10000);

/**
 * The key two spellings of one form share: folded and lower-cased, accents kept ("Rahmón" and
 * "Rahmon" are different names). Glossaries key their forms by it.
 */
export function formKey(form: string): string {
  return normalize(form).toLowerCase();
}

/** Lower-case, diacritic-free folding for search: "Rahmón" → "rahmon", "ISIS–K" → "isis-k". */
export function foldForSearch(source: string): string {
  return normalize(source).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
