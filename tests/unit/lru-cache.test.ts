/** The least-recently-used cache behind the background's compiled page matchers. */
import { describe, expect, it } from 'vitest';
import { createLruCache } from '@/lib/match/lru-cache';

describe('LRU cache', () => {
  it('computes a value once and returns the same one after', () => {
    const cache = createLruCache<string, object>(2);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = cache.getOrCreate('a', make);
    expect(cache.getOrCreate('a', make)).toBe(first);
    expect(made).toBe(1);
  });

  it.each<[string, string[], string, boolean]>([
    // uses in order, then the key asked about, whether it is still cached
    ['the oldest is evicted past capacity', ['a', 'b', 'c'], 'a', false],
    ['a recent use protects a key', ['a', 'b', 'a', 'c'], 'a', true],
    ['and the other goes instead', ['a', 'b', 'a', 'c'], 'b', false],
    ['the newest stays', ['a', 'b', 'c'], 'c', true],
  ])('%s', (_why, uses, asked, kept) => {
    const cache = createLruCache<string, string>(2);
    for (const key of uses) cache.getOrCreate(key, () => key);
    let remade = false;
    cache.getOrCreate(asked, () => ((remade = true), asked));
    expect(remade).toBe(!kept);
    expect(cache.size).toBe(2);
  });

  it('get finds a cached value, or none, and counts as a use', () => {
    const cache = createLruCache<string, string>(2);
    expect(cache.get('a')).toBeUndefined();
    cache.getOrCreate('a', () => 'A');
    cache.getOrCreate('b', () => 'B');
    expect(cache.get('a')).toBe('A');
    cache.getOrCreate('c', () => 'C');
    // "a" was used after "b": "b" is the one evicted.
    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => createLruCache(0)).toThrow(/capacity must be ≥ 1/);
  });
});
