/**
 * Names that need context: the word before a match, and the page's cues, decide whether
 * "Defense Ministry" or "Jordan" marks the entry that needs them.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableEntry } from '@/lib/match/compile';
import { createContextTracker, qualifierBefore } from '@/lib/match/context';
import { createScanner } from '@/lib/match/scan';
import { normalize } from '@/lib/text/normalize';

const RUSSIAN_CUES = ['Russia', 'Russian', 'Moscow', 'Kremlin', 'Putin'];
const entries: MatchableEntry[] = [
  {
    key: 'seed/kremlin',
    entry: {
      name: 'Kremlin',
      aliases: [],
      kind: 'organization',
      match: { caseSensitive: [], needsContext: { forms: ['Kremlin'], cues: ['Russia', 'Moscow', 'Putin'] } },
    },
  },
  { key: 'seed/russia', entry: { name: 'Russia', aliases: [], kind: 'place' } },
  {
    key: 'seed/defense-ministry',
    entry: {
      name: 'Defense Ministry',
      aliases: ['Russian Defense Ministry', 'Ministry of Defense'],
      kind: 'organization',
      match: {
        caseSensitive: [],
        needsContext: { forms: ['Defense Ministry', 'Ministry of Defense'], cues: RUSSIAN_CUES },
      },
    },
  },
  {
    key: 'world/jordan',
    entry: {
      name: 'Jordan',
      aliases: [],
      kind: 'place',
      match: { caseSensitive: [], needsContext: { forms: ['Jordan'], cues: ['Amman', 'Jordanian', 'Jordanians'] } },
    },
  },
];
const matcher = compileMatcher(entries, 'test');

/** What a page of blocks marks, in order: "key@block" for each marked mention. */
function marksOn(blocks: readonly string[]): string[] {
  const scanner = createScanner(matcher);
  const tracker = createContextTracker<string>(matcher);
  const marked: string[] = [];
  blocks.forEach((text, b) => {
    for (const m of scanner.scan(normalize(text))) {
      marked.push(...tracker.see(m.term, m.qualifier, b));
      const { now, waiting } = tracker.decide(m.term, m.qualifier, b);
      for (const e of now) marked.push(`${matcher.entries[e]!.key}@${b}`);
      for (const w of waiting) tracker.wait(`${matcher.entries[w.entry]!.key}@${b}`, w.context, b);
    }
  });
  return marked.filter((k) => !k.startsWith('seed/russia') && !k.startsWith('seed/kremlin'));
}

describe('names that need context', () => {
  it.each<[string, string, number, string | undefined]>([
    ['a possessive country', "Israel's Defense Ministry", 9, 'israel'],
    ['a capitalised place', 'the Kazan Kremlin', 10, 'kazan'],
    ['a first name', 'Michael Jordan', 8, 'michael'],
    ['a sentence-opening article', 'The Defense Ministry', 4, undefined],
    ['a lower-case word', 'said the Defense Ministry', 9, undefined],
    ['the start of the text', 'Defense Ministry', 0, undefined],
    ['a word that only ends in capitals', 'xIsrael Defense', 8, undefined],
    ['a preposition', 'In Jordan', 3, undefined],
    ['a year', 'the 2002 Moscow terror attack', 9, '2002'],
  ])('the word before: %s', (_why, text, start, expected) => {
    expect(qualifierBefore(text, start)).toBe(expected);
  });

  it.each<[string, string[], string[]]>([
    [
      'another country’s possessive never marks it',
      ["Israel's Defense Ministry said on Monday.", 'Moscow reacted.'],
      [],
    ],
    ['another country’s ministry, longer form', ["Ukraine's Ministry of Defense replied."], []],
    ['a cue before it marks it at once', ["Russia's Defense Ministry said so."], ['seed/defense-ministry@0']],
    [
      'a bare mention waits for a cue later on the page',
      ['The Defense Ministry said so.', 'Officials in Moscow agreed.'],
      ['seed/defense-ministry@0'],
    ],
    ['a bare mention with no cue on the page stays unmarked', ['The Defense Ministry said so.', 'Rain fell.'], []],
    [
      'a cue earlier on the page marks it as it comes',
      ['The Kremlin spoke.', 'The Defense Ministry said so.'],
      ['seed/defense-ministry@1'],
    ],
    [
      'a reader alias that names the context marks it anywhere',
      ['The Russian Defense Ministry said so.'],
      ['seed/defense-ministry@0'],
    ],
    ['a person named like a country', ['Michael Jordan scored.', 'Fans cheered.'], []],
    ['the country, with its capital on the page', ['Talks in Jordan ended.', 'Amman said so.'], ['world/jordan@0']],
    ['the country, with its demonym before it', ['Jordanians voted.', 'In Jordan, turnout rose.'], ['world/jordan@1']],
    [
      'a cue too far away does not count',
      ['The Defense Ministry said so.', 'a', 'b', 'c', 'd', 'Officials in Moscow agreed.'],
      [],
    ],
    [
      'a cue just near enough does',
      ['The Defense Ministry said so.', 'a', 'b', 'Officials in Moscow agreed.'],
      ['seed/defense-ministry@0'],
    ],
    ['a cue long before is forgotten', ['The Kremlin spoke.', 'a', 'b', 'c', 'The Defense Ministry said so.'], []],
    [
      'a cue that is itself another place’s is no cue',
      ['Tourists visited the Kazan Kremlin.', 'The Defense Ministry said so.'],
      [],
    ],
  ])('%s', (_why, blocks, expected) => {
    expect(marksOn(blocks)).toEqual(expected);
  });

  it('compiles cues that name no entry as terms that mark nothing', () => {
    const moscow = matcher.terms.find((t) => t.form === 'Moscow');
    expect(moscow).toMatchObject({ entries: [], cueOf: [0, 1] });
    const russia = matcher.terms.find((t) => t.form === 'Russia');
    expect(russia?.entries).toHaveLength(1);
    expect(russia?.cueOf).toEqual([0, 1]);
  });

  it('needs context only for the forms listed, per entry', () => {
    const bare = matcher.terms.find((t) => t.form === 'Defense Ministry');
    const full = matcher.terms.find((t) => t.form === 'Russian Defense Ministry');
    expect(bare?.needs).toEqual([1]);
    expect(full?.needs).toBeUndefined();
  });
});
