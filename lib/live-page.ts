/**
 * When a page is "live": it changes its DOM so often that registering every term costs more than
 * following the viewport. Chromium rebuilds every registered highlight range in each frame after
 * any DOM or style change anywhere on the page (HighlightRegistry::ValidateHighlightMarkers), so
 * a clock rewritten every 10 ms over 1,200 registered ranges costs ~70% of a core, and the same
 * page with 100 ranges ~8% (docs/design.md, "Live pages"). On a page that is still, registering
 * everything once is cheapest: moving a window would revalidate the whole registry at each move.
 */

/** How far back changes are counted: long enough to tell a ticker from a burst of loading. */
export const CHANGE_WINDOW_MS = 1000;

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
 * Fewer changed frames than this in a window never count as live, however many ranges: a page
 * finishing its load (an ad, a lazy image's caption) changes in a few frames, then stays still;
 * a ticker, an animation or a reading-progress bar changes in dozens.
 */
export const LIVE_MIN_CHANGES = 10;

export interface ChangeCounter {
  /** Records a change (one task's mutations) at `now`, in ms; within FRAME_MS of the last one recorded, it is the same frame's. */
  record(now: number): void;
  /** Changed frames recorded within CHANGE_WINDOW_MS before `now`. */
  recent(now: number): number;
}

export function createChangeCounter(windowMs = CHANGE_WINDOW_MS): ChangeCounter {
  // Times in order; old ones are dropped from the front as they age out.
  let times: number[] = [];
  const prune = (now: number) => {
    let drop = 0;
    while (drop < times.length && now - times[drop]! >= windowMs) drop++;
    if (drop) times = times.slice(drop);
  };
  return {
    record(now) {
      prune(now);
      const last = times[times.length - 1];
      if (last === undefined || now - last >= FRAME_MS) times.push(now);
    },
    recent(now) {
      prune(now);
      return times.length;
    },
  };
}

/** Whether a page changing `changes` times in the last window, with `registered` ranges, should follow the viewport. */
export function shouldFollowViewport(changes: number, registered: number): boolean {
  const perSecond = (changes * 1000) / CHANGE_WINDOW_MS;
  return changes >= LIVE_MIN_CHANGES && perSecond * registered >= LIVE_RANGE_CHANGES_PER_SECOND;
}
