/**
 * Names that need context ("Defense Ministry", "Jordan"): which of a match's entries it may
 * mark now, which wait for a cue elsewhere on the page, and which it never marks.
 *
 *   "Russia's Defense Ministry"  → the word before is a cue: marked
 *   "Israel's Defense Ministry"  → another name stands before it: never this entry
 *   "the Defense Ministry said"  → marked once the page names a cue anywhere ("Moscow")
 *
 * Pure: the content script keeps the set of contexts the page has named so far.
 */
import type { CompiledMatcher } from './compiled';

/**
 * Capitalised words that begin sentences or phrases without qualifying what follows:
 * "The Defense Ministry", "In Jordan", "But Chad".
 */
const NOT_QUALIFIERS = new Set(
  'the a an and but or in on at of for from to by with as his her its their our your my this that these those its after before when while since under over between among against into through during if then so also even than both either neither each every some any no not new former acting'.split(
    ' ',
  ),
);

/** A capitalised word and an optional possessive, ending right before the match: "Israel's ". */
const QUALIFIER = /(\p{Lu}[\p{L}\p{M}\p{N}.-]*?)(?:'s|')?\s+$/u;

/** How far back to look for the word before a match: one long word and its space. */
const LOOKBACK = 40;

/**
 * The capitalised word standing right before `start` in folded text, lower-cased and without
 * its possessive ("israel" for "Israel's Defense Ministry"); undefined when none does.
 */
export function qualifierBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - LOOKBACK), start);
  const m = QUALIFIER.exec(before);
  if (!m) return undefined;
  // The whole word: the regexp may have started inside it ("aIsrael" is no capitalised word).
  const at = m.index;
  if (at > 0 && /[\p{L}\p{M}\p{N}]/u.test(before[at - 1]!)) return undefined;
  const word = m[1]!.toLowerCase();
  return NOT_QUALIFIERS.has(word) ? undefined : word;
}

export interface EntryDecision {
  /** Entry indexes the match marks now. */
  readonly now: readonly number[];
  /** Entry indexes it marks once the page names their context, with that context. */
  readonly waiting: readonly { readonly entry: number; readonly context: number }[];
}

/**
 * Which of the term's entries a match marks, given the word before it and the contexts the
 * page has named so far.
 */
export function decideEntries(
  matcher: CompiledMatcher,
  term: number,
  qualifier: string | undefined,
  named: ReadonlySet<number>,
): EntryDecision {
  const t = matcher.terms[term];
  if (!t) return { now: [], waiting: [] };
  if (!t.needs) return { now: t.entries, waiting: [] };
  const now: number[] = [];
  const waiting: { entry: number; context: number }[] = [];
  t.entries.forEach((entry, j) => {
    const context = t.needs![j] ?? -1;
    if (context < 0) now.push(entry);
    else if (qualifier !== undefined) {
      // A name right before it decides: a cue ("Russia's") confirms, anything else ("Israel's") rules out.
      if (matcher.contexts?.[context]?.cues.includes(qualifier)) now.push(entry);
    } else if (named.has(context)) now.push(entry);
    else waiting.push({ entry, context });
  });
  return { now, waiting };
}

/**
 * A page's contexts over time: which it has named so far, and the mentions waiting for one.
 * `T` is whatever the caller paints (a range and its keys).
 */
export interface ContextTracker<T> {
  /** Records the contexts a match of `term` names; returns what was waiting for them. */
  see(term: number): T[];
  /** Which entries a match marks now, which wait (see `decideEntries`). */
  decide(term: number, qualifier: string | undefined): EntryDecision;
  wait(item: T, context: number): void;
  /** Forgets waiting items the predicate picks (their text left the page). */
  forget(predicate: (item: T) => boolean): void;
  /** A fresh page: nothing named, nothing waiting. */
  reset(): void;
}

export function createContextTracker<T>(matcher: CompiledMatcher): ContextTracker<T> {
  const named = new Set<number>();
  let waiting: { item: T; context: number }[] = [];
  return {
    see(term) {
      let fresh = false;
      for (const c of matcher.terms[term]?.cueOf ?? [])
        if (!named.has(c)) {
          named.add(c);
          fresh = true;
        }
      if (!fresh) return [];
      const ready = waiting.filter((w) => named.has(w.context)).map((w) => w.item);
      waiting = waiting.filter((w) => !named.has(w.context));
      return ready;
    },
    decide: (term, qualifier) => decideEntries(matcher, term, qualifier, named),
    wait(item, context) {
      waiting.push({ item, context });
    },
    forget(predicate) {
      waiting = waiting.filter((w) => !predicate(w.item));
    },
    reset() {
      named.clear();
      waiting = [];
    },
  };
}
