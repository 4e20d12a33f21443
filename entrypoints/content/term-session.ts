/**
 * Scanning and painting for one page under one matcher and one set of settings: the first
 * full scan, and rescans of just the blocks that changed. Work is sliced so no task runs
 * over 50 ms on even the largest page.
 */
import { type TextBlock, walkBlocks } from '@/lib/dom/blocks';
import { isHiddenByCss } from '@/lib/compat';
import { isInSkippedRegion } from '@/lib/dom/scope';
import { findTermsInChunks, foundInPieces } from '@/lib/dom/find-terms';
import { type BlockMatches, type RawMatch, readBlockMatches } from '@/lib/match/block-matches';
import { createContextTracker } from '@/lib/match/context';
import type { Scanner } from '@/lib/match/scan';
import type { Settings } from '@/lib/settings';
import type { PaintedTerm, Painter } from './painter';
import { SLICE_MS, yieldToMain } from './yield';
import { createSerialQueue } from '@/lib/serial';

export interface TermSession {
  /**
   * Scans just the blocks of `roots` on or near the screen: the reader's first marks, at once,
   * while the whole page waits (for its own glossary to be built, say).
   */
  scanNear(roots: readonly Element[]): Promise<void>;
  /**
   * Scans `roots` from scratch; `walked`: their blocks, walked already (for the build) while the
   * page has not changed since; `matches`: the background's matches of those blocks (sent with
   * the build), used when they are this session's matcher's and fit the blocks.
   */
  scanAll(roots: readonly Element[], walked?: readonly TextBlock[], matches?: BlockMatches): Promise<void>;
  /** Drops terms in removed nodes and rescans the given block containers. */
  rescan(containers: readonly Element[]): Promise<void>;
  /** Stops any scan in progress; later calls are no-ops. */
  stop(): void;
}

export interface SessionOptions {
  readonly painter: Painter;
  readonly scanner: Scanner;
  readonly settings: Settings;
  /** The key of a matcher entry, or undefined when the reader does not want its kind marked. */
  readonly entryKey: (entry: number) => string | undefined;
  /** Called after each scan with every key on the page, so their entries can be fetched. */
  readonly onScanned: (keys: readonly string[]) => void;
  /**
   * Marks of an earlier painter are on screen until this session's first scan is done (a new
   * glossary): that scan need not paint its first term at once, as the reader already sees marks.
   */
  readonly replacing?: boolean;
}

/** A block CSS hides (display, visibility, content-visibility): neither scanned nor built from. */
export const isHidden = (el: Element): boolean => isHiddenByCss(el);

/** No mention waiting for a cue: what nearly every match has, shared. */
const NONE_LATER: readonly { key: string; context: number }[] = Object.freeze([]);

/**
 * The background's matches of one block are turned into ranges this many at a time, with a
 * chance to yield between pieces: ~1 µs each, so a piece is a few ms; smaller pieces yield more
 * often on a block with thousands of names, for a little more work per piece.
 */
const GIVEN_PIECE = 2_000;

/** How many blocks in a row below the screen end the near scan (floats and columns break order). */
const BELOW_SCREEN_RUN = 20;

/** The blocks of `roots` in page order, walked as they are asked for (the scan yields between them). */
function* walk(roots: readonly Element[]): Generator<TextBlock, void, undefined> {
  for (const root of roots) yield* walkBlocks(root, { isHidden });
}

type BlockFilter = (container: Element) => 'scan' | 'skip' | 'stop';

/**
 * Scan blocks within a screen of the viewport, skip the rest, and stop once a run of blocks lies
 * below it. Rects are read once the page is laid out (the script runs at document_idle).
 */
function nearScreen(): BlockFilter {
  const screen = innerHeight;
  let below = 0;
  return (container) => {
    const { top, bottom } = container.getBoundingClientRect();
    if (top > 2 * screen) return ++below >= BELOW_SCREEN_RUN ? 'stop' : 'skip';
    below = 0;
    return bottom < -screen ? 'skip' : 'scan';
  };
}

/**
 * How a scan paints what it finds. `screenFirst`: the first term at once (the reader's first
 * mark), the rest of the screen's terms when the walk leaves the screen, and the terms below it
 * at the scan's end, so the highlight changes in about three frames in all: each change costs a
 * frame as long as revalidating every registered range (docs/design.md). The reader scrolling
 * during the scan turns it back into `batches`, so no mark they reach waits for the end.
 * `batches`: as the painter's doubling batches (rescans: changed blocks anywhere on the page).
 */
