/** When a page changes often enough that Glossa paints only near the viewport. */
import { describe, expect, it } from 'vitest';
import {
  FRAME_MS,
  LIVE_MAX_GAP_MS,
  LIVE_MIN_CHANGES,
  LIVE_RANGE_CHANGES_PER_SECOND,
  createChangeCounter,
  shouldFollowViewport,
} from '@/lib/live-page';

const every = (ms: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * ms);

describe('change counter', () => {
  it.each<[string, number[], number, { changes: number; perSecond: number }]>([
    ['nothing recorded', [], 0, { changes: 0, perSecond: 0 }],
    ['one change: no rate yet', [0], 10, { changes: 1, perSecond: 0 }],
    ['a frame apart, twice: the rate is taken over a second at least', [0, FRAME_MS], 20, { changes: 2, perSecond: 1 }],
    ['changes within a frame count once', [0, 5, 10, 15], 20, { changes: 1, perSecond: 0 }],
    // Recorded every 20 ms; the last second's 51 are kept.
    ['a ticker every 10 ms: one change every other tick', every(10, 300), 2990, { changes: 51, perSecond: 50 }],
    ['an animation at 40 frames a second', every(25, 81), 2000, { changes: 41, perSecond: 40 }],
    // The page most in need of the window: its frames are slow because the browser revalidates
    // thousands of ranges in each; a window of one second would see fewer than ten of them.
    ['an animation slowed to 4 frames a second', every(250, 12), 2760, { changes: LIVE_MIN_CHANGES, perSecond: 4 }],
    [
      'a burst of ten frames (a menu sliding open) is ten changes in its second',
      every(16, 10),
      150,
      { changes: 10, perSecond: 9 },
    ],
    ['the run is over once the page pauses', every(100, 20), 1900 + LIVE_MAX_GAP_MS + 1, { changes: 0, perSecond: 0 }],
    ['a pause starts a new run', [...every(100, 20), ...every(100, 3, 5000)], 5200, { changes: 3, perSecond: 2 }],
    ['a timer twice a second makes a run', every(500, 30), 14_600, { changes: LIVE_MIN_CHANGES, perSecond: 2 }],
    ['a clock ticking each second never makes a run', every(1000, 30), 29_000, { changes: 1, perSecond: 0 }],
  ])('%s', (_why, times, now, expected) => {
    const counter = createChangeCounter();
    for (const t of times) counter.record(t);
    const run = counter.run(now);
    expect(run.changes).toBe(expected.changes);
    expect(run.perSecond).toBeCloseTo(expected.perSecond, 1);
  });
});

describe('following the viewport', () => {
  const run = (changes: number, perSecond: number) => ({ changes, perSecond });
  it.each<[string, ReturnType<typeof run>, number, boolean]>([
    ['a still page, however many ranges', run(0, 0), 20_000, false],
    ['a page finishing its load: too few changes to count', run(LIVE_MIN_CHANGES - 1, 60), 20_000, false],
    ['a run of changes over a dense page', run(LIVE_MIN_CHANGES, 10), 20_000, true],
    ['a ticker over few ranges: the browser revalidates little', run(LIVE_MIN_CHANGES, 60), 20, false],
    ['a ticker over a marked article', run(LIVE_MIN_CHANGES, 60), 1_200, true],
    ['a slowed animation over a marked article', run(LIVE_MIN_CHANGES, 4), 3_500, true],
    ['a burst of ten frames over a short article', run(LIVE_MIN_CHANGES, 9), 105, false],
    ['just under the budget', run(LIVE_MIN_CHANGES, 10), LIVE_RANGE_CHANGES_PER_SECOND / 10 - 1, false],
    ['at the budget', run(LIVE_MIN_CHANGES, 10), LIVE_RANGE_CHANGES_PER_SECOND / 10, true],
  ])('%s', (_why, changes, registered, expected) => {
    expect(shouldFollowViewport(changes, registered)).toBe(expected);
  });
});
