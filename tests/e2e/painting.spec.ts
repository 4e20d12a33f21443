/**
 * How marks reach a large page: each change to a registered highlight costs the page a frame as
 * long as revalidating every range registered (docs/design.md), so a scan changes it in a few
 * steps: the first mark at once, the screen's, the rest at the end, unless the reader scrolls.
 * Each scan's steps are in its User Timing measure ("glossa-scan-*", detail.paints).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parsePack } from '../../lib/glossary/schema';
import { MAX_REGISTERED } from '../../lib/nearest-window';
import { generateArticleHtml, livePageHtml } from '../support/generate';
import { card, hoverMarked, registeredTops } from '../support/page-helpers';
import { expect, sendFromExtensionPage, test } from './fixtures';

const seedPack = parsePack(
  JSON.parse(
    readFileSync(new URL('../../glossary/generated/tajikistan-moscow-attack.pack.json', import.meta.url), 'utf8'),
  ),
);
const NAMES = seedPack.entries.flatMap((e) => [e.name, ...e.aliases]);

interface ScanDetail {
  readonly terms: number;
  readonly paints: number;
}

/** Loads `url` and waits for the full scan; its measure's detail, and the near scan's if there was one. */
async function loadAndScan(page: Page, url: string): Promise<{ near?: ScanDetail; full: ScanDetail; marks: number }> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const detail = (name: string) =>
      (performance.getEntriesByName(name)[0] as PerformanceMeasure | undefined)?.detail as ScanDetail | undefined;
    let marks = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term')) marks += h.size;
    return { near: detail('glossa-scan-near'), full: detail('glossa-scan-full')!, marks };
  });
}

test('a large article’s marks arrive in a few steps: the screen’s first, then the rest together', async ({
  context,
  server,
}) => {
  // About 600 kB with a name every 12 words: a long article, thousands of marks.
  server.route('/big.html', { body: generateArticleHtml(600_000, NAMES, 11, 12) });
  const page = await context.newPage();
  const { near, full, marks } = await loadAndScan(page, server.url('/big.html'));
  expect(full.terms).toBeGreaterThan(MAX_REGISTERED);
  // More than the browser should revalidate at each change: the nearest are registered (below).
  expect(marks).toBe(MAX_REGISTERED);
  // The screen's scan, while the article's glossary is built: the first mark, then the screen's.
  expect(near!.terms).toBeLessThan(full.terms / 10);
  expect(near!.paints).toBeLessThanOrEqual(2);
  // The scan with the built glossary: the screen's (its marks were shown already), then the rest.
  // Doubling batches took a dozen steps over thousands of marks.
  expect(full.paints).toBeLessThanOrEqual(2);
});