type PaintPlan = 'screenFirst' | 'batches';

export function createTermSession({
  painter,
  scanner,
  settings,
  entryKey,
  onScanned,
  replacing = false,
}: SessionOptions): TermSession {
  let firstScan = true;
  let stopped = false;
  // Names that need context ("Defense Ministry") wait for a cue ("Moscow") anywhere on the
  // page, and are painted the moment one turns up.
  const contexts = createContextTracker<PaintedTerm>(scanner.matcher);
  // Blocks in page order across the session, for "a cue near it" (a rescan's blocks come after).
  let blockIndex = 0;
  // Each matcher entry's key, or undefined for a kind the reader does not mark: looked up once
  // per session, not once per mention (a dense page has tens of thousands).
  const keyOfEntry = scanner.matcher.entries.map((_, i) => entryKey(i));
  const keysOf = (entries: readonly number[]): string[] => {
    const keys: string[] = [];
    for (const e of entries) {
      const key = keyOfEntry[e];
      if (key !== undefined) keys.push(key);
    }
    return keys;
  };
  // The keys of each term's entries, for the common match that marks all of them: one shared
  // array per term rather than one per mention (a painted term's keys are never changed).
  const keysOfTerm = new Map<readonly number[], readonly string[]>();
  const keysMarked = (entries: readonly number[]): readonly string[] => {
    let keys = keysOfTerm.get(entries);
    if (!keys) keysOfTerm.set(entries, (keys = keysOf(entries)));
    return keys;
  };
  // Serialises scans: a rescan waits for the scan before it, so ranges are never painted twice.
  const enqueue = createSerialQueue();

  /**
   * Busy time of the scan under way: the sum of its slices (walking, matching, painting); and
   * `paints`, the times it changed the highlight.
   */
  let stats = { busyMs: 0, maxSliceMs: 0, blocks: 0, terms: 0, paints: 0, matchedInBackground: false };

  /**
   * Goes through the blocks one by one, painting as it goes, and yields to the page every
   * SLICE_MS: even collecting the blocks of a huge page never becomes one long task.
   */
  async function paintBlocks(
    blocks: Iterable<TextBlock>,
    plan: PaintPlan,
    filter?: BlockFilter,
    given?: ReadonlyMap<number, readonly RawMatch[]>,
  ) {
    // Near the screen until a run of blocks lies below it (or the walk ends), then below it.
    // (A scan of the screen alone, filtered, is all near.)
    const near = plan === 'screenFirst' && !filter ? nearScreen() : undefined;
    let nearPhase = plan === 'screenFirst';
    // With marks already on screen the first term need not be at once: the screen's come together.
    if (nearPhase && replacing && firstScan) painter.hold();
    const scrolledFrom = [scrollX, scrollY];
    const seen = new Set<string>(settings.firstMentionOnly ? painter.all().flatMap((t) => t.keys) : []);
    let sliceStart = performance.now();
    const endSlice = () => {
      const ms = performance.now() - sliceStart;
      stats.busyMs += ms;
      stats.maxSliceMs = Math.max(stats.maxSliceMs, ms);
    };
    let index = -1;
    for (const block of blocks) {
      index++;
      if (stopped) return;
      // A block whose nodes left the page while we yielded is not painted.
      if (!block.segments[0]!.node.isConnected) continue;
      const verdict = filter?.(block.container) ?? 'scan';
      if (verdict === 'stop') break;
      if (verdict === 'skip') continue;
      if (nearPhase && near?.(block.container) === 'stop') {
        nearPhase = false;
        painter.flush();
        painter.hold();
      }
      stats.blocks++;
      blockIndex++;
      // A long block comes in chunks, with a chance to yield between them.
      const chunks = given
        ? foundInPieces(block, given.get(index) ?? [], GIVEN_PIECE)
        : findTermsInChunks(block, scanner);
      for (const chunk of chunks) {
        const painted: PaintedTerm[] = [];
        for (const found of chunk) {
          const ready = contexts.see(found.term, found.qualifier, blockIndex);
          if (ready.length) painted.push(...ready);
          const decision = contexts.decide(found.term, found.qualifier, blockIndex);
          // `now` is the term's own entries array when it marks them all (see decideEntries).
          let keys =
            decision.now === scanner.matcher.terms[found.term]?.entries
              ? keysMarked(decision.now)
              : keysOf(decision.now);
          if (settings.firstMentionOnly) keys = keys.filter((k) => !seen.has(k));
          const later =
            decision.waiting.length === 0
              ? NONE_LATER
              : decision.waiting.flatMap((w) => keysOf([w.entry]).map((key) => ({ key, context: w.context })));
          if (keys.length === 0 && later.length === 0) continue;
          // The found term is the range's init itself: no object made for it per term.
          const range = new StaticRange(found);
          for (const { key, context } of later)
            contexts.wait({ range, keys: [key], block: block.container }, context, blockIndex);
          if (keys.length === 0) continue;
          for (const k of keys) seen.add(k);
          painted.push({ range, keys, block: block.container });
        }
        painter.add(painted);
        stats.terms += painted.length;
        // The first mark is painted: the rest of the screen's come when the walk leaves it.
        if (nearPhase && painter.painted() > 0) painter.hold();
        if (performance.now() - sliceStart > SLICE_MS) {
          endSlice();
          if (plan === 'screenFirst' && (scrollX !== scrolledFrom[0] || scrollY !== scrolledFrom[1])) {
            // The reader is moving towards marks not yet painted: paint as found from now on.
            nearPhase = false;
            painter.release();
          }
          // The DOM may change while we wait; a changed block is rescanned by the watcher,
          // and the walk goes on from where it was (a removed subtree simply yields nothing).
          await yieldToMain();
          if (stopped) return;
          sliceStart = performance.now();
        }
      }
    }
    painter.flush();
    firstScan = false;
    endSlice();
    onScanned([...new Set(painter.all().flatMap((t) => t.keys))]);
  }

  /**
   * Runs one scan and records it as a User Timing measure ("glossa-scan", with busy time in
   * its detail): visible in DevTools' performance panel and read by `npm run bench`.
   */
  async function measured(kind: 'near' | 'full' | 'rescan', work: () => Promise<void>) {
    stats = { busyMs: 0, maxSliceMs: 0, blocks: 0, terms: 0, paints: 0, matchedInBackground: false };
    const start = performance.now();
    const steps = painter.steps();
    await work();
    stats.paints = painter.steps() - steps;
    if (!stopped) performance.measure(`glossa-scan-${kind}`, { start, end: performance.now(), detail: { ...stats } });
  }

  return {
    scanNear(roots) {
      return enqueue(() =>
        measured('near', async () => {
          painter.removeWhere(() => true);
          contexts.reset();
          blockIndex = 0;
          await paintBlocks(walk(roots), 'screenFirst', nearScreen());
        }),
      );
    },
    scanAll(roots, walked, matches) {
      return enqueue(() =>
        measured('full', async () => {
          painter.removeWhere(() => true);
          contexts.reset();
          blockIndex = 0;
          // Matches found by another matcher, or for other blocks, are not these: scan instead.
          const given =
            walked && matches?.version === scanner.matcher.version
              ? readBlockMatches(
                  matches,
                  walked.map((b) => b.raw.length),
                  scanner.matcher.terms.length,
                )
              : undefined;
          stats.matchedInBackground = given !== undefined;
          await paintBlocks(walked ?? walk(roots), 'screenFirst', undefined, given);
        }),
      );
    },
    rescan(containers) {
      return enqueue(() =>
        measured('rescan', async () => {
          const gone = (t: PaintedTerm) =>
            !t.range.startContainer.isConnected ||
            !t.range.endContainer.isConnected ||
            containers.some((c) => c.contains(t.range.startContainer) || c.contains(t.range.endContainer));
          painter.removeWhere(gone);
          // A context once named stays named: the page said it, even if that block changed since.
          contexts.forget(gone);
          // A container made editable loses its marks above and is not scanned again.
          await paintBlocks(
            walk(containers.filter((c) => c.isConnected && !isInSkippedRegion(c, c.ownerDocument.body))),
            'batches',
          );
        }),
      );
    },
    stop() {
      stopped = true;
    },
  };
}
