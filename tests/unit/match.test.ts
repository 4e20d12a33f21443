import { describe, expect, it } from 'vitest';
import type { EntryKind } from '@/lib/glossary/schema';
import { compileMatcher, isAcronym } from '@/lib/match/compile';
import { createScanner } from '@/lib/match/scan';
import { normalizeWithMap } from '@/lib/text/normalize';

interface TestEntry {
  key: string;
  name: string;
  aliases?: string[];
  caseSensitive?: string[];
  kind?: EntryKind;
}

const ENTRIES: TestEntry[] = [
  { key: 'isis-k', name: 'ISIS-K', aliases: ['Islamic State-Khorasan Province'] },
  { key: 'putin', name: 'Vladimir Putin', aliases: ['Putin'] },
  { key: 'russia', name: 'Russia', aliases: ['Russian Federation'] },
  { key: 'moscow', name: 'Moscow' },
  { key: 'crocus', name: 'Crocus City Hall' },
  { key: 'rahmon', name: 'Emomali Rahmon', aliases: ['Rahmon'] },
  { key: 'base', name: '201st military base', aliases: ['201st base'] },
  { key: 'state', name: 'U.S. Department of State', aliases: ['State Department'] },
  { key: 'telegram', name: 'Telegram' },
  { key: 'tajikistan', name: 'Tajikistan' },
];

function matchesIn(text: string, entries: TestEntry[] = ENTRIES): [string, string][] {
  const matcher = compileMatcher(
    entries.map((e) => ({
      key: e.key,
      entry: {
        name: e.name,
        aliases: e.aliases ?? [],
        kind: e.kind ?? 'concept',
        match: { caseSensitive: e.caseSensitive ?? [] },
      },
    })),
    'test',
  );
  const scanner = createScanner(matcher);
  const { text: folded, map } = normalizeWithMap(text);
  return scanner.scan(folded).map((m) => {
    const entryKeys = matcher.terms[m.term]!.entries.map((i) => matcher.entries[i]!.key).join('+');
    return [text.slice(map[m.start]!, map[m.end - 1]! + 1), entryKeys];
  });
}

