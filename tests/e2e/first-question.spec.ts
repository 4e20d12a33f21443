/**
 * The page's first question (settings and matcher) leaves as the document starts to load, so
 * its round trip overlaps the page's loading; an answer that went out of date while the page
 * was still loading (a setting changed, the glossary changed) is not used.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { StaticServer } from '../support/static-server';
import { expect, highlightedTexts, sendFromExtensionPage, test } from './fixtures';

const demo = readFileSync(new URL('../fixtures/pages/demo-article.html', import.meta.url), 'utf8');

/** The full scan's first-mark measure: whether the first question was asked early. */
async function firstMark(page: Page): Promise<{ askedEarly: boolean }> {
  await page.waitForFunction(() => performance.getEntriesByName('glossa-first-mark').length > 0);
  return page.evaluate(
    () =>
      (performance.getEntriesByName('glossa-first-mark')[0] as PerformanceMeasure).detail as { askedEarly: boolean },
  );
}

/** Names of the glossary highlights holding ranges, each with its count. */
function termHighlights(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term') && h.size > 0) out[name] = h.size;
  return out;
}

/**
 * Opens the demo article with its parsing held on a script at the end of its body (a slow
 * third-party script): Glossa's early question has left, its main script has not started.
 * `release` lets the page finish.
 */
async function openHeld(page: Page, server: StaticServer) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.route('/slow.js', { body: '', headers: { 'content-type': 'text/javascript' }, held });
  server.route('/held-demo.html', { body: demo.replace('</body>', '<script src="/slow.js"></script></body>') });
  const loaded = page.goto(server.url('/held-demo.html'));
  await page.waitForFunction(() => performance.getEntriesByName('glossa-asked-early').length > 0);
  // The main script is not running yet: it starts once the document is parsed.
  expect(await page.evaluate(() => performance.getEntriesByName('glossa-first-mark').length)).toBe(0);
  return { release, loaded };
}

/**
 * With no glossary built from the article (its build asks again, which would hide a stale
 * answer): opens the held demo article, sends `change` from the options page while the page is
 * still loading, waits for the early answer to go stale, and lets the page finish.
 */
async function changedWhileHeld(page: Page, server: StaticServer, options: Page, change: unknown) {
  await sendFromExtensionPage(options, { type: 'updateSettings', patch: { buildMode: 'ask' } });
  const { release, loaded } = await openHeld(page, server);
  expect(await sendFromExtensionPage(options, change)).toMatchObject({ ok: true });
  await page.waitForFunction(() => performance.getEntriesByName('glossa-early-answer-stale').length > 0);
  release();
  await loaded;
}

test('the first question leaves as the page starts loading, and its answer marks the page', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  expect((await firstMark(page)).askedEarly).toBe(true);
  expect(await highlightedTexts(page)).toContain('Crocus City Hall');
});

test('a setting changed while the page is still loading holds: the early answer is not used', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await changedWhileHeld(page, server, await openExtensionPage('options.html'), {
    type: 'updateSettings',
    patch: { highlightStyle: 'solid' },
  });
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0);
  const painted = await page.evaluate(termHighlights);
  expect(Object.keys(painted)).toEqual(['glossa-term-solid']);
  expect(painted['glossa-term-solid']).toBeGreaterThan(20);
  expect((await firstMark(page)).askedEarly).toBe(false);
});

test('a glossary changed while the page is still loading holds: the page marks the new name', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // "the West" is in the demo article; nothing bundled names it.
  const pack = {
    format: 1,
    id: 'regions',
    title: 'Regions',
    version: '1.0.0',
    source: { title: 'Regions' },
    entries: [{ id: 'the-west', name: 'the West', aliases: [], kind: 'place', mentions: [], related: [] }],
  };
  const page = await context.newPage();
  await changedWhileHeld(page, server, await openExtensionPage('options.html'), { type: 'importPack', pack });
  await expect.poll(() => highlightedTexts(page)).toContain('the West');
  expect((await firstMark(page)).askedEarly).toBe(false);
});
