/**
 * Compiles glossary entries into a CompiledMatcher. Runs in the background, once per
 * glossary change, so no page pays for it.
 */
import type { Entry } from '../glossary/schema';
import { isWordCharAt, normalize } from '../text/normalize';
import {
  type CompiledContext,
  type CompiledMatcher,
  type CompiledTerm,
  firstWordIndex,
  type MatcherEntry,
  wordSpans,
} from './compiled';

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

interface TermDraft {
  form: string;
  entries: number[];
  needs: number[];
  cueOf: number[];
  caseSensitive: boolean;
}

export function compileMatcher(items: readonly MatchableEntry[], version: string): CompiledMatcher {
  const entries: MatcherEntry[] = [];
  const contexts: CompiledContext[] = [];
  // Keyed by form and sensitivity, so one form shared by two entries becomes one term.
  const terms = new Map<string, TermDraft>();
  const termFor = (raw: string, exact: ReadonlySet<string>): TermDraft | undefined => {
    // A form must start and end on a word character, or boundaries cannot be checked:
    // "U.S." is matched as "U.S", whose full stop then stands outside the word.
    const form = trimToWords(normalize(raw));
    if (!form) return undefined;
    const caseSensitive = exact.has(form) || isAcronym(form);
    const id = `${caseSensitive ? 'S' : 'I'}:${caseSensitive ? form : form.toLowerCase()}`;
    let term = terms.get(id);
    if (!term) terms.set(id, (term = { form, entries: [], needs: [], cueOf: [], caseSensitive }));
    return term;
  };
  for (const { key, entry } of items) {
    const index = entries.push({ key, kind: entry.kind }) - 1;
    const exact = new Set((entry.match?.caseSensitive ?? []).map(normalize));
    const rule = entry.match?.needsContext;
    let context = -1;
    if (rule) {
      context = contexts.push({ cues: rule.cues.map((c) => trimToWords(normalize(c)).toLowerCase()) }) - 1;
      // Cues are found by the same scan: a cue that names no entry becomes a term that marks nothing.
      for (const cue of rule.cues) {
        const term = termFor(cue, exact);
        if (term && !term.cueOf.includes(context)) term.cueOf.push(context);
      }
    }
    const contextual = new Set((rule?.forms ?? []).map((f) => trimToWords(normalize(f)).toLowerCase()));
    for (const raw of [entry.name, ...entry.aliases]) {
      const term = termFor(raw, exact);
      if (!term || term.entries.includes(index)) continue;
      term.entries.push(index);
      term.needs.push(contextual.has(term.form.toLowerCase()) ? context : -1);
    }
  }
  const compiled = [...terms.values()].map(
    ({ form, entries: termEntries, needs, cueOf, caseSensitive }): CompiledTerm => ({
      form,
      entries: termEntries,
      caseSensitive,
      words: wordSpans(form).flat(),
      ...(needs.some((n) => n >= 0) ? { needs } : {}),
      ...(cueOf.length ? { cueOf } : {}),
    }),
  );
  return {
    version,
    entries,
    terms: compiled,
    firstWords: firstWordIndex(compiled),
    ...(contexts.length ? { contexts } : {}),
  };
}
