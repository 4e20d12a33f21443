/**
 * What a page pays for Glossa, end to end: the same page loaded in two browsers of the same
 * build in the same run, one with the extension and one without, loads interleaved so the
 * machine's noise falls on both alike. Chromium's own counters (CDP Performance.getMetrics)
 * give the renderer main thread's busy time (TaskDuration: script, style, layout, paint,
 * compositing, everything) and its style and layout time; the difference is what Glossa adds.
 *
 *  - load: from navigation until Glossa's scan is done and two frames have been drawn;
 *  - scroll: the whole page scrolled step by step, one step a frame (longest frame, time added);
 *  - live: a page rewriting a clock every 10 ms, for LIVE_MS (share of a core added).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { median } from './median';

/** How long the live page runs per measurement: long enough for 100s of its updates. */
export const LIVE_MS = 5_000;
/** Pixels per scroll step: about a third of a screen, one step per frame, as a fast wheel. */
const SCROLL_STEP_PX = 300;

export interface LoadCost {
  /** Renderer main-thread busy time from navigation to settled, ms. */
  readonly taskMs: number;
  readonly styleLayoutMs: number;
  /** Glossa's own numbers when loaded with it (undefined without). */
  readonly glossa?: {
    readonly busyMs: number;
    readonly maxSliceMs: number;
    readonly terms: number;
    /** From the content script's start to the first mark painted in the viewport. */
    readonly firstMarkMs: number;
    /** Ranges registered with CSS.highlights once settled. */
    readonly registered: number;
  };
  /** A bare pass over the page reading every character (the lower bound), ms. */
  readonly bareReadMs: number;
}

async function metrics(cdp: CDPSession): Promise<{ task: number; style: number; layout: number }> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

/** Two frames drawn, then a quiet moment: the work a change scheduled has been done. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(), 200))),
      ),
  );

/**
 * Glossa's first visit done: marks painted, their entries received, saved passages shown. Heard
 * from a PerformanceObserver, not polled: polling every frame (waitForFunction's way) would
 * charge the page, and so Glossa's column, with an evaluation per frame of the wait.
 */
function glossaDone(page: Page) {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('Glossa never marked the page ready')), 120_000);
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('glossa-ready').length === 0) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve();
        }).observe({ type: 'mark', buffered: true });
      }),
  );
}

/** One load of `url` in a fresh tab of `context`; `withGlossa`: wait for Glossa's scan. */
export async function loadCost(context: BrowserContext, url: string, withGlossa: boolean): Promise<LoadCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load' });
  if (withGlossa) await glossaDone(page);
  await settle(page);
  const after = await metrics(cdp);
  const glossa = withGlossa
    ? await page.evaluate(() => {
        const scan = performance.getEntriesByName('glossa-scan-full')[0] as PerformanceMeasure;
        const detail = scan.detail as { busyMs: number; maxSliceMs: number; terms: number };
        const first = performance.getEntriesByName('glossa-first-mark')[0] as PerformanceMeasure | undefined;
        let registered = 0;
        for (const h of CSS.highlights.values()) registered += h.size;
        return { ...detail, firstMarkMs: first?.duration ?? Number.NaN, registered };
      })
    : undefined;
  const bareReadMs = await page.evaluate(() => {
    const t0 = performance.now();
    let hash = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const d = (n as Text).data;
      for (let i = 0; i < d.length; i++) hash = (hash * 31 + d.charCodeAt(i)) | 0;
    }
    (window as unknown as { __sink: number }).__sink = hash;
    return performance.now() - t0;
  });
  await cdp.detach();
  await page.close();
  return {
    taskMs: after.task - before.task,
    styleLayoutMs: after.style + after.layout - before.style - before.layout,
    ...(glossa ? { glossa } : {}),
    bareReadMs,
  };
}

