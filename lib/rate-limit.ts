/**
 * A sliding-window limit per key: at most `max` events in any `windowMs`. The background uses
 * it per tab for saves, so a page that forges its way to the save message still cannot fill
 * the reader's storage (an attacker once stored 300 passages in 21 s).
 */
export interface RateLimiter {
  /** Records an event for `key` at `now` and says whether it is within the limit. */
  allow(key: string | number, now: number): boolean;
  forget(key: string | number): void;
}

export function createRateLimiter({ max, windowMs }: { max: number; windowMs: number }): RateLimiter {
  const events = new Map<string | number, number[]>();
  return {
    allow(key, now) {
      const recent = (events.get(key) ?? []).filter((t) => now - t < windowMs);
      const ok = recent.length < max;
      if (ok) recent.push(now);
      events.set(key, recent);
      return ok;
    },
    forget(key) {
      events.delete(key);
    },
  };
}
