/**
 * Compiles glossary entries into a CompiledMatcher. Runs in the background, once per
 * glossary change, so no page pays for it.
 */
import type { Entry } from '../glossary/schema';
import { isWordCharAt, normalize } from '../text/normalize';
import type { CompiledMatcher, CompiledTerm, MatcherEntry } from './compiled';

export interface MatchableEntry {
  readonly key: string;
  readonly entry: Pick<Entry, 'name' | 'aliases' | 'kind'> & { readonly match?: Partial<Entry['match']> };
}

/** An acronym ("ISIS-K", "NATO", "U.S.") is all capitals and digits with at least two capitals. */
export function isAcronym(form: string): boolean {
  return !/\p{Ll}/u.test(form) && (form.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function trimToWords(form: string): string {
  let start = 0;
  let end = form.length;
  while (start < end && !isWordCharAt(form, start)) start++;
  while (end > start && !isWordCharAt(form, end - 1)) end--;
  return form.slice(start, end);
}

export function compileMatcher(items: readonly MatchableEntry[], version: string): CompiledMatcher {
  const entries: MatcherEntry[] = [];
  // Keyed by form and sensitivity, so one form shared by two entries becomes one term.
  const terms = new Map<string, { form: string; entries: number[]; caseSensitive: boolean }>();
  for (const { key, entry } of items) {
    const index = entries.push({ key, kind: entry.kind }) - 1;
    const exact = new Set((entry.match?.caseSensitive ?? []).map(normalize));
    for (const raw of [entry.name, ...entry.aliases]) {
      // A form must start and end on a word character, or boundaries cannot be checked:
      // "U.S." is matched as "U.S", whose full stop then stands outside the word.
      const form = trimToWords(normalize(raw));
      if (!form) continue;
      const caseSensitive = exact.has(form) || isAcronym(form);
      const id = `${caseSensitive ? 'S' : 'I'}:${caseSensitive ? form : form.toLowerCase()}`;
      const term = terms.get(id) ?? { form, entries: [], caseSensitive };
      if (!term.entries.includes(index)) term.entries.push(index);
      terms.set(id, term);
    }
  }
  return { version, entries, terms: [...terms.values()] satisfies CompiledTerm[] };
}
