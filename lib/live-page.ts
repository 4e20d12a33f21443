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
 * a window of wall time, and a gap of this much ends it. Longer would join a page's separate
 * moments (an ad loading, then a caption) into a run; shorter would miss an animation whose
 * frames take longer. It sits above a twice-a-second timer's 500 ms, so such a page is judged by
 * what it costs, not by its timer's jitter; a clock ticking once a second never makes a run.
 */
export const LIVE_MAX_GAP_MS = 600;

/**
 * The rate of a run is taken over its last second at least: a burst of ten frames in 150 ms (a
 * menu sliding open) is ten changes, not sixty a second, and a page is not made live by it.
 */
export const RATE_WINDOW_MS = 1000;

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
 * animation or a reading-progress bar changes in dozens. A slower sequence of ten (images
 * swapped one by one, each within LIVE_MAX_GAP_MS of the last) is a run too, judged by its cost
 * like any other: on a page of 20,000 ranges, two changes a second cost ~40% of a core.
 */
export const LIVE_MIN_CHANGES = 10;

/** The page's latest run of changed frames (each within LIVE_MAX_GAP_MS of the one before). */
export interface ChangeRun {
  /** The run's changed frames of its last RATE_WINDOW_MS, and at least its last LIVE_MIN_CHANGES. */
  readonly changes: number;
  /** Changed frames a second over those (over RATE_WINDOW_MS at least); 0 for fewer than two. */
  readonly perSecond: number;
}

export interface ChangeCounter {
  /** Records a change (one task's mutations) at `now`, in ms; within FRAME_MS of the last one recorded, it is the same frame's. */
  record(now: number): void;
  /** The run going on at `now`: none if the last change is more than LIVE_MAX_GAP_MS old. */
  run(now: number): ChangeRun;
}

export function createChangeCounter(): ChangeCounter {
  // The run's changed frames of the last RATE_WINDOW_MS, and at least its last LIVE_MIN_CHANGES, oldest first.
  let times: number[] = [];
  return {
    record(now) {
      const last = times[times.length - 1];
      if (last !== undefined && now - last < FRAME_MS) return;
      if (last !== undefined && now - last > LIVE_MAX_GAP_MS) times = [];
      times.push(now);
      let drop = 0;
      while (times.length - drop > LIVE_MIN_CHANGES && now - times[drop]! > RATE_WINDOW_MS) drop++;
      if (drop) times = times.slice(drop);
    },
    run(now) {
      const last = times[times.length - 1];
      if (last === undefined || now - last > LIVE_MAX_GAP_MS) return { changes: 0, perSecond: 0 };
      if (times.length < 2) return { changes: times.length, perSecond: 0 };
      const span = Math.max(last - times[0]!, RATE_WINDOW_MS);
      return { changes: times.length, perSecond: ((times.length - 1) * 1000) / span };
    },
  };
}

/** Whether a page in this run of changes, with `registered` ranges, should follow the viewport. */
export function shouldFollowViewport({ changes, perSecond }: ChangeRun, registered: number): boolean {
  return changes >= LIVE_MIN_CHANGES && perSecond * registered >= LIVE_RANGE_CHANGES_PER_SECOND;
}
