/**
 * The compact, JSON-serialisable matcher the background compiles once per glossary change
 * and hands to every content script. It holds only what scanning needs: the folded surface
 * forms, which entries each form names, and whether a form matches only as written.
 */
import type { EntryKind } from '../glossary/schema';

export interface CompiledTerm {
  /** The surface form, folded with `normalize` ("ISIS-K", "Russia", "201st military base"). */
  readonly form: string;
  /** Indexes into `CompiledMatcher.entries`; several when two entries share a form. */
  readonly entries: readonly number[];
  /** Acronyms and other forms that must match exactly as written. */
  readonly caseSensitive: boolean;
  /**
   * Per entry (same order as `entries`): the index in `CompiledMatcher.contexts` this form needs
   * to mark that entry, or -1. Absent when no entry needs one (the common case).
   */
  readonly needs?: readonly number[];
  /** Contexts this form names when it occurs: "Moscow" is a cue for Russia's ministries. */
  readonly cueOf?: readonly number[];
  /**
   * Where the form's words start and end, as flat pairs ([0, 3, 4, 8] for "Mr. Putin"), found
   * once when the glossary is compiled rather than by every page's scanner (a sampled profile of
   * the demo article put ~7 ms of a page load in finding them; after the move the scanner's
   * set-up was only ~1.5 ms a load cheaper in the same profile, which is noisy at this scale).
   */
  readonly words: readonly number[];
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a form: letters, digits and marks, as [start, end) spans. */
export function wordSpans(form: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of form.matchAll(WORD_RUN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** A context some forms need (see lib/match/context.ts). */
export interface CompiledContext {
  /** The cue forms, folded and lower-cased: a qualifier word is compared with them. */
  readonly cues: readonly string[];
}

export interface MatcherEntry {
  /** Globally unique entry key: `${packId}/${entryId}`. */
  readonly key: string;
  readonly kind: EntryKind;
}

/**
 * The terms whose first word is `key` (lower-cased), longest form first, so "Islamic
 * State-Khorasan Province" wins over "Islamic State". `hash` is `hashKey(key)`, which the
 * scanner computes word by word as it reads: a word that starts no term costs no string.
 */
export interface FirstWord {
  readonly key: string;
  readonly hash: number;
  readonly terms: readonly number[];
}

/** The string hash the scanner computes word by word while it walks the text. */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/**
 * The terms indexed by their first word: built with the matcher, in the background, so a page's
 * scanner only files them in a Map (a profile put ~4–14 ms of every article page's start-up in
 * building this index twice, in cold code).
 */
export function firstWordIndex(terms: readonly CompiledTerm[]): FirstWord[] {
  const byKey = new Map<string, number[]>();
  terms.forEach((t, term) => {
    if (t.words.length === 0) return;
    const key = t.form.slice(t.words[0], t.words[1]).toLowerCase();
    const list = byKey.get(key);
    if (list) list.push(term);
    else byKey.set(key, [term]);
  });
  return [...byKey].map(([key, list]) => ({
    key,
    hash: hashKey(key),
    terms: list.sort((x, y) => terms[y]!.form.length - terms[x]!.form.length),
  }));
}

export interface CompiledMatcher {
  /** Changes whenever the glossary changes; content scripts use it to drop stale state. */
  readonly version: string;
  readonly entries: readonly MatcherEntry[];
  readonly terms: readonly CompiledTerm[];
  /** The terms by first word (see FirstWord). */
  readonly firstWords: readonly FirstWord[];
  /** Contexts that forms need; absent when none does. */
  readonly contexts?: readonly CompiledContext[];
}
