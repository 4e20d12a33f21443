/**
 * Checks that a curated summary says no more than the article: every number, date, proper
 * name and quotation in it must occur in the sentences it cites. What the article does not
 * say belongs in the entry's `general` line, which names its own source.
 *
 *   summary  "Concert hall in Moscow where gunmen killed at least 144 people."
 *   cites    ["killed at least 144 people"]   → the sentence holding that quote
 *   facts    Moscow, 144                       → each must occur in that sentence
 */
import { normalize } from '../text/normalize';
import { isDemonym, isFirstName, isLastName, isOrganizationWord, isPlaceWord } from './lexicon';

/**
 * A word the lexicon knows as a name. A capitalised word opening a summary sentence is checked
 * only then: "Concert hall …" opens with an ordinary word, "Tajikistan's capital …" with a fact.
 * (A name the lexicon does not know escapes the check there; anywhere else it is checked.)
 */
const isKnownName = (w: string) =>
  isPlaceWord(w) || isDemonym(w) || isFirstName(w) || isLastName(w) || isOrganizationWord(w);

/** Capitalised words that start a summary's sentences without being names. */
const SENTENCE_OPENERS = new Set(
  'The A An Its His Her Their This That These Those One Two Three Four Five Six Seven Eight Nine Ten After Before When Where Who Which In On At By For From Of To With Since Until During Most Many Some Several Almost About Around More Less Also Once'.split(
    ' ',
  ),
);

export interface GroundingInput {
  /** The entry's name and aliases: it need not cite its own name. */
  readonly forms: readonly string[];
  readonly summary: string;
  /** Short verbatim quotes, each from one article sentence. */
  readonly cites: readonly string[];
}

export interface Grounding {
  /** The article sentences the cites point at, in article order. */
  readonly sentences: readonly string[];
  readonly problems: readonly string[];
}

/** The facts a summary states: quotations, numbers, and capitalised words not opening a sentence. */
export function factsOf(summary: string): { quotes: string[]; numbers: string[]; names: string[] } {
  const text = normalize(summary);
  const quotes = [...text.matchAll(/[“"]([^”"]+)[”"]/gu)].map((m) => m[1]!.trim());
  const unquoted = text.replace(/[“"][^”"]+[”"]/gu, ' ');
  const numbers = [...unquoted.matchAll(/\d+(?:[.,]\d+)*/gu)].map((m) => m[0]);
  const names: string[] = [];
  for (const m of unquoted.matchAll(/\p{Lu}[\p{L}\p{M}]*(?:[-–]\p{Lu}[\p{L}\p{M}]*)*/gu)) {
    const before = unquoted.slice(0, m.index).trimEnd();
    const opensSentence = before === '' || /[.!?:;]$/u.test(before);
    if (opensSentence && (SENTENCE_OPENERS.has(m[0]) || !isKnownName(m[0]))) continue;
    names.push(m[0]);
  }
  return { quotes, numbers, names };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function checkGrounding(input: GroundingInput, articleSentences: readonly string[]): Grounding {
  const problems: string[] = [];
  const folded = articleSentences.map((s) => normalize(s));
  const cited = new Set<number>();
  if (input.cites.length === 0) problems.push('cites no sentence of the article');
  for (const cite of input.cites) {
    const quote = normalize(cite);
    const at = folded.findIndex((s) => s.includes(quote));
    if (at < 0) problems.push(`cites "${cite}", which is in no sentence of the article`);
    else cited.add(at);
  }
  const sentences = [...cited].sort((a, b) => a - b).map((i) => folded[i]!);
  const source = sentences.join(' ');
  const own = input.forms.map((f) => normalize(f));
  const { quotes, numbers, names } = factsOf(input.summary);
  for (const q of quotes) if (!source.includes(q)) problems.push(`quotes “${q}”, which its sentences do not say`);
  for (const n of numbers) {
    // Whole numbers only: "14" must not be found inside "144".
    if (!new RegExp(`(?<![\\d.,])${n.replace(/[.,]/gu, '[.,]')}(?![\\d]|[.,]\\d)`, 'u').test(source))
      problems.push(`states the number ${n}, which its sentences do not`);
  }
  for (const name of new Set(names)) {
    if (own.some((f) => f.split(/\s+/u).includes(name))) continue;
    // As a whole word: "Russia" is not said by "Russian".
    if (!new RegExp(`(?<![\\p{L}\\p{M}])${escape(name)}(?![\\p{L}\\p{M}])`, 'u').test(source))
      problems.push(`names "${name}", which its sentences do not`);
  }
  return { sentences: articleSentences.filter((_, i) => cited.has(i)), problems };
}
