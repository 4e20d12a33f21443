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

/**
 * A capitalised word or a number, with an optional possessive, ending right before the match:
 * "Israel's ", "Kazan ", "2002 " (another year's "Moscow terror attack").
 */
const QUALIFIER = /([\p{Lu}\p{Nd}][\p{L}\p{M}\p{N}.-]*?)(?:'s|')?\s+$/u;

/** What most matches get: nothing waited for them, nothing to decide. Shared, never changed. */
const NOTHING: readonly never[] = Object.freeze([]);
/** The contexts named near a match: asked only of those a form needs. */
export interface NamedContexts {
  has(context: number): boolean;
}
const NO_CONTEXTS: NamedContexts = { has: () => false };

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
  named: NamedContexts,
): EntryDecision {
  const t = matcher.terms[term];
  if (!t) return { now: NOTHING, waiting: NOTHING };
  if (!t.needs) return { now: t.entries, waiting: NOTHING };
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
 * How near a cue must be: within this many blocks (paragraphs) before or after the name. The
 * issue's "near it": a ministry named three paragraphs after "Moscow" is still Moscow's; one
 * at the other end of a long page, in another story, is not. Wider finds more true marks on
 * long articles and more false ones on pages that carry several stories.
 */
export const NEAR_BLOCKS = 3;

/**
 * A page's contexts over time, block by block in page order: where each was named, and the
 * mentions waiting for a cue near them. `T` is whatever the caller paints (a range and keys).
 */
export interface ContextTracker<T> {
  /**
   * Records the contexts a match of `term` in block `block` names, and returns what was waiting
   * for them nearby. A cue that is itself qualified by another name ("the Kazan Kremlin") names
   * nothing.
   */
  see(term: number, qualifier: string | undefined, block: number): readonly T[];
  /** Which entries a match in block `block` marks now, which wait (see `decideEntries`). */
  decide(term: number, qualifier: string | undefined, block: number): EntryDecision;
  wait(item: T, context: number, block: number): void;
  /** Forgets waiting items the predicate picks (their text left the page). */
  forget(predicate: (item: T) => boolean): void;
  /** A fresh page: nothing named, nothing waiting. */
  reset(): void;
}

export function createContextTracker<T>(matcher: CompiledMatcher): ContextTracker<T> {
  // The last block each context was named in.
  const namedAt = new Map<number, number>();
  let waiting: { item: T; context: number; block: number }[] = [];
  // The contexts named within NEAR_BLOCKS of the block being decided: one object, asked per
  // context, rather than a set built per mention (a dense page has thousands of mentions of
  // "Defense Ministry" and its like: ~12 ms of a load went in building those sets).
  let decidingAt = 0;
  const nearNamed: NamedContexts = {
    has(context) {
      const at = namedAt.get(context);
      return at !== undefined && decidingAt - at <= NEAR_BLOCKS;
    },
  };
  return {
    see(term, qualifier, block) {
      const t = matcher.terms[term];
      // The common case, every match of a page: no allocation.
      if (!t?.cueOf) return NOTHING;
      // "the Kazan Kremlin" is not the Kremlin, so it is no cue for Moscow's ministries either.
      if (t.needs && qualifier !== undefined) {
        const own = t.needs.filter((n) => n >= 0);
        if (!own.some((c) => matcher.contexts?.[c]?.cues.includes(qualifier))) return [];
      }
      for (const c of t.cueOf) namedAt.set(c, block);
      // Nothing waits on most pages, most of the time: a cue as common as "Moscow" costs no arrays.
      if (waiting.length === 0) return NOTHING;
      // Mentions too far back can no longer meet a cue: later cues are farther still.
      waiting = waiting.filter((w) => block - w.block <= NEAR_BLOCKS);
      const ready = waiting.filter((w) => t.cueOf!.includes(w.context)).map((w) => w.item);
      waiting = waiting.filter((w) => !t.cueOf!.includes(w.context));
      return ready;
    },
    // Only a form that needs context asks which contexts are near.
    decide(term, qualifier, block) {
      decidingAt = block;
      return decideEntries(matcher, term, qualifier, matcher.terms[term]?.needs ? nearNamed : NO_CONTEXTS);
    },
    wait(item, context, block) {
      waiting.push({ item, context, block });
    },
    forget(predicate) {
      waiting = waiting.filter((w) => !predicate(w.item));
    },
    reset() {
      namedAt.clear();
      waiting = [];
    },
  };
}
