/**
 * When a page is "live": it changes its DOM so often that registering every term costs more than
 * following the viewport. Chromium rebuilds every registered highlight range in each frame after
 * any DOM or style change anywhere on the page (HighlightRegistry::ValidateHighlightMarkers), so
 * a clock rewritten every 10 ms over 1,200 registered ranges costs ~70% of a core, and the same
 * page with 100 ranges ~8% (docs/design.md, "Live pages"). On a page that is still, registering
 * everything once is cheapest: moving a window would revalidate the whole registry at each move.
 */

/**
 * Changes further apart than this are not one run of changes: the page paused. A ticker, an
 * animation or a reading-progress bar changes in frame after frame. A frame can take hundreds of
 * ms on a slow machine, and longest on the pages that most need the window: those with thousands
 * of ranges for the browser to revalidate at each change. So a run is counted in changes, not in
 * wall time, and a gap of this much ends it. Longer would join a page's separate moments (an ad
 * loading, then a caption) into a run; shorter would miss an animation whose frames take longer.
 * A clock ticking once a second never makes a run: the browser revalidates once a second there.
 */
export const LIVE_MAX_GAP_MS = 500;

/**
 * Changes this close together count once: Chromium revalidates the highlights once a frame, however
 * many changes came in it (a clock ticking every 10 ms costs as much as one ticking every 16).
 */
export const FRAME_MS = 16;

/**
 * What Chromium's revalidations may cost before Glossa follows the viewport, in registered ranges
 * times changed frames a second. Measured ~10 µs of main thread per range per changed frame (a
 * 100 kB page, 1,200 ranges: 69% of a core added at 60 frames a second): at 5,000, about 5% of a
 * core. Lower would window still pages that load a few ads (and make their scrolling dearer: each
 * window move revalidates too); higher leaves tickers at tens of percent.
 */
export const LIVE_RANGE_CHANGES_PER_SECOND = 5_000;

/**
 * A run shorter than this never counts as live, however many ranges: a page finishing its load
 * (an ad, a lazy image's caption) changes in a few frames, then stays still; a ticker, an
 * animation or a reading-progress bar changes in dozens.
 */
export const LIVE_MIN_CHANGES = 10;

/** The page's latest run of changed frames (each within LIVE_MAX_GAP_MS of the one before). */
export interface ChangeRun {
  /** Changed frames in the run so far, up to LIVE_MIN_CHANGES (enough to decide). */
  readonly changes: number;
  /** How often the page changed over those frames, in changed frames a second; 0 for fewer than two. */
  readonly perSecond: number;
}

export interface ChangeCounter {
  /** Records a change (one task's mutations) at `now`, in ms; within FRAME_MS of the last one recorded, it is the same frame's. */
  record(now: number): void;
  /** The run going on at `now`: none if the last change is more than LIVE_MAX_GAP_MS old. */
  run(now: number): ChangeRun;
}

export function createChangeCounter(): ChangeCounter {
  // The run's latest changed frames, oldest first: at most LIVE_MIN_CHANGES of them.
  let times: number[] = [];
  return {
    record(now) {
      const last = times[times.length - 1];
      if (last !== undefined && now - last < FRAME_MS) return;
      if (last !== undefined && now - last > LIVE_MAX_GAP_MS) times = [];
      times.push(now);
      if (times.length > LIVE_MIN_CHANGES) times.shift();
    },
    run(now) {
      const last = times[times.length - 1];
      if (last === undefined || now - last > LIVE_MAX_GAP_MS) return { changes: 0, perSecond: 0 };
      const span = last - times[0]!;
      return { changes: times.length, perSecond: span > 0 ? ((times.length - 1) * 1000) / span : 0 };
    },
  };
}

/** Whether a page in this run of changes, with `registered` ranges, should follow the viewport. */
export function shouldFollowViewport({ changes, perSecond }: ChangeRun, registered: number): boolean {
  return changes >= LIVE_MIN_CHANGES && perSecond * registered >= LIVE_RANGE_CHANGES_PER_SECOND;
}
