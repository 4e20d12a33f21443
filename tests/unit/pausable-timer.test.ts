import { describe, expect, it } from 'vitest';
import { startPausableTimer, type TimerClock } from '@/components/pausable-timer';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const clock: TimerClock = {
    now: () => now,
    setTimeout(run, ms) {
      timers.push({ at: now + ms, run, id: ++ids });
      return ids;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.run());
  };
  return { clock, advance };
}

type Step = ['wait', number] | ['hold', boolean] | ['cancel'];

describe('a toast timer that pauses while held', () => {
  it.each<[string, Step[], boolean]>([
    ['runs out unheld', [['wait', 6000]], true],
    ['not before its time', [['wait', 5999]], false],
    [
      'held: never runs out',
      [
        ['wait', 1000],
        ['hold', true],
        ['wait', 60_000],
      ],
      false,
    ],
    [
      'let go: runs out after what was left',
      [
        ['wait', 1000],
        ['hold', true],
        ['wait', 60_000],
        ['hold', false],
        ['wait', 5000],
      ],
      true,
    ],
    [
      'let go: not before what was left',
      [
        ['wait', 1000],
        ['hold', true],
        ['hold', false],
        ['wait', 4999],
      ],
      false,
    ],
    [
      'let go late: still at least the grace time',
      [
        ['wait', 5900],
        ['hold', true],
        ['hold', false],
        ['wait', 1999],
      ],
      false,
    ],
    [
      'let go late: gone after the grace time',
      [
        ['wait', 5900],
        ['hold', true],
        ['hold', false],
        ['wait', 2000],
      ],
      true,
    ],
    [
      'held twice is held once',
      [
        ['hold', true],
        ['hold', true],
        ['hold', false],
        ['wait', 6000],
      ],
      true,
    ],
    ['cancelled: never runs', [['cancel'], ['wait', 10_000]], false],
    [
      'cancelled while held: let go does not restart it',
      [['hold', true], ['cancel'], ['hold', false], ['wait', 10_000]],
      false,
    ],
  ])('%s', (_label, steps, ran) => {
    const { clock, advance } = manualClock();
    let done = 0;
    const timer = startPausableTimer(6000, () => done++, { clock, afterHoldMs: 2000 });
    for (const step of steps) {
      if (step[0] === 'wait') advance(step[1]);
      else if (step[0] === 'hold') timer.hold(step[1]);
      else timer.cancel();
    }
    expect(done).toBe(ran ? 1 : 0);
  });
});
