/**
 * Finds a saved passage again in a page's text, as Hypothesis does: the recorded position
 * first (cheap and exact when the page has not changed), then every exact occurrence of the
 * quote, then an approximate search (Myers' bit-parallel algorithm, approx-string-match)
 * when the page was edited a little. Candidates are ranked by how well the quote, its
 * prefix and suffix match, and by closeness to the recorded position.
 *
 * Unlike Hypothesis, a fuzzy match must also be vouched for: within a quarter of the quote in
 * edits, its context must not contradict it (the worse side at least half right); past that, up
 * to half the quote (short quotes, where three words edited are a third of it), its context on
 * both sides must agree. So an edited passage is found, and a sentence like it is not.
 * Measured on real pages beside Hypothesis in tests/unit/anchoring.test.ts (README: "Finding
 * passages again").
 */
import search from 'approx-string-match';
import type { Selectors } from './describe';

export interface Anchor {
  readonly start: number;
  readonly end: number;
  /** How it was found; "fuzzy" means the page's text differs from the saved quote. */
  readonly method: 'position' | 'quote' | 'fuzzy';
  /** Edits between the saved quote and the text found (0 unless fuzzy). */
  readonly errors: number;
}

type QuoteAndPosition = Pick<Selectors, 'quote'> & { readonly position?: Selectors['position'] };

/**
 * How many edits a fuzzy match may have on the quote alone: a quarter of the quote, at most 256
 * (the matcher's cost grows with it). A quote of 40 characters may then differ by 10, while
 * three words edited in it differ by 15 or more: short quotes need more room (`RELAXED_CAP`).
 */
export function strictBudget(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 4));
}

/**
 * Edits allowed when the context vouches for the match: up to half the quote (as Hypothesis
 * allows any match), but no more than RELAXED_CAP, and never less than the strict budget.
 * Only quotes under 192 characters gain: past that the strict budget is larger already.
 */
export function relaxedBudget(quote: string): number {
  return Math.max(strictBudget(quote), Math.min(Math.floor(quote.length / 2), RELAXED_CAP));
}

/** Edits the relaxed budget allows at most: three long words replaced (as many as Hypothesis allows a quote of 96 characters). */
const RELAXED_CAP = 48;
/**
 * How well both the prefix and the suffix must agree (the worse of the two, 1 = exactly) for a
 * match past the strict budget: context is what tells the passage, edited, from a sentence like it.
 */
export const CONTEXT_VOUCHES = 0.85;
/** Within the strict budget, a fuzzy match whose context (the worse side) agrees less than this is refused. */
export const CONTEXT_REFUTES = 0.5;

/** How well `affix` matches `around` (1 = exactly; an empty affix, nothing to compare, counts as 1). */
function affixScore(around: string, affix: string): number {
  if (!affix) return 1;
  const errors = search(around, affix, affix.length)[0]?.errors ?? affix.length;
  return 1 - errors / affix.length;
}

/**
 * How well the prefix and suffix agree around [start, end). A fuzzy match's ends are uncertain by
 * up to its edits (an edited word at an end may be left out of the alignment), so each affix is
 * looked for in a window that much wider (`slack`, at most 16 characters).
 */
function contextScores(text: string, start: number, end: number, prefix: string, suffix: string, slack = 0) {
  const before = affixScore(text.slice(Math.max(0, start - prefix.length - slack), start + slack), prefix);
  const after = affixScore(text.slice(Math.max(0, end - slack), end + suffix.length + slack), suffix);
  return { mean: (before + after) / 2, worst: Math.min(before, after) };
}

/** Places whose context is checked for a fuzzy match: at most this many of each affix. */
const MAX_AFFIX_PLACES = 20;
/** An affix shorter than this is too common to say where a quote is. */
const MIN_AFFIX = 8;

/**
 * Fuzzy candidates for the quote. approx-string-match reports only the matches with the fewest
 * errors in the text it searches: on a whole page, a sentence elsewhere that differs by fewer
 * edits hides the passage, edited in place. So the quote is also searched for where it should
 * be: around its recorded position, just after each place its prefix is found, and just before
 * each place its suffix is found (windows a little larger than the quote and its budget).
 */