describe('matcher', () => {
  it.each<[string, string, [string, string][]]>([
    ['exact name', 'Emomali Rahmon spoke', [['Emomali Rahmon', 'rahmon']]],
    [
      'alias',
      'Rahmon told Putin',
      [
        ['Rahmon', 'rahmon'],
        ['Putin', 'putin'],
      ],
    ],
    ['en dash in text, hyphen in glossary', 'claimed by ISIS–K today', [['ISIS–K', 'isis-k']]],
    [
      'em dash and minus',
      'ISIS—K and ISIS−K',
      [
        ['ISIS—K', 'isis-k'],
        ['ISIS−K', 'isis-k'],
      ],
    ],
    ['longest match wins', 'the Islamic State–Khorasan Province said', [['Islamic State–Khorasan Province', 'isis-k']]],
    ['"Islamic State" alone is not ISIS-K', 'the Islamic State group', []],
    ['"Isis" the goddess is not ISIS-K', 'Isis, the goddess; isis-k', []],
    ['"crisis" never matches', 'a crisis in Syria, crisis-k', []],
    ['"computing" never matches Putin', 'inputing and computing and Putinism', []],
    ['possessive with curly apostrophe', 'Russia’s ally', [['Russia', 'russia']]],
    ['possessive with straight apostrophe', "Moscow's efforts", [['Moscow', 'moscow']]],
    ['all-caps dateline', 'MOSCOW (AP) — Officials', [['MOSCOW', 'moscow']]],
    ['lower case is not a name', 'sent a telegram to moscow', []],
    ['title case of a lower-case term', 'The 201st Military Base is', [['201st Military Base', 'base']]],
    ['alias of a lower-case term', 'the 201st base', [['201st base', 'base']]],
    ['line break inside a term', 'the 201st military\n   base, which', [['201st military\n   base', 'base']]],
    ['no-break space inside a term', 'Crocus\u00a0City Hall', [['Crocus\u00a0City Hall', 'crocus']]],
    ['soft hyphen inside a word', 'Taji\u00adkistan', [['Taji\u00adkistan', 'tajikistan']]],
    ['dotted abbreviation', 'The U.S. Department of State argues', [['U.S. Department of State', 'state']]],
    ['a word continuing the term is no match', 'Moscowitz and Russians', []],
    ['letters before are no match', 'antiMoscow', []],
    ['digits are word characters', '1Moscow Moscow2', []],
    ['hyphen compound', 'anti–Moscow sentiment', [['Moscow', 'moscow']]],
    [
      'adjacent terms',
      'Moscow Russia',
      [
        ['Moscow', 'moscow'],
        ['Russia', 'russia'],
      ],
    ],
    ['Cyrillic lookalikes do not match', 'Мoscow', []],
    ['empty text', '', []],
  ])('%s', (_label, text, expected) => {
    expect(matchesIn(text)).toEqual(expected);
  });

  it.each([
    'Emomali Rahmon met PUTIN in Moscow',
    'the 201st Military Base; isis-k; ISIS-K',
    'Moscowitz, Telegram, telegram',
  ])('finds the same matches in ASCII-only and in mixed text: %s', (text) => {
    // "é" at the end makes the block non-ASCII, which takes the lower-cased-copy path.
    expect(matchesIn(`${text} é`)).toEqual(matchesIn(text));
  });

  it.each(['', ' é'])(
    'a first word that starts many terms: the one the text names, case rules kept (suffix %j)',
    (suffix) => {
      // Twenty "Bank of …" terms: the scanner rules most out by their lower case before the case rules.
      const entries: TestEntry[] = [
        ...Array.from({ length: 20 }, (_, i) => ({ key: `bank-${i}`, name: `Bank of Zi${'i'.repeat(i)}l` })),
        { key: 'bank', name: 'Bank' },
      ];
      expect(
        matchesIn(`the Bank of Ziiil, the BANK OF ZIL, a bank of zil, the Bank of Nowhere${suffix}`, entries),
      ).toEqual([
        ['Bank of Ziiil', 'bank-2'],
        ['BANK OF ZIL', 'bank-0'],
        ['Bank', 'bank'],
      ]);
    },
  );

  it('lists every entry that shares a form (ambiguity)', () => {
    const entries: TestEntry[] = [
      { key: 'a/georgia', name: 'Georgia' },
      { key: 'b/georgia', name: 'Georgia' },
    ];
    expect(matchesIn('in Georgia today', entries)).toEqual([['Georgia', 'a/georgia+b/georgia']]);
  });

  it('honours explicit case-sensitive forms', () => {
    const entries: TestEntry[] = [{ key: 'apple', name: 'Apple', caseSensitive: ['Apple'] }];
    expect(matchesIn('Apple and APPLE', entries)).toEqual([['Apple', 'apple']]);
  });

  it.each([
    ['ISIS-K', true],
    ['NATO', true],
    ['U.S.', true],
    ['Moscow', false],
    ['A', false],
    ['201st', false],
  ])('isAcronym(%s) is %s', (form, expected) => {
    expect(isAcronym(form)).toBe(expected);
  });
});

describe('compileMatcher: word spans, found once for every page', () => {
  it.each<[string, number[]]>([
    ['Putin', [0, 5]],
    ['Mr. Putin', [0, 2, 4, 9]],
    ['ISIS–K', [0, 4, 5, 6]],
    ['201st military base', [0, 5, 6, 14, 15, 19]],
    ['São Tomé', [0, 3, 4, 8]],
  ])('%s', (name, words) => {
    const matcher = compileMatcher([{ key: 'k', entry: { name, aliases: [], kind: 'concept' } }], 'test');
    expect(matcher.terms.map((t) => t.words)).toEqual([words]);
  });
});
