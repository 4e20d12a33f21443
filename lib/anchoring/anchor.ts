/**
 * Finds a saved passage again in a page's text, as Hypothesis does: the recorded position
 * first (cheap and exact when the page has not changed), then every exact occurrence of the
 * quote, then an approximate search (Myers' bit-parallel algorithm, approx-string-match)
 * when the page was edited a little. Candidates are ranked by how well the quote, its
 * prefix and suffix match, and by closeness to the recorded position.
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

/** How many edits a fuzzy match may have: a quarter of the quote, at most 256 (the matcher's cost grows with it). */
function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 4));
}

function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const score = (a: string, b: string) => {
    if (!b) return 1;
    const errors = search(a, b, b.length)[0]?.errors ?? b.length;
    return 1 - errors / b.length;
  };
  return (score(before, prefix) + score(after, suffix)) / 2;
}

export function anchor(text: string, { quote, position }: QuoteAndPosition): Anchor | undefined {
  const { exact, prefix, suffix } = quote;
  if (!exact) return undefined;
  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  const hint = position?.start ?? 0;
  const rank = (start: number, end: number, errors: number) => {
    const quoteScore = 1 - errors / exact.length;
    const ctx = contextScore(text, start, end, prefix, suffix);
    const distance = Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
    // Weights as in Hypothesis's match-quote: the quote matters most, then context, then position.
    return 50 * quoteScore + 20 * ctx + 2 * (1 - distance);
  };

  let best: { anchor: Anchor; score: number } | undefined;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const score = rank(i, i + exact.length, 0);
    if (!best || score > best.score)
      best = { anchor: { start: i, end: i + exact.length, method: 'quote', errors: 0 }, score };
  }
  if (best) return best.anchor;

  const maxErrors = maxErrorsFor(exact);
  if (maxErrors === 0) return undefined;
  for (const m of search(text, exact, maxErrors)) {
    const score = rank(m.start, m.end, m.errors);
    if (!best || score > best.score)
      best = { anchor: { start: m.start, end: m.end, method: 'fuzzy', errors: m.errors }, score };
  }
  return best?.anchor;
}
