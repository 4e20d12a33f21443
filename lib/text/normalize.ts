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

/** Folds one code point; "" drops it. Kept separate so callers can fold single strings. */
function foldCodePoint(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Fast path: printable ASCII other than the backtick-like apostrophe needs no work.
  if (code > 0x20 && code < 0x7f) return ch;
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (DASHES.test(ch)) return '-';
  if (APOSTROPHES.test(ch)) return "'";
  const nfkc = ch.normalize('NFKC');
  // NFKC can itself produce spaces (e.g. U+2002) that must collapse like any other space.
  return SPACE.test(nfkc) ? ' ' : nfkc;
}

/**
 * Folds `source` and records the offset map. Runs of spaces collapse to one space, which
 * also makes a line break inside "201st military\n  base" match "201st military base".
 */
export function normalizeWithMap(source: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < source.length;) {
    const code = source.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const folded = foldCodePoint(source.slice(i, i + width));
    if (folded === ' ') {
      if (!lastWasSpace) {
        out.push(' ');
        map.push(i);
      }
      lastWasSpace = true;
    } else if (folded !== '') {
      // NFKC may expand one code point to several characters ("ﬁ" → "fi"); each maps back
      // to the same source character so a match never points inside a surrogate pair.
      for (let k = 0; k < folded.length; k++) {
        out.push(folded[k] as string);
        map.push(i);
      }
      lastWasSpace = false;
    }
    i += width;
  }
  map.push(source.length);
  return { text: out.join(''), map: Int32Array.from(map) };
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
  return WORD_CHAR.test(text[index] as string);
}

/** Lower-case, diacritic-free folding for search: "Rahmón" → "rahmon", "ISIS–K" → "isis-k". */
export function foldForSearch(source: string): string {
  return normalize(source).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
