/**
 * A small least-recently-used cache: a Map keeps insertion order, so the first key is always
 * the one used longest ago. For compiled matchers, which are costly to build and large to keep.
 */
export interface LruCache<K, V> {
  /** The value for `key`, computed by `make` when absent; either way it becomes the most recent. */
  getOrCreate(key: K, make: () => V): V;
  /** The value for `key` if cached (it becomes the most recent): for values made asynchronously. */
  get(key: K): V | undefined;
  readonly size: number;
}

export function createLruCache<K, V>(capacity: number): LruCache<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be ≥ 1, got ${capacity}`);
  const map = new Map<K, V>();
  return {
    getOrCreate(key, make) {
      let value: V;
      if (map.has(key)) {
        value = map.get(key)!;
        map.delete(key);
      } else value = make();
      map.set(key, value);
      if (map.size > capacity) map.delete(map.keys().next().value!);
      return value;
    },
    get(key) {
      if (!map.has(key)) return undefined;
      const value = map.get(key)!;
      map.delete(key);
      map.set(key, value);
      return value;
    },
    get size() {
      return map.size;
    },
  };
}
