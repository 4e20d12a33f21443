/** The compiled matcher's shared pieces: word spans, the word hash, and the first-word index. */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import { firstWordIndex, hashKey, wordSpans } from '@/lib/match/compiled';

describe('wordSpans', () => {
  it.each<[string, [number, number][]]>([
    ['Moscow', [[0, 6]]],
    [
      'Mr. Putin',
      [
        [0, 2],
        [4, 9],
      ],
    ],
    [
      'ISIS-K',
      [
        [0, 4],
        [5, 6],
      ],
    ],
    [
      'Rahmón’s party',
      [
        [0, 6],
        [7, 8],
        [9, 14],
      ],
    ],
  ])('%s', (form, spans) => {
    expect(wordSpans(form)).toEqual(spans);
  });
});

describe('hashKey', () => {
  it('is the scanner’s word hash: h·31 + code, in 32 bits', () => {
    expect(hashKey('')).toBe(0);
    expect(hashKey('a')).toBe(97);
    expect(hashKey('ab')).toBe(97 * 31 + 98);
    // Long words wrap around as 32-bit integers, never become floats.
    expect(Number.isInteger(hashKey('x'.repeat(100)))).toBe(true);
    expect(hashKey('moscow')).not.toBe(hashKey('moskow'));
  });
});

describe('firstWordIndex', () => {
  const matcher = compileMatcher(
    [
      { key: 'p/islamic-state', entry: { name: 'Islamic State', aliases: ['ISIS-K'], kind: 'organization' } },
      {
        key: 'p/iskp',
        entry: { name: 'Islamic State-Khorasan Province', aliases: [], kind: 'organization' },
      },
      { key: 'p/moscow', entry: { name: 'Moscow', aliases: [], kind: 'place' } },
    ],
    'v1',
  );
  const byKey = new Map(matcher.firstWords.map((w) => [w.key, w]));

  it.each<[string, string[]]>([
    // first word (lower-cased), the forms it starts, longest first
    ['islamic', ['Islamic State-Khorasan Province', 'Islamic State']],
    ['isis', ['ISIS-K']],
    ['moscow', ['Moscow']],
  ])('files the terms starting "%s", longest first', (key, forms) => {
    const word = byKey.get(key)!;
    expect(word.terms.map((t) => matcher.terms[t]!.form)).toEqual(forms);
    expect(word.hash).toBe(hashKey(key));
  });

  it('files every term once, and is what compileMatcher ships', () => {
    const filed = matcher.firstWords.flatMap((w) => w.terms).sort((a, b) => a - b);
    expect(filed).toEqual(matcher.terms.map((_, i) => i));
    expect(firstWordIndex(matcher.terms)).toEqual(matcher.firstWords);
  });
});