function candidates(text: string, exact: string, prefix: string, suffix: string, hint: number | undefined, k: number) {
  const found = new Map<string, { start: number; end: number; errors: number }>();
  const within = (from: number, to: number) => {
    const start = Math.max(0, from);
    for (const m of search(text.slice(start, Math.min(text.length, to)), exact, k)) {
      const c = { start: m.start + start, end: m.end + start, errors: m.errors };
      found.set(`${c.start}:${c.end}`, c);
    }
  };
  within(0, text.length);
  const span = exact.length + k;
  if (hint !== undefined) within(hint - span, hint + 2 * span);
  const places = (affix: string, visit: (at: number) => void) => {
    if (affix.trim().length < MIN_AFFIX) return;
    let n = 0;
    for (let i = text.indexOf(affix); i >= 0 && n < MAX_AFFIX_PLACES; i = text.indexOf(affix, i + 1), n++) visit(i);
  };
  places(prefix, (at) => within(at + prefix.length - k, at + prefix.length + span));
  places(suffix, (at) => within(at - span, at + k));
  return found.values();
}

/** How far a fuzzy match's ends may move to meet its context. */
const SNAP = 16;
/** How far around a fuzzy match's ends its context is looked for. */
const MAX_SLACK = 16;

/**
 * A fuzzy match's ends are where the alignment with fewest edits put them, which may be a letter
 * or two short of a word edited in ("next mont|h"): each end moves to where its context
 * (the first or last few characters of the suffix or prefix) is found, if that is close.
 */
function snapToContext(text: string, found: Anchor, prefix: string, suffix: string): Anchor {
  let { start, end } = found;
  const head = suffix.slice(0, 8);
  if (head.trim().length >= 4) {
    const j = text.indexOf(head, Math.max(start + 1, end - SNAP));
    if (j >= 0 && j <= end + SNAP) end = j;
  }
  const tail = prefix.slice(-8);
  if (tail.trim().length >= 4) {
    const k = text.lastIndexOf(tail, Math.min(end - 1, start + SNAP) - tail.length);
    if (k >= 0 && k + tail.length >= start - SNAP) start = k + tail.length;
  }
  return start < end ? { ...found, start, end } : found;
}

export function anchor(text: string, { quote, position }: QuoteAndPosition): Anchor | undefined {
  const { exact, prefix, suffix } = quote;
  if (!exact) return undefined;
  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  const hint = position?.start;
  const rank = (start: number, end: number, errors: number, ctx: number) => {
    const quoteScore = 1 - errors / exact.length;
    const distance = hint === undefined ? 0 : Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
    // Weights as in Hypothesis's match-quote: the quote matters most, then context, then position.
    return 50 * quoteScore + 20 * ctx + 2 * (1 - distance);
  };

  let best: { anchor: Anchor; score: number } | undefined;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const score = rank(i, i + exact.length, 0, contextScores(text, i, i + exact.length, prefix, suffix).mean);
    if (!best || score > best.score)
      best = { anchor: { start: i, end: i + exact.length, method: 'quote', errors: 0 }, score };
  }
  if (best) return best.anchor;

  const strict = strictBudget(exact);
  const relaxed = relaxedBudget(exact);
  if (relaxed === 0) return undefined;
  for (const m of candidates(text, exact, prefix, suffix, hint, relaxed)) {
    // Within the strict budget: unless the context, where the match ends, says it is somewhere
    // else. Past it (short quotes only): only when the context on both sides, allowing for the
    // ends' uncertainty, says it is the passage.
    const ctx =
      m.errors <= strict
        ? contextScores(text, m.start, m.end, prefix, suffix)
        : contextScores(text, m.start, m.end, prefix, suffix, Math.min(MAX_SLACK, m.errors));
    const accepted = m.errors <= strict ? ctx.worst >= CONTEXT_REFUTES : ctx.worst >= CONTEXT_VOUCHES;
    if (!accepted) continue;
    const score = rank(m.start, m.end, m.errors, ctx.mean);
    if (!best || score > best.score)
      best = { anchor: { start: m.start, end: m.end, method: 'fuzzy', errors: m.errors }, score };
  }
  return best && snapToContext(text, best.anchor, prefix, suffix);
}
