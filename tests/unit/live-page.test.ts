/** When a page changes often enough that Glossa paints only near the viewport. */
import { describe, expect, it } from 'vitest';
import {
  CHANGE_WINDOW_MS,
  LIVE_MIN_CHANGES,
  LIVE_RANGE_CHANGES_PER_SECOND,
  createChangeCounter,
  shouldFollowViewport,
} from '@/lib/live-page';

describe('change counter', () => {
  it.each<[string, number[], number, number]>([
    ['nothing recorded', [], 0, 0],
    ['all within the window', [0, 100, 500], 600, 3],
    ['old changes age out', [0, 100, 500], 1005, 2],
    ['a change exactly a window old is out', [0, 1000], 1000, 1],
    ['changes within a frame count once', [0, 5, 10, 15], 20, 1],
    ['a frame apart, twice', [0, 16], 20, 2],
    ['a ticker every 10 ms: one change every other tick', Array.from({ length: 300 }, (_, i) => i * 10), 2990, 50],
  ])('%s', (_why, times, now, expected) => {
    const counter = createChangeCounter(1000);
    for (const t of times) counter.record(t);
    expect(counter.recent(now)).toBe(expected);
  });
});

describe('following the viewport', () => {
  const perSecond = 1000 / CHANGE_WINDOW_MS;
  it.each<[string, number, number, boolean]>([
    ['a still page, however many ranges', 0, 20_000, false],
    ['a page finishing its load: too few changes to count', LIVE_MIN_CHANGES - 1, 20_000, false],
    ['a few changes over a dense page', LIVE_MIN_CHANGES, 20_000, true],
    ['a ticker over few ranges: the browser revalidates little', 100, 20, false],
    ['a ticker over a marked article', 100, 1_200, true],
    ['just under the budget', 10, Math.ceil(LIVE_RANGE_CHANGES_PER_SECOND / (10 * perSecond)) - 1, false],
    ['at the budget', 10, Math.ceil(LIVE_RANGE_CHANGES_PER_SECOND / (10 * perSecond)), true],
  ])('%s', (_why, changes, registered, expected) => {
    expect(shouldFollowViewport(changes, registered)).toBe(expected);
  });
});
