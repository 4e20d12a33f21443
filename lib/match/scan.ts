/**
 * Scans folded text for glossary terms. Runs in content scripts, on every block of every
 * page, so it does as little as possible per word: one lower-casing and one Map lookup;
 * candidates are checked only for words that start some term.
 */
import { isWordCharAt } from '../text/normalize';
import type { CompiledMatcher } from './compiled';

export interface TermMatch {
  /** Offsets into the folded text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Index into `CompiledMatcher.terms`. */
  readonly term: number;
}

interface Candidate {
  readonly term: number;
  readonly form: string;
  readonly lower: string;
  readonly caseSensitive: boolean;
  /** [start, end) of each word of the form, for the per-word case rule. */
  readonly words: readonly (readonly [number, number])[];
}

export interface Scanner {
  readonly matcher: CompiledMatcher;
  scan(text: string): TermMatch[];
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

function wordSpans(form: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of form.matchAll(WORD_RUN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
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
  for (const [s, e] of c.words) {
    const want = c.form.slice(s, e);
    const got = found.slice(s, e);
    if (got !== want && got !== want.toUpperCase() && got !== capitalize(want)) return false;
  }
  return true;
}

export function createScanner(matcher: CompiledMatcher): Scanner {
  const byFirstWord = new Map<string, Candidate[]>();
  matcher.terms.forEach((t, term) => {
    const words = wordSpans(t.form);
    const first = words[0];
    if (!first) return;
    const key = t.form.slice(first[0], first[1]).toLowerCase();
    const list = byFirstWord.get(key) ?? [];
    list.push({ term, form: t.form, lower: t.form.toLowerCase(), caseSensitive: t.caseSensitive, words });
    byFirstWord.set(key, list);
  });
  // Longest first, so "Islamic State-Khorasan Province" wins over "Islamic State".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);

  function scan(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    const re = new RegExp(WORD_RUN.source, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const candidates = byFirstWord.get(m[0].toLowerCase());
      if (!candidates) continue;
      const start = m.index;
      for (const c of candidates) {
        const end = start + c.form.length;
        if (end > text.length || isWordCharAt(text, end)) continue;
        if (!accepts(c, text.slice(start, end))) continue;
        out.push({ start, end, term: c.term });
        re.lastIndex = end;
        break;
      }
    }
    return out;
  }

  return { matcher, scan };
}
