/**
 * Which terms a page with very many of them registers: the MAX_REGISTERED nearest the screen.
 *
 * Chromium rebuilds every registered highlight range in any frame after a change to the DOM, the
 * style or a highlight (docs/design.md, "Live pages"): on the dense 1.1 MB page, 20,880 ranges made
 * the frame that registers them ~150–200 ms, and every later change to the page (an ad loading, a
 * caption) cost a frame as long. Registering only the terms nearest the screen bounds that frame
 * whatever the page's size; the price is a move of the window (one rebuild of what is registered)
 * each time the reader has scrolled most of the way to its edge.
 */

/**
 * At most this many terms registered on a page that is not live. Scrolling the dense 1.1 MB page
 * top to bottom (300 px a frame), one run each: with 3,000, 11 moves, each a frame of 67–83 ms;
 * with 2,000, 17 moves, most a frame of 50 ms; with 1,500, 23 moves, most 50 ms, and more time
 * added in all (1,749 ms against 1,399 and 1,437). Glossa's own part of a move is 7–15 ms (one box
 * read per paragraph); the rest is the browser's rebuild. Fewer would move the window more often
 * for no shorter frame; more would make each move, and each change of the page, a longer frame.
 * Every real page in the bench has fewer than 200 terms: this changes nothing for them.
 */
export const MAX_REGISTERED = 2000;

/**
 * Readers read down: a term above the screen counts as this many times further than one as far
 * below, so the window reaches three times as far down as up, and a reader going down moves it a
 * third as often as a window centred on the screen would be moved.
 */
export const ABOVE_WEIGHT = 3;

/**
 * The window moves at once when the reader has scrolled this share of the way to the nearest term
 * it left out, even mid-scroll: later moves less often, but a fast scroll could reach unregistered
 * terms before the frame that moves it.
 */
export const MOVE_AT = 0.75;

/**
 * Past this share of the way, the window moves as soon as the reader pauses (PAUSE_MS without a
 * scroll): a move is one long frame, and one while the reader is still is not a stutter in their
 * scrolling. Readers pause every screen or two, so most moves happen then. Lower moves more often.
 */
export const MOVE_WHEN_PAUSED_AT = 0.25;

/** A scroll this long ago or longer: the reader has paused (a flick's momentum ends well within it). */
export const PAUSE_MS = 200;

export interface NearestWindow {
  /** For each run of terms, how many of them (its first) to register. */
  readonly take: Uint32Array;
  /** How far (px) the reader may scroll down before reaching a term left out: Infinity if none lies below. */
  readonly reachBelow: number;
  /** How far (px) the reader may scroll up before reaching a term left out: Infinity if none lies above. */
  readonly reachAbove: number;
}

/**
 * The `max` terms nearest the screen, taken by runs: the terms of one paragraph share its box, so
 * the window is chosen among paragraphs, not among every mention. `offsets[r]` says where run r
 * lies: 0 on the screen, the distance (px) past the screen's bottom edge for one below it, minus
 * the distance past its top edge for one above, NaN for one with no box (hidden: never taken);
 * `counts[r]` is how many terms it holds. The run at the window's edge may be taken in part (its
 * first terms); runs as near as each other are taken in the order given, the document's for a scan.
 */
export function nearestWindow(offsets: ArrayLike<number>, counts: ArrayLike<number>, max: number): NearestWindow {
  const n = offsets.length;
  const cost = new Float64Array(n);
  const order: number[] = [];
  for (let r = 0; r < n; r++) {
    const o = offsets[r]!;
    if (Number.isNaN(o)) continue;
    cost[r] = o < 0 ? -o * ABOVE_WEIGHT : o;
    order.push(r);
  }
  order.sort((a, b) => cost[a]! - cost[b]! || a - b);
  const take = new Uint32Array(n);
  let left = max;
  let reachBelow = Infinity;
  let reachAbove = Infinity;
  for (const r of order) {
    take[r] = Math.min(counts[r]!, left);
    left -= take[r]!;
    if (take[r] === counts[r]) continue;
    // Left out (in whole or in part): how far the reader is from it. One on the screen itself
    // (more terms on one screen than the window holds) is no reason to move: no move would take it.
    const o = offsets[r]!;
    if (o > 0) reachBelow = Math.min(reachBelow, o);
    else if (o < 0) reachAbove = Math.min(reachAbove, -o);
  }
  return { take, reachBelow, reachAbove };
}

/**
 * Whether the window must be placed again, the reader having scrolled `shift` px down since it was
 * placed (negative: up): now, once the reader pauses, or not yet.
 */
export function windowMove(
  window: Pick<NearestWindow, 'reachAbove' | 'reachBelow'>,
  shift: number,
): 'now' | 'when paused' | 'not yet' {
  const share = shift > 0 ? shift / window.reachBelow : shift < 0 ? -shift / window.reachAbove : 0;
  return share > MOVE_AT ? 'now' : share > MOVE_WHEN_PAUSED_AT ? 'when paused' : 'not yet';
}

/**
 * Whether a term at `offset` (as in nearestWindow) lies inside a placed window: nearer than the
 * nearest term it left out on that side, or on the screen. A term a rescan adds is registered if so.
 */
export function insideWindow(window: Pick<NearestWindow, 'reachAbove' | 'reachBelow'>, offset: number): boolean {
  return offset > 0 ? offset < window.reachBelow : offset < 0 ? -offset < window.reachAbove : offset === 0;
}
