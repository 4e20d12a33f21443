import { describe, expect, it } from 'vitest';
import pack from '@/glossary/generated/tajikistan-moscow-attack.pack.json';
import { parsePack } from '@/lib/glossary/schema';
import { createGlossaryIndex } from '@/lib/search/glossary-search';
import { generatePack } from '../support/generate';

const entries = parsePack(pack).entries.map((e) => ({ ...e, key: e.id }));
const index = createGlossaryIndex(entries);
const top = (q: string) => index.search(q)[0];

describe('glossary search', () => {
  it.each([
    ['isis-k', 'isis-k', 'name'],
    ['ISIS–K', 'isis-k', 'name'],
    ['isisk', 'isis-k', 'name'],
    ['Isis k', 'isis-k', 'name'],
    ['dush', 'dushanbe', 'prefix'],
    ['Rahmen', 'emomali-rahmon', 'fuzzy'],
    ['Matveev', 'mikhail-matveyev', 'prefix'],
    ['Matvejev', 'mikhail-matveyev', 'fuzzy'],
    ['rahmon', 'emomali-rahmon', 'alias'],
    ['state department', 'u-s-department-of-state', 'alias'],
    ['KREMLIN', 'kremlin', 'name'],
    ['crocus', 'crocus-city-hall', 'prefix'],
    ['facility beyond its borders', '201st-military-base', 'summary'],
    ['Dušanbe', 'dushanbe', 'fuzzy'],
  ])('%s finds %s (%s)', (query, key, tier) => {
    expect(top(query)).toMatchObject({ key, tier });
  });

  it('ranks an exact name above entries that only mention it', () => {
    const keys = index.search('Moscow').map((h) => h.key);
    expect(keys[0]).toBe('moscow');
    expect(keys).toContain('moscow-terror-attack');
    expect(keys.indexOf('moscow')).toBeLessThan(keys.indexOf('moscow-terror-attack'));
  });

  it.each(['', '   ', '–', 'zzzzqqq'])('finds nothing for %j', (q) => {
    expect(index.search(q)).toEqual([]);
  });

  it('searches 10,000 entries in well under a frame', () => {
    const big = createGlossaryIndex(generatePack(10_000, 3).entries.map((e) => ({ ...e, key: e.id })));
    const times: number[] = [];
    for (const q of ['k', 'ka', 'kar', 'kari', 'karim', 'ministry of', 'velmo']) {
      const t0 = performance.now();
      big.search(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // A loose bound for a shared machine; the benchmark reports the real numbers.
    expect(times[Math.floor(times.length / 2)]!).toBeLessThan(50);
  });
});
