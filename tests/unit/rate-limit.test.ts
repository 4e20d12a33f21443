/** The per-tab save limit. */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/rate-limit';

describe('rate limit', () => {
  it.each<[string, number[], boolean[]]>([
    ['within the limit', [0, 10, 20], [true, true, true]],
    ['the fourth in the window is refused', [0, 10, 20, 30], [true, true, true, false]],
    ['room again once the window has passed', [0, 10, 20, 30, 1000, 1010], [true, true, true, false, true, true]],
    ['a refused event does not count', [0, 1, 2, 3, 4, 1000], [true, true, true, false, false, true]],
  ])('%s', (_why, times, expected) => {
    const limit = createRateLimiter({ max: 3, windowMs: 1000 });
    expect(times.map((t) => limit.allow('tab', t))).toEqual(expected);
  });

  it('counts each key apart, and forgets one', () => {
    const limit = createRateLimiter({ max: 1, windowMs: 1000 });
    expect([limit.allow(1, 0), limit.allow(2, 0), limit.allow(1, 1)]).toEqual([true, true, false]);
    limit.forget(1);
    expect(limit.allow(1, 2)).toBe(true);
  });
});