/** `url` loaded (and scanned, with Glossa) and settled, with the counters on: what follows is measured alone. */
async function loadedAndSettled(
  context: BrowserContext,
  url: string,
  withGlossa: boolean,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  // A renderer that crashes mid-measure closes the page: say so, rather than only "page closed".
  page.on('crash', () => console.error(`the renderer crashed on ${url} (${withGlossa ? 'with' : 'without'} Glossa)`));
  await page.goto(url, { waitUntil: 'load' });
  if (withGlossa) await glossaDone(page);
  await settle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

export interface ScrollCost {
  readonly taskMs: number;
  readonly longestFrameMs: number;
  readonly frames: number;
}

/** Loads `url`, then scrolls from top to bottom one step a frame; the busy time and frames of the scroll. */
export async function scrollCost(context: BrowserContext, url: string, withGlossa: boolean): Promise<ScrollCost> {
  const { page, cdp } = await loadedAndSettled(context, url, withGlossa);
  const before = await metrics(cdp);
  const frames = await page.evaluate(
    (step) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const tick = (t: number) => {
          times.push(t);
          const max = document.documentElement.scrollHeight - innerHeight;
          if (scrollY >= max) return resolve(times.slice(1).map((x, i) => x - times[i]!));
          scrollBy(0, step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    SCROLL_STEP_PX,
  );
  await settle(page);
  const after = await metrics(cdp);
  await cdp.detach();
  await page.close();
  return { taskMs: after.task - before.task, longestFrameMs: Math.max(...frames), frames: frames.length };
}

/**
 * Loads a live page and measures its renderer's busy time over LIVE_MS, as a share of a core,
 * and the ranges registered with CSS.highlights meanwhile (Glossa's, or the page's own).
 */
export async function liveCost(
  context: BrowserContext,
  url: string,
  withGlossa: boolean,
): Promise<{ share: number; registered: number }> {
  const { page, cdp } = await loadedAndSettled(context, url, withGlossa);
  const before = await metrics(cdp);
  const t0 = Date.now();
  await page.waitForTimeout(LIVE_MS);
  const after = await metrics(cdp);
  const wall = Date.now() - t0;
  const registered = await page.evaluate(() => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    return n;
  });
  await cdp.detach();
  await page.close();
  return { share: (after.task - before.task) / wall, registered };
}

/** `runs` measurements on each side, without the extension and with it in turn: the machine's noise falls on both. */
async function sideBySide<T>(
  runs: number,
  measure: (withGlossa: boolean) => Promise<T>,
): Promise<{ withGlossa: T[]; without: T[] }> {
  const withGlossa: T[] = [];
  const without: T[] = [];
  for (let i = 0; i < runs; i++) {
    without.push(await measure(false));
    withGlossa.push(await measure(true));
  }
  return { withGlossa, without };
}

export interface CostRow {
  readonly page: string;
  readonly pack: string;
  readonly marks: number;
  /** Medians over the runs: main-thread time with − without, and style + layout likewise. */
  readonly addedMs: number;
  readonly addedStyleLayoutMs: number;
  readonly bareReadMs: number;
  readonly busyMs: number;
  readonly maxSliceMs: number;
  readonly firstMarkMs: number;
  readonly registered: number;
}

/** `runs` loads of `url` in each browser, interleaved; medians of each side. */
export async function costOfLoading(
  ext: BrowserContext,
  bare: BrowserContext,
  page: string,
  pack: string,
  url: string,
  runs: number,
): Promise<CostRow> {
  const { withGlossa: withG, without } = await sideBySide(runs, (on) => loadCost(on ? ext : bare, url, on));
  const g = (f: (c: NonNullable<LoadCost['glossa']>) => number) => median(withG.map((c) => f(c.glossa!)));
  return {
    page,
    pack,
    marks: g((c) => c.terms),
    addedMs: median(withG.map((c) => c.taskMs)) - median(without.map((c) => c.taskMs)),
    addedStyleLayoutMs: median(withG.map((c) => c.styleLayoutMs)) - median(without.map((c) => c.styleLayoutMs)),
    bareReadMs: median(without.map((c) => c.bareReadMs)),
    busyMs: g((c) => c.busyMs),
    maxSliceMs: Math.max(...withG.map((c) => c.glossa!.maxSliceMs)),
    firstMarkMs: g((c) => c.firstMarkMs),
    registered: g((c) => c.registered),
  };
}

export const COST_HEADER = [
  'page',
  'pack',
  'marks',
  'added main-thread ms',
  '× bare read',
  'added style+layout ms',
  'scan busy ms',
  'longest slice ms',
  'first mark in view ms',
  'ranges registered',
];

export function costCells(r: CostRow, fmt: (x: number, d?: number) => string): string[] {
  return [
    r.page,
    r.pack,
    String(r.marks),
    fmt(r.addedMs),
    fmt(r.addedMs / r.bareReadMs),
    fmt(r.addedStyleLayoutMs),
    fmt(r.busyMs),
    fmt(r.maxSliceMs),
    fmt(r.firstMarkMs),
    String(r.registered),
  ];
}

export interface ScrollRow {
  readonly addedMs: number;
  readonly longestFrameMs: number;
  readonly longestFrameBareMs: number;
  readonly frames: number;
}

export async function costOfScrolling(
  ext: BrowserContext,
  bare: BrowserContext,
  url: string,
  runs: number,
): Promise<ScrollRow> {
  const { withGlossa: withG, without } = await sideBySide(runs, (on) => scrollCost(on ? ext : bare, url, on));
  return {
    addedMs: median(withG.map((c) => c.taskMs)) - median(without.map((c) => c.taskMs)),
    longestFrameMs: median(withG.map((c) => c.longestFrameMs)),
    longestFrameBareMs: median(without.map((c) => c.longestFrameMs)),
    frames: median(withG.map((c) => c.frames)),
  };
}

export interface LiveRow {
  readonly withShare: number;
  readonly withoutShare: number;
  /** Ranges Glossa registered on the live page. */
  readonly registered: number;
  /** The page registering as many ranges itself, without the extension: the browser's own price. */
  readonly pageOwnShare: number;
}

export async function costOfLive(
  ext: BrowserContext,
  bare: BrowserContext,
  url: string,
  runs: number,
): Promise<LiveRow> {
  const { withGlossa, without } = await sideBySide(runs, (on) => liveCost(on ? ext : bare, url, on));
  const registered = median(withGlossa.map((c) => c.registered));
  const own: number[] = [];
  for (let i = 0; i < runs; i++) own.push((await liveCost(bare, `${url}?ownRanges=${registered}`, false)).share);
  return {
    withShare: median(withGlossa.map((c) => c.share)),
    withoutShare: median(without.map((c) => c.share)),
    registered,
    pageOwnShare: median(own),
  };
}

/**
 * mark.js end to end, for comparison: the page loaded without Glossa, then mark.js's best case
 * (one combined RegExp of every name) run over the same content roots Glossa scans, wrapping
 * each match in a <mark>; the busy time it adds until two frames are drawn (its DOM changes
 * cost style, layout and paint, which count).
 */
export async function markJsCost(
  bare: BrowserContext,
  url: string,
  terms: readonly string[],
  scripts: { readonly scope: string; readonly markJs: string },
): Promise<number> {
  const page = await bare.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: scripts.scope });
  await page.addScriptTag({ content: scripts.markJs });
  await settle(page);
  const cdp = await bare.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await page.evaluate(
    (terms) =>
      new Promise<void>((resolve) => {
        const scope = (window as unknown as { __glossaScope: { findContentRoots(d: Document): Element[] } })
          .__glossaScope;
        const MarkCtor = (
          window as unknown as {
            Mark: new (ctx: Element[]) => { markRegExp(r: RegExp, o: object): void };
          }
        ).Mark;
        const escaped = [...terms]
          .sort((a, b) => b.length - a.length)
          .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        new MarkCtor(scope.findContentRoots(document)).markRegExp(new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'g'), {
          done: () => resolve(),
        });
      }),
    [...terms],
  );
  await settle(page);
  const after = await metrics(cdp);
  await cdp.detach();
  await page.close();
  return after.task - before.task;
}
