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
 * What Chromium's revalidations may cost before Glossa follows the viewport, in registered ranges
 * times changes a second. Measured ~9 µs of main thread per range per change (a 100 kB page): at
 * 5,000, about 5% of a core. Lower would window still pages that load a few ads (and make their
 * scrolling dearer: each window move revalidates too); higher leaves tickers at tens of percent.
 */
export const LIVE_RANGE_CHANGES_PER_SECOND = 5_000;

/**
 * Fewer changes than this in a window never count as live, however many ranges: a page finishing
 * its load (an ad, a lazy image's caption) changes a few times, then stays still.
 */
export const LIVE_MIN_CHANGES = 4;

export interface ChangeCounter {
  /** Records a change (one task's mutations) at `now`, in ms. */
  record(now: number): void;
  /** Changes recorded within CHANGE_WINDOW_MS before `now`. */
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
      times.push(now);
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
