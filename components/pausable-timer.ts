/**
 * A toast's timer: it runs out after `ms`, unless held. While the reader points at the toast or
 * has focus in it, it is held, so its Undo stays reachable; once let go, it runs out after what
 * was left, but never sooner than `afterHoldMs` (the toast does not vanish as the pointer leaves).
 */
export interface PausableTimer {
  /** Held (pointer over it, or focus in it) or let go. */
  hold(held: boolean): void;
  cancel(): void;
}

export interface TimerClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realClock: TimerClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
  now: () => Date.now(),
};

/** At least this long after a hold ends before the toast goes. */
export const AFTER_HOLD_MS = 2000;

export function startPausableTimer(
  ms: number,
  done: () => void,
  { clock = realClock, afterHoldMs = AFTER_HOLD_MS }: { clock?: TimerClock; afterHoldMs?: number } = {},
): PausableTimer {
  let left = ms;
  let startedAt = clock.now();
  let handle: unknown = clock.setTimeout(done, ms);
  let held = false;
  let over = false;
  return {
    hold(next) {
      if (over || next === held) return;
      held = next;
      if (held) {
        clock.clearTimeout(handle);
        handle = undefined;
        left -= clock.now() - startedAt;
      } else {
        left = Math.max(left, afterHoldMs);
        startedAt = clock.now();
        handle = clock.setTimeout(done, left);
      }
    },
    cancel() {
      over = true;
      if (handle !== undefined) clock.clearTimeout(handle);
    },
  };
}