test('a reader who scrolls during the scan gets marks as they are found, not only at its end', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // No glossary built from the page: the scan starts at once, and this page's is long.
  const options = await openExtensionPage('options.html');
  await sendFromExtensionPage(options, { type: 'updateSettings', patch: { buildMode: 'never' } });
  server.route('/bigger.html', { body: generateArticleHtml(2_000_000, NAMES, 13, 12) });
  const page = await context.newPage();
  // The reader scrolls to the bottom as soon as the first marks show.
  await page.addInitScript(() => {
    const tick = () => {
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('glossa-term') && h.size > 0) return scrollTo(0, document.documentElement.scrollHeight);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const { full, marks } = await loadAndScan(page, server.url('/bigger.html'));
  expect(full.terms).toBeGreaterThan(MAX_REGISTERED);
  expect(marks).toBe(MAX_REGISTERED);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  // The first mark, the screen's, then batches for the reader on the move before the last.
  expect(full.paints).toBeGreaterThan(3);
  // Those registered are the ones where the reader is: at the bottom of the page.
  await expect.poll(async () => (await page.evaluate(registeredTops)).some((top) => top >= 0 && top < 1)).toBe(true);
  expect((await page.evaluate(registeredTops)).every((top) => top < 1)).toBe(true);
});

test('a page with more terms than the browser should revalidate at each change registers the nearest, and they follow the reader', async ({
  context,
  server,
}) => {
  server.route('/many.html', { body: generateArticleHtml(600_000, NAMES, 11, 12) });
  const page = await context.newPage();
  const { full, marks } = await loadAndScan(page, server.url('/many.html'));
  expect(full.terms).toBeGreaterThan(MAX_REGISTERED);
  expect(marks).toBe(MAX_REGISTERED);
  // At the top of the page: the screen's terms and the next screens' below it.
  const atTop = await page.evaluate(registeredTops);
  expect(atTop.some((top) => top >= 0 && top < 1)).toBe(true);
  expect(atTop.every((top) => top >= 0)).toBe(true);
  expect(Math.max(...atTop)).toBeGreaterThan(3);

  const moves = () => page.evaluate(() => performance.getEntriesByName('glossa-window').length);
  const placedAtLoad = await moves();
  expect(placedAtLoad).toBeGreaterThan(0);

  // The reader reads on, a third of the way to the window's edge, and pauses: the window moves then,
  // while the reader is still, rather than mid-scroll once they near its edge.
  const reach = Math.max(...atTop) - 1;
  await page.evaluate((screens) => scrollBy(0, screens * innerHeight), reach / 3);
  await expect.poll(moves).toBeGreaterThan(placedAtLoad);
  const moved = await page.evaluate(registeredTops);
  expect(moved.length).toBe(MAX_REGISTERED);
  expect(Math.max(...moved)).toBeGreaterThan(reach * (2 / 3) + 1.5);

  // The reader goes half way down, far past the window's reach: it follows them there.
  const screens = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
  expect(Math.max(...atTop)).toBeLessThan(screens / 2);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect
    .poll(async () => {
      const tops = await page.evaluate(registeredTops);
      return tops.some((top) => top >= 0 && top < 1) && tops.some((top) => top < 0) && tops.length <= MAX_REGISTERED;
    })
    .toBe(true);
  // A mark there opens its card, as anywhere.
  await hoverMarked(page, 'Crocus City Hall');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText('Crocus City Hall');
});

/** A 300 kB article: thousands of terms, too many for the browser to revalidate in every frame. */
const liveArticle = () => generateArticleHtml(300_000, NAMES, 7, 12);

test('a page that changes many times a second has only the terms near the screen registered, and they follow the reader', async ({
  context,
  server,
}) => {
  // The same article, still and with a clock rewritten every 10 ms (a ticker, a live blog).
  const article = liveArticle();
  server.route('/still.html', { body: article });
  server.route('/live.html', { body: livePageHtml(article) });

  // Still: every term registered, once, up to the cap (moving a window costs a revalidation a move).
  const still = await context.newPage();
  const { full: stillScan, marks: stillMarks } = await loadAndScan(still, server.url('/still.html'));
  expect(stillScan.terms).toBeGreaterThan(2000);
  expect(stillMarks).toBe(Math.min(stillScan.terms, MAX_REGISTERED));
  await still.close();

  // Live: what the browser revalidates in every frame is only what is near the screen.
  const page = await context.newPage();
  const { full } = await loadAndScan(page, server.url('/live.html'));
  expect(full.terms).toBe(stillScan.terms);
  await expect.poll(async () => (await page.evaluate(registeredTops)).length).toBeLessThan(full.terms / 10);
  const atTop = await page.evaluate(registeredTops);
  expect(atTop.length).toBeGreaterThan(0);
  // Within the painted window (a quarter screen either side), by the paragraph holding each term.
  for (const top of atTop) expect(top).toBeGreaterThan(-1);
  for (const top of atTop) expect(top).toBeLessThan(2);
  expect(atTop.some((top) => top >= 0 && top < 1)).toBe(true);

  // The reader scrolls half way down: the marks come with them, and those above go.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect
    .poll(async () => {
      const tops = await page.evaluate(registeredTops);
      return tops.some((top) => top >= 0 && top < 1) && tops.every((top) => top > -1 && top < 2);
    })
    .toBe(true);
  // A mark there opens its card, as on any page.
  await hoverMarked(page, 'Crocus City Hall');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText('Crocus City Hall');
});

test("a live page's marks come onto the screen with its text when a banner above collapses, without a scroll", async ({
  context,
  server,
}) => {
  // A style change, no scroll: the article's text moves up onto the screen, and its marks with it.
  server.route('/banner.html', {
    body: livePageHtml(liveArticle().replace('<body>', '<body><div id="banner" style="height: 300vh"></div>')),
  });
  const banner = await context.newPage();
  const { full } = await loadAndScan(banner, server.url('/banner.html'));
  expect(full.terms).toBeGreaterThan(2000);
  await expect.poll(async () => (await banner.evaluate(registeredTops)).length).toBeLessThan(full.terms / 10);
  expect((await banner.evaluate(registeredTops)).some((top) => top < 1)).toBe(false);
  await banner.evaluate(() => (document.getElementById('banner')!.style.height = '0px'));
  await expect.poll(async () => (await banner.evaluate(registeredTops)).some((top) => top >= 0 && top < 1)).toBe(true);
});

test('a page whose script restyles it in every frame is live too, though it changes no text', async ({
  context,
  server,
}) => {
  // A slider, a progress bar: an inline style set in every frame. The browser revalidates every
  // highlight after each restyle just as after a change of text.
  server.route('/animated.html', { body: livePageHtml(liveArticle(), { changes: 'style' }) });
  const animated = await context.newPage();
  const { full } = await loadAndScan(animated, server.url('/animated.html'));
  expect(full.terms).toBeGreaterThan(2000);
  await expect.poll(async () => (await animated.evaluate(registeredTops)).length).toBeLessThan(full.terms / 10);
  expect((await animated.evaluate(registeredTops)).some((top) => top >= 0 && top < 1)).toBe(true);
});

test('a live page whose frames are slow is live too: it changes in frame after frame, if only a few a second', async ({
  context,
  server,
}) => {
  // Heavy by design: a slow page, thousands of ranges, on a machine that may run two tests at once.
  test.slow();
  // Frames of 150 ms, six a second (a slow machine, a heavy page): it changes in every one of
  // them. Revalidating thousands of ranges is what slows frames most, so this page needs the
  // window more than a fast one; counted in changes a second, it would never get it.
  server.route('/slow.html', { body: livePageHtml(liveArticle(), { changes: 'style', frameMs: 150 }) });
  const slow = await context.newPage();
  const { full } = await loadAndScan(slow, server.url('/slow.html'));
  expect(full.terms).toBeGreaterThan(2000);
  await expect.poll(async () => (await slow.evaluate(registeredTops)).length).toBeLessThan(full.terms / 10);
});
