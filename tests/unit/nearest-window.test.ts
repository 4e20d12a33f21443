/** Which terms a page with more than the window holds registers, and when the window moves. */
import { describe, expect, it } from 'vitest';
import {
  ABOVE_WEIGHT,
  MOVE_AT,
  MOVE_WHEN_PAUSED_AT,
  insideWindow,
  nearestWindow,
  windowMove,
} from '@/lib/nearest-window';

/** Runs as [offset, count]; the result as the take per run and the two reaches. */
const place = (runs: [number, number][], max: number) => {
  const w = nearestWindow(
    runs.map(([o]) => o),
    runs.map(([, c]) => c),
    max,
  );
  return { take: [...w.take], reachAbove: w.reachAbove, reachBelow: w.reachBelow };
};

describe('nearestWindow', () => {
  it.each<[string, [number, number][], number, { take: number[]; reachAbove: number; reachBelow: number }]>([
    ['no runs', [], 10, { take: [], reachAbove: Infinity, reachBelow: Infinity }],
    [
      'fewer terms than the window holds: all taken, nowhere to move',
      [
        [-500, 2],
        [0, 3],
        [900, 4],
      ],
      10,
      { take: [2, 3, 4], reachAbove: Infinity, reachBelow: Infinity },
    ],
    [
      'the screen first, then the nearest below',
      [
        [0, 3],
        [100, 3],
        [2000, 3],
      ],
      6,
      { take: [3, 3, 0], reachAbove: Infinity, reachBelow: 2000 },
    ],
    [
      'the run at the edge is taken in part, its first terms; the reader is already at it',
      [
        [0, 3],
        [100, 3],
        [2000, 3],
      ],
      5,
      { take: [3, 2, 0], reachAbove: Infinity, reachBelow: 100 },
    ],
    [
      `above counts ${ABOVE_WEIGHT}× as far as below: 400 px above loses to 1,000 px below`,
      [
        [-400, 1],
        [0, 1],
        [1000, 1],
      ],
      2,
      { take: [0, 1, 1], reachAbove: 400, reachBelow: Infinity },
    ],
    [
      'but 300 px above wins over 1,000 px below',
      [
        [-300, 1],
        [0, 1],
        [1000, 1],
      ],
      2,
      { take: [1, 1, 0], reachAbove: Infinity, reachBelow: 1000 },
    ],
    [
      'a run with no box (hidden) is never taken, and is no reason to move',
      [
        [Number.NaN, 5],
        [0, 1],
        [50, 1],
      ],
      3,
      { take: [0, 1, 1], reachAbove: Infinity, reachBelow: Infinity },
    ],
    [
      'more terms on the screen than the window holds: taken in order, no reach lost to it',
      [
        [0, 4],
        [0, 4],
        [700, 1],
      ],
      5,
      { take: [4, 1, 0], reachAbove: Infinity, reachBelow: 700 },
    ],
    [
      'runs as near as each other: taken in the order given',
      [
        [300, 1],
        [300, 1],
        [300, 1],
      ],
      2,
      { take: [1, 1, 0], reachAbove: Infinity, reachBelow: 300 },
    ],
  ])('%s', (_why, runs, max, expected) => {
    expect(place(runs, max)).toEqual(expected);
  });

  it('takes exactly as many terms as the window holds, the nearest, on a long page', () => {
    // 2,000 paragraphs of 1 to 20 terms, 150 px apart, the reader 300 paragraphs down.
    const runs: [number, number][] = Array.from({ length: 2000 }, (_, i) => {
      const top = (i - 300) * 150;
      return [top < -150 ? top + 150 : top > 720 ? top - 720 : 0, 1 + ((i * 7) % 20)];
    });
    const max = 3000;
    const { take, reachAbove, reachBelow } = place(runs, max);
    expect(take.reduce((a, b) => a + b, 0)).toBe(max);
    const taken = take.flatMap((t, i) => (t > 0 ? [i] : []));
    // One contiguous stretch of paragraphs around the reader, reaching further down than up.
    expect(taken.at(-1)! - taken[0]! + 1).toBe(taken.length);
    expect(taken[0]).toBeLessThan(300);
    expect(taken.at(-1)).toBeGreaterThan(305);
    expect(reachBelow).toBeGreaterThan(reachAbove);
  });
});

describe('windowMove', () => {
  const window = { reachAbove: 1000, reachBelow: 4000 };
  it.each<[string, number, 'now' | 'when paused' | 'not yet']>([
    ['not scrolled', 0, 'not yet'],
    ['down a little', 4000 * MOVE_WHEN_PAUSED_AT, 'not yet'],
    ['down past the share that moves it once the reader pauses', 4000 * MOVE_WHEN_PAUSED_AT + 1, 'when paused'],
    ['down, short of the share that moves it at once', 4000 * MOVE_AT, 'when paused'],
    ['down, past it', 4000 * MOVE_AT + 1, 'now'],
    ['up a little', -1000 * MOVE_WHEN_PAUSED_AT, 'not yet'],
    ['up, past the paused share', -1000 * MOVE_WHEN_PAUSED_AT - 1, 'when paused'],
    ['up, past the share that moves it at once', -1000 * MOVE_AT - 1, 'now'],
  ])('%s', (_why, shift, expected) => {
    expect(windowMove(window, shift)).toBe(expected);
  });

  it('never moves towards a side with nothing left out', () => {
    expect(windowMove({ reachAbove: Infinity, reachBelow: Infinity }, 1e9)).toBe('not yet');
    expect(windowMove({ reachAbove: Infinity, reachBelow: Infinity }, -1e9)).toBe('not yet');
  });
});

describe('insideWindow', () => {
  const window = { reachAbove: 1000, reachBelow: 4000 };
  it.each<[string, number, boolean]>([
    ['on the screen', 0, true],
    ['below, nearer than the first term left out', 3999, true],
    ['below, as far as it', 4000, false],
    ['above, nearer than the first term left out', -999, true],
    ['above, as far as it', -1000, false],
    ['no box (hidden)', Number.NaN, false],
  ])('%s', (_why, offset, expected) => {
    expect(insideWindow(window, offset)).toBe(expected);
  });
});
