/**
 * Finds candidate entities in an article: compromise's named-entity recognition (people,
 * places, organisations) plus a capitalised-phrase rule for what NER misses (facilities such
 * as "Crocus City Hall", bodies such as "Ministry of Labor of Tajikistan", acronyms such as
 * "ISIS–K"). Candidates are only proposals: the curation decides what becomes an entry.
 */
import nlp from 'compromise';
import type { EntryKind } from './schema';
import type { Sentence } from './sentences';
import { formKey } from '../text/normalize';

export type ExtractorName = 'people' | 'places' | 'organizations' | 'capitalised';

export interface Candidate {
  /** The candidate as first seen, trimmed of punctuation and possessives. */
  readonly text: string;
  readonly via: ReadonlySet<ExtractorName>;
  /** The kind NER suggests, when it suggests one. */
  readonly kind?: EntryKind;
  readonly count: number;
}

/** Titles compromise keeps in front of names ("President Emomali Rahmon", "Lawmaker …"). */
const LEADING_TITLES = /^(?:(?:President|Prime Minister|Lawmaker|Minister|Mr|Mrs|Ms|Dr|Sir|General|Gen)\.?\s+)+/u;
/** Words that start sentences or phrases but never names on their own. */
const FUNCTION_WORDS = new Set(
  'the a an but and or in on at for from to with as by also even however thus more most if such there their this that these those it its he she they we our his her what where when who why how after before two one yet so then while'.split(
    ' ',
  ),
);

/** Strips punctuation at the ends, possessives and leading titles. */
export function tidyCandidate(raw: string): string {
  let text = raw.replace(/\s+/gu, ' ').trim();
  text = text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}.]+$/u, '');
  text = text.replace(/[’']s$/u, '');
  // A trailing full stop belongs to the sentence, unless the candidate is an abbreviation (U.S.).
  if (/\.$/u.test(text) && !/(?:\b\p{Lu}\.)+$/u.test(text)) text = text.slice(0, -1);
  return text.replace(LEADING_TITLES, '').trim();
}

const CAPITALISED_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}]*(?:\.\p{Lu})*\.?|\d+(?:st|nd|rd|th))`;
const CONNECTOR = String.raw`(?:\s+(?:of|the|on|for)){1,2}\s+`;
const CAPITALISED_PHRASE = new RegExp(
  `${CAPITALISED_WORD}(?:(?:${CONNECTOR}|\\s+|[-–—])${String.raw`\p{Lu}[\p{L}\p{M}]*(?:\.\p{Lu})*\.?`})*`,
  'gu',
);

function* capitalisedPhrases(sentence: string): Iterable<{ text: string; initial: boolean }> {
  for (const m of sentence.matchAll(CAPITALISED_PHRASE)) {
    let text = m[0];
    // A phrase never ends on a connector ("Ministry of" + lower case).
    text = text.replace(/(?:\s+(?:of|the|on|for))+$/u, '');
    const before = sentence.slice(0, m.index);
    yield { text, initial: !/[\p{L}\p{N}]/u.test(before) };
  }
}

export function extractCandidates(sentences: readonly Sentence[]): Candidate[] {
  const found = new Map<string, { text: string; via: Set<ExtractorName>; kind?: EntryKind; count: number }>();
  const add = (raw: string, via: ExtractorName, kind?: EntryKind) => {
    const text = tidyCandidate(raw);
    if (!text || !/\p{Lu}/u.test(text) || FUNCTION_WORDS.has(text.toLowerCase())) return;
    const key = formKey(text);
    const item = found.get(key) ?? { text, via: new Set<ExtractorName>(), count: 0 };
    item.via.add(via);
    item.count++;
    item.kind ??= kind;
    found.set(key, item);
  };

  // Words seen capitalised in mid-sentence: a sentence-initial capital proves nothing alone.
  const midSentence = new Set<string>();
  for (const s of sentences) {
    for (const phrase of capitalisedPhrases(s.text)) {
      if (!phrase.initial) midSentence.add(tidyCandidate(phrase.text));
    }
  }
  for (const s of sentences) {
    const doc = nlp(s.text);
    for (const text of doc.people().out('array') as string[]) add(text, 'people', 'person');
    for (const text of doc.places().out('array') as string[]) {
      // NER sometimes returns a list as one place ("Russia, Belarus,").
      for (const part of text.split(/,\s*/u)) add(part, 'places', 'place');
    }
    for (const text of doc.organizations().out('array') as string[]) add(text, 'organizations', 'organization');
    for (const phrase of capitalisedPhrases(s.text)) {
      let text = tidyCandidate(phrase.text);
      if (phrase.initial) {
        // Drop a sentence-initial function word ("The Kremlin" → "Kremlin").
        const words = text.split(' ');
        while (words.length > 1 && FUNCTION_WORDS.has(words[0]!.toLowerCase())) words.shift();
        text = words.join(' ');
        if (!text.includes(' ') && !midSentence.has(text)) {
          continue;
        }
      }
      add(text, 'capitalised');
    }
  }
  return [...found.values()];
}
