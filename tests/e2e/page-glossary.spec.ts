/**
 * Glossaries built from the page being read: a real news page that nothing bundled knows
 * gets marks and cards quoting it; a page that is not an article gets none unless asked.
 */
import type { Page } from '@playwright/test';
import {
  card,
  expect,
  highlightedTexts,
  hoverText,
  sendFromExtensionPage,
  sendToActiveTab,
  test,
  waitForHighlights,
} from './fixtures';

/** Waits for the content script's first full scan (its User Timing measure), however few marks it paints. */
async function waitForScan(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0);
}

test('a real news page nothing bundled knows gets marks from its own article, and cards quoting it', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/real-pages/wapo-2/source.html'));
  // "Netanyahu" and "Martin Indyk" are in no bundled pack: only the page's own glossary marks them.
  await page.waitForFunction(() => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('glossa-term')) continue;
      for (const r of h as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().includes('Indyk')) return true;
      }
    }
    return false;
  });
  const texts = await highlightedTexts(page);
  expect(texts).toEqual(expect.arrayContaining(['Benjamin Netanyahu', 'Martin Indyk', 'Palestinian Authority']));
  // Nothing from navigation, bylines or photo credits.
  expect(texts).not.toContain('Getty Images');
  const build = await page.evaluate(() => {
    const m = performance.getEntriesByName('glossa-build')[0] as PerformanceMeasure | undefined;
    return m?.detail as { mainMs: number; entries: number } | undefined;
  });
  expect(build?.entries).toBeGreaterThan(10);

  await hoverText(page, 'Robert M. Danin', 'body');
  const c = card(page);
  await expect(c.getByRole('heading', { name: 'Robert M. Danin' })).toBeVisible();
  await expect(c.getByRole('heading', { name: 'In this article' })).toBeVisible();
  // Its description is the article's own apposition, quoted, and the card names its source.
  await expect(c.locator('.summary q')).toHaveText('a senior fellow at the Council on Foreign Relations');
  await expect(c.getByText(/Built from this page/)).toBeVisible();
  await expect(c.locator('.mentions li').first()).toContainText('Danin');
});

/** Every glossary mark on the page, by its boundary points (text nodes by document order) and text, sorted. */
function markedPoints(): string[] {
  const index = new Map<Node, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) index.set(n, index.size);
  const out: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('glossa-term')) continue;
    for (const r of h as Iterable<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push(
        `${index.get(r.startContainer)}:${r.startOffset}-${index.get(r.endContainer)}:${r.endOffset} ${range.toString()}`,
      );
    }
  }
  return out.sort();
}

/** The `n`th full scan's measure detail, once there is one. */
async function fullScan(page: Page, n: number): Promise<{ terms: number; matchedInBackground: boolean }> {
  await page.waitForFunction((n) => performance.getEntriesByName('glossa-scan-full').length > n, n);
  return page.evaluate((n) => (performance.getEntriesByName('glossa-scan-full')[n] as PerformanceMeasure).detail, n);
}

for (const name of ['wapo-2', 'yahoo-2']) {
  test(`${name}: the scan after the build paints the matches the background found, the same as the page’s own scan`, async ({
    context,
    server,
    openExtensionPage,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url(`/real-pages/${name}/source.html`));
    const built = await fullScan(page, 0);
    expect(built.matchedInBackground).toBe(true);
    const fromBackground = await page.evaluate(markedPoints);
    expect(fromBackground.length).toBe(built.terms);
    expect(fromBackground.length).toBeGreaterThan(20);
    // A setting changed: the page scans again with the same matcher, matching for itself.
    const options = await openExtensionPage('options.html');
    await sendFromExtensionPage(options, { type: 'updateSettings', patch: { highlightStyle: 'solid' } });
    const own = await fullScan(page, 1);
    expect(own.matchedInBackground).toBe(false);
    expect(await page.evaluate(markedPoints)).toEqual(fromBackground);
  });
}

test('a reload of a built article is not sent the matcher again: its first answer had the article’s glossary', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  const asked = async () => {
    await fullScan(page, 0);
    return page.evaluate(() => performance.getEntriesByName('glossa-asked-again').length);
  };
  await page.goto(server.url('/real-pages/wapo-2/source.html'));
  // First visit: the glossary is new, and the matcher with it is asked for.
  expect(await asked()).toBe(1);
  await page.reload();
  expect(await asked()).toBe(0);
  // Marked with the article's own glossary all the same.
  expect(await highlightedTexts(page)).toEqual(expect.arrayContaining(['Martin Indyk']));
});

test('a page that is not an article gets no glossary of its own until the reader asks', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/search-results.html'));
  await waitForScan(page);
  expect(await highlightedTexts(page)).not.toContain('Angela Merkel');
  expect(await page.evaluate(() => performance.getEntriesByName('glossa-build').length)).toBe(0);

  // Asked (popup button, context menu and shortcut all send this request to the page).
  await page.bringToFront();
  const reply = (await sendToActiveTab(context, { type: 'buildGlossary' })) as {
    ok: boolean;
    value: { entries: number; message: string };
  };
  expect(reply.ok).toBe(true);
  expect(reply.value.entries).toBeGreaterThan(0);
  await waitForHighlights(page);
  await expect.poll(() => highlightedTexts(page)).toEqual(expect.arrayContaining(['Angela Merkel', 'Emmanuel Macron']));
});

test('with "only when I ask" in options, an article gets no glossary of its own', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Build a glossary').selectOption('ask');
  await expect(options.getByLabel('Build a glossary')).toHaveValue('ask');
  const page = await context.newPage();
  await page.goto(server.url('/real-pages/wapo-2/source.html'));
  await waitForScan(page);
  const texts = await highlightedTexts(page);
  expect(texts).not.toContain('Martin Indyk');
  expect(await page.evaluate(() => performance.getEntriesByName('glossa-build').length)).toBe(0);
});
