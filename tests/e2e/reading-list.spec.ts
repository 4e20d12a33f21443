import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { toJson } from '../../lib/passages/export';
import type { Passage } from '../../lib/passages/schema';
import { chromiumArgs, E2E_EXTENSION_DIR, findChromium } from '../support/chromium';
import { passage } from '../support/passages';
import {
  card,
  expect,
  highlightedRanges,
  hoverText,
  paintedPassages,
  selectText,
  sendFromExtensionPage,
  sendToActiveTab,
  test,
  waitForHighlights,
} from './fixtures';

const SENTENCE =
  'Tajikistan also continued demonstrating its loyalty to the Kremlin by allowing Russian investigators to question families of the Moscow attack suspects.';

/** What the context-menu item and the shortcut do: the background asks the tab to save its selection. */
const saveSelectionViaBackground = (context: BrowserContext) => sendToActiveTab(context, { type: 'saveSelection' });

/** The passages painted on the page, among the two the tests save. */
const passageHighlights = (page: Page) => paintedPassages(page, [SENTENCE, SENTENCE.replace('allowing', 'letting')]);

async function openArticle(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await waitForHighlights(page);
  return page;
}

test('saves a selection (context menu / shortcut), once, and paints it as a passage', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  await selectText(page, SENTENCE);
  expect(await saveSelectionViaBackground(context)).toMatchObject({
    ok: true,
    value: { saved: true, duplicate: false },
  });
  await expect(page.locator('#glossa-ui-host .toast')).toContainText('Saved to your reading list.');
  await expect.poll(() => passageHighlights(page)).toEqual([SENTENCE]);
  // The same passage again: not duplicated.
  await selectText(page, SENTENCE);
  expect(await saveSelectionViaBackground(context)).toMatchObject({ value: { saved: true, duplicate: true } });
  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage')).toHaveCount(1);
  await expect(list.locator('.passage blockquote')).toHaveText(SENTENCE);
  await expect(list.locator('.passage .chips li')).toHaveText(['Tajikistan', 'Kremlin', 'Moscow terror attack']);
});

test('an empty selection gets a clear message and saves nothing', async ({ context, server }) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  await page.evaluate(() => getSelection()!.removeAllRanges());
  expect(await saveSelectionViaBackground(context)).toMatchObject({ value: { saved: false } });
  await expect(page.locator('#glossa-ui-host .toast')).toContainText('Select some text of the page first');
});

test('search, filter, edit, delete and undo on the reading list', async ({ context, server, openExtensionPage }) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  await selectText(page, SENTENCE);
  await saveSelectionViaBackground(context);
  await hoverText(page, 'Emomali Rahmon');
  await card(page).getByRole('button', { name: 'Save passage' }).click();
  await expect(card(page).getByRole('status')).toContainText('Saved');

  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage')).toHaveCount(2);
  // Newest first by default; then oldest first.
  await expect(list.locator('.passage blockquote').first()).toContainText('Emomali Rahmon');
  await list.getByLabel('Sort by date').selectOption('oldest');
  await expect(list.locator('.passage blockquote').first()).toHaveText(SENTENCE);

  // Inline editing, kept across a reload.
  const first = list.locator('.passage').filter({ hasText: 'Emomali Rahmon' });
  await first.getByLabel('Note').fill('Compare with the Kremlin readout.');
  await first.getByLabel(/Tags/).fill('calls, tajikistan');
  await first.getByLabel(/Tags/).press('Enter');
  await expect(first.getByRole('status')).toHaveText('Saved.');
  await list.reload();
  const edited = list.locator('.passage').filter({ hasText: 'Emomali Rahmon' });
  await expect(edited.getByLabel('Note')).toHaveValue('Compare with the Kremlin readout.');
  await expect(edited.getByLabel(/Tags/)).toHaveValue('calls, tajikistan');

  // Full-text search over passages and notes; filters by tag and entry.
  await list.getByRole('searchbox').fill('readout');
  await expect(list.locator('.passage')).toHaveCount(1);
  await list.getByRole('searchbox').fill('investigators');
  await expect(list.locator('.passage blockquote')).toHaveText([SENTENCE]);
  await list.getByRole('searchbox').fill('');
  await list.getByLabel('Filter by tag').selectOption('calls');
  await expect(list.locator('.passage')).toHaveCount(1);
  await list.getByLabel('Filter by tag').selectOption('');
  await list.getByLabel('Filter by glossary entry').selectOption({ label: 'Kremlin' });
  await expect(list.locator('.passage blockquote')).toHaveText([SENTENCE]);
  await list.getByLabel('Filter by glossary entry').selectOption('');
  await list.getByLabel('Filter by site').selectOption('127.0.0.1');
  await expect(list.locator('.passage')).toHaveCount(2);

  // Delete, then undo.
  await list.locator('.passage').filter({ hasText: SENTENCE }).getByRole('button', { name: 'Delete' }).click();
  await expect(list.locator('.passage')).toHaveCount(1);
  await list.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(list.locator('.passage')).toHaveCount(2);
  await list.reload();
  await expect(list.locator('.passage')).toHaveCount(2);
});

test('exports Markdown, JSON and CSV; a JSON export imports back without duplicates; a bad file changes nothing', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  await selectText(page, SENTENCE);
  await saveSelectionViaBackground(context);
  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage')).toHaveCount(1);

  const fileOf = async (button: string) => {
    const download = list.waitForEvent('download');
    await list.getByRole('button', { name: button }).click();
    const d = await download;
    return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8'), path: (await d.path())! };
  };
  const md = await fileOf('Export Markdown');
  expect(md.name).toMatch(/^glossa-reading-list-\d{4}-\d{2}-\d{2}\.md$/);
  // Escaped for CommonMark: the full stop cannot start a list or end a link early.
  expect(md.text).toContain(`> ${SENTENCE.replace(/\.$/, '\\.')}`);
  const csv = await fileOf('Export CSV');
  // Every cell quoted (OWASP): a ";" or "," inside one cannot split it in any locale.
  expect(csv.text.split('\r\n')[0]).toBe('"saved","site","title","text","note","tags","url","link"');
  const json = await fileOf('Export JSON');
  expect(JSON.parse(json.text)).toMatchObject({
    format: 'glossa-reading-list',
    version: 1,
    passages: [{ text: SENTENCE }],
  });

  // Importing into a list that already has the passage adds nothing.
  await list.locator('input[type=file]').setInputFiles(json.path);
  await expect(list.locator('.toast')).toContainText('Imported 0 passages; 1 already here.');
  // Delete it, import it back: it returns with its note, tags and time.
  await list.getByRole('button', { name: 'Delete' }).click();
  await expect(list.locator('.passage')).toHaveCount(0);
  await list.locator('input[type=file]').setInputFiles(json.path);
  await expect(list.locator('.toast')).toContainText('Imported 1 passage.');
  await expect(list.locator('.passage blockquote')).toHaveText([SENTENCE]);

  // A malformed file and a wrong version: a clear error, and nothing changes.
  await list.locator('input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "glossa-reading-list", "version": 1, "passages": [{"id": 3}]}'),
  });
  await expect(list.getByRole('alert')).toContainText('Nothing was imported. This export is damaged at passages.0');
  await list.locator('input[type=file]').setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "glossa-reading-list", "version": 9, "passages": []}'),
  });
  await expect(list.getByRole('alert')).toContainText('version 9');
  await expect(list.locator('.passage')).toHaveCount(1);
});

test('found again: highlighted on revisit, re-found on a changed page, listed as not found when gone', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const original = readFileSync(new URL('../fixtures/pages/demo-article.html', import.meta.url), 'utf8');
  server.route('/living-article.html', { body: original });
  let page = await openArticle(context, server.url('/living-article.html'));
  await selectText(page, SENTENCE);
  await saveSelectionViaBackground(context);
  await page.close();

  page = await openArticle(context, server.url('/living-article.html'));
  await expect.poll(() => passageHighlights(page)).toEqual([SENTENCE]);
  // Painted where the page cannot read it: never in the page-readable highlight registry.
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => !k.startsWith('glossa-term')))).toEqual([]);
  await page.close();

  // The page was edited: a word changed inside the passage, and a paragraph added above it.
  const edited = original
    .replace('allowing Russian investigators', 'letting Russian investigators')
    .replace('<p>Aiming to show', '<p>An editor’s note was added here.</p>\n      <p>Aiming to show');
  server.route('/living-article.html', { body: edited });
  page = await openArticle(context, server.url('/living-article.html'));
  await expect.poll(() => passageHighlights(page)).toEqual([SENTENCE.replace('allowing', 'letting')]);
  await page.close();

  // The passage is gone from the page: the reading list says so, and keeps it.
  server.route('/living-article.html', {
    body: original.replace(
      /Tajikistan also continued demonstrating[^<]*/,
      'This paragraph was rewritten entirely by the editors.',
    ),
  });
  page = await openArticle(context, server.url('/living-article.html'));
  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage .orphan')).toContainText('Not found on its page the last time it was opened');
  await expect(list.locator('.passage blockquote')).toHaveText([SENTENCE]);
  expect(await passageHighlights(page)).toEqual([]);
});

test('opening a passage goes to its page, scrolled to and flashing it', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  await selectText(page, SENTENCE);
  await saveSelectionViaBackground(context);
  const list = await openExtensionPage('reading-list.html');
  const opened = context.waitForEvent('page');
  await list.getByRole('button', { name: 'Open on its page' }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  // Flashed in Glossa's shadow root, over the sentence, which is in view; nothing in the page's registry.
  await expect
    .poll(() =>
      tab.evaluate((sentence) => {
        const flash = document.getElementById('glossa-ui-host')?.shadowRoot?.querySelector('.passage-flash');
        const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(sentence));
        if (!flash || !p) return false;
        const box = flash.getBoundingClientRect();
        const para = p.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight && box.top >= para.top - 1 && box.bottom <= para.bottom + 1;
      }, SENTENCE),
    )
    .toBe(true);
  expect(await highlightedRanges(tab, 'glossa-flash')).toEqual([]);
});

test('a save still works after the service worker was stopped while the page was open', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await openArticle(context, server.url('/demo-article.html'));
  const options = await openExtensionPage('options.html');
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  const stopped = context
    .serviceWorkers()[0]!
    .evaluate(() => new Promise(() => undefined))
    .catch(() => 'stopped');
  await cdp.send('ServiceWorker.stopAllWorkers');
  expect(await stopped).toBe('stopped');
  await hoverText(page, 'Emomali Rahmon');
  await card(page).getByRole('button', { name: 'Save passage' }).click();
  await expect(card(page).getByRole('status')).toContainText('Saved to your reading list.');
  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage')).toHaveCount(1);
});

test('passages survive the browser closing and the extension loading afresh', async ({ server }) => {
  // A profile of our own, kept across two launches (the fixture's profile is thrown away).
  const profile = mkdtempSync(path.join(tmpdir(), 'glossa-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      args: chromiumArgs(E2E_EXTENSION_DIR),
    });
  let context = await launch();
  const page = await openArticle(context, server.url('/demo-article.html'));
  await selectText(page, SENTENCE);
  expect(await saveSelectionViaBackground(context)).toMatchObject({ value: { saved: true } });
  await context.close();

  context = await launch();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const list = await context.newPage();
  await list.goto(`chrome-extension://${new URL(worker.url()).host}/reading-list.html`);
  await expect(list.locator('.passage blockquote')).toHaveText([SENTENCE]);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a long reading list comes a page at a time: more on scroll or by keyboard; search and filters ask the background', async ({
  context,
  openExtensionPage,
}) => {
  const many = Array.from({ length: 130 }, (_, i) =>
    passage({
      id: `bulk-${i}`,
      text: `Passage number ${i} about ${i % 10 === 0 ? 'Dushanbe' : 'Moscow'}.`,
      quote: { ...passage().quote, exact: `Passage number ${i}.` },
      url: `https://${i % 2 ? 'odd' : 'even'}.example/story-${i}`,
      savedAt: Date.UTC(2026, 0, 1) + i * 60_000,
      note: '',
      tags: i % 3 ? [] : ['third'],
      entries: [],
    }),
  );
  const list = await openExtensionPage('reading-list.html');
  const imported = await sendFromExtensionPage(list, { type: 'importPassages', text: toJson(many) });
  expect(imported).toMatchObject({ ok: true, value: { added: 130 } });
  await list.reload();

  // The first page only, newest first, and the count says so.
  await expect(list.locator('.passage')).toHaveCount(50);
  await expect(list.locator('.count')).toHaveText('130 passages · showing the newest 50');
  await expect(list.locator('.passage blockquote').first()).toHaveText('Passage number 129 about Moscow.');
  // The filters offer every site and tag without the list loading every passage.
  await expect(list.getByLabel('Filter by site').locator('option')).toHaveText([
    'All sites',
    'even.example',
    'odd.example',
  ]);
  await expect(list.getByLabel('Filter by tag').locator('option')).toHaveText(['All tags', 'third']);

  // Scrolling near the end loads the next page, and the one after.
  await list.locator('.passage').last().scrollIntoViewIfNeeded();
  await expect(list.locator('.passage')).toHaveCount(100);
  await list.locator('.passage').last().scrollIntoViewIfNeeded();
  await expect(list.locator('.passage')).toHaveCount(130);
  await expect(list.getByRole('button', { name: 'Show more' })).toHaveCount(0);

  // Without scrolling (here: no IntersectionObserver at all), "Show more" is a button the
  // keyboard reaches right after the last passage.
  const keyboard = await context.newPage();
  await keyboard.addInitScript(() => delete (window as { IntersectionObserver?: unknown }).IntersectionObserver);
  await keyboard.goto(list.url());
  await expect(keyboard.locator('.passage')).toHaveCount(50);
  await keyboard.locator('.passage').last().getByRole('button', { name: 'Delete' }).focus();
  await keyboard.keyboard.press('Tab');
  await expect(keyboard.getByRole('button', { name: 'Show more' })).toBeFocused();
  await keyboard.keyboard.press('Enter');
  await expect(keyboard.locator('.passage')).toHaveCount(100);
  await expect(keyboard.getByRole('button', { name: 'Show more' })).toBeFocused();
  await keyboard.keyboard.press('Enter');
  await expect(keyboard.locator('.passage')).toHaveCount(130);
  await expect(keyboard.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  await keyboard.close();

  const texts = await list.locator('.passage blockquote').allTextContents();
  expect(texts).toEqual(many.map((p) => p.text).reverse());

  // Search, filters and order run in the background, with honest counts.
  await list.getByRole('searchbox').fill('dushanbe');
  await expect(list.locator('.passage')).toHaveCount(13);
  await expect(list.locator('.count')).toHaveText('13 of 130 passages match');
  await list.getByRole('searchbox').fill('');
  await list.getByLabel('Filter by site').selectOption('odd.example');
  await expect(list.locator('.count')).toHaveText('65 of 130 passages match · showing 50');
  await expect(list.locator('.passage')).toHaveCount(50);
  await list.getByLabel('Filter by tag').selectOption('third');
  await expect(list.locator('.count')).toHaveText('22 of 130 passages match');
  await list.getByLabel('Sort by date').selectOption('oldest');
  await expect(list.locator('.passage blockquote').first()).toHaveText('Passage number 3 about Moscow.');
});

/** Imports passages straight into the background, then reloads the list to show them. */
async function importInto(list: Page, passages: Passage[]) {
  const imported = await sendFromExtensionPage(list, { type: 'importPassages', text: toJson(passages) });
  expect(imported).toMatchObject({ ok: true, value: { added: passages.length } });
  await list.reload();
}

const minute = (n: number) => Date.UTC(2026, 2, 1, 9) + n * 60_000;

/** A passage whose quote is its text: passages with the same page and quote are one passage. */
const saved = (overrides: Partial<Passage> & { text: string }) =>
  passage({ ...overrides, quote: { ...passage().quote, exact: overrides.text } });

test('passages are grouped by article: title, site, latest save and count, newest group first; chips open the glossary', async ({
  openExtensionPage,
}) => {
  const from = (article: 'a' | 'b', n: number, entries: string[] = []) =>
    saved({
      id: `${article}-${n}`,
      text: `Passage ${n} from article ${article.toUpperCase()}.`,
      url: `https://${article === 'a' ? 'first' : 'second'}.example/story`,
      title: article === 'a' ? 'Tajikistan after the attack' : 'The Kremlin readout',
      savedAt: minute(n),
      note: '',
      tags: [],
      entries,
    });
  const list = await openExtensionPage('reading-list.html');
  await importInto(list, [from('a', 1, ['world/tajikistan']), from('a', 2), from('b', 3), from('b', 4), from('b', 5)]);

  const groups = list.locator('.article-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.getByRole('heading', { level: 2 })).toHaveText([
    'The Kremlin readout',
    'Tajikistan after the attack',
  ]);
  await expect(groups.locator('.group-count')).toHaveText(['3 passages', '2 passages']);
  await expect(groups.first().locator('.group-header .meta')).toContainText('second.example');
  await expect(groups.nth(1).locator('.passage blockquote')).toHaveText([
    'Passage 2 from article A.',
    'Passage 1 from article A.',
  ]);
  // Each group is a region named by its article, for screen-reader navigation.
  await expect(list.getByRole('region', { name: 'The Kremlin readout' }).locator('.passage')).toHaveCount(3);

  // An entry the passage names: a chip that opens the entry in the glossary page.
  const chip = groups.nth(1).locator('.chips a');
  await expect(chip).toHaveAttribute('href', '/glossary.html?entry=world%2Ftajikistan');
  const opened = list.context().waitForEvent('page');
  await chip.click();
  const glossary = await opened;
  await expect(glossary).toHaveURL(/\/glossary\.html\?entry=world%2Ftajikistan$/);
  await expect(glossary.getByRole('heading', { name: 'Tajikistan', level: 2 })).toBeVisible();
});

test('search is ranked and forgives typos: the best match first, whatever its date', async ({ openExtensionPage }) => {
  const list = await openExtensionPage('reading-list.html');
  await importInto(list, [
    saved({
      id: 'about-him',
      text: 'Rahmon, Rahmon: the name everyone in Dushanbe repeats.',
      note: 'Rahmon profile',
      savedAt: minute(1),
      tags: [],
    }),
    saved({
      id: 'in-passing',
      text: 'In a long speech about trade, tariffs, the budget and the harvest, officials briefly said Rahmon would attend the summit later this year.',
      note: '',
      savedAt: minute(2),
      tags: [],
    }),
    saved({ id: 'other', text: 'Nothing about him here at all.', note: '', savedAt: minute(3), tags: [] }),
  ]);
  await expect(list.locator('.passage blockquote').first()).toContainText('Nothing about him');
  // "Rahmn": one letter missing. The older passage, about him, ranks above the newer passing mention.
  await list.getByRole('searchbox').fill('Rahmn');
  await expect(list.locator('.passage')).toHaveCount(2);
  await expect(list.locator('.passage blockquote').first()).toContainText('the name everyone in Dushanbe repeats');
  await expect(list.locator('.count')).toHaveText('2 of 3 passages match');
  // Ranked, so the date order stands aside until the search is cleared.
  await expect(list.getByLabel('Sort by date')).toBeDisabled();
  await expect(list.getByLabel('Sort by date')).toHaveValue('best');
  await list.getByRole('searchbox').fill('');
  await expect(list.getByLabel('Sort by date')).toHaveValue('newest');
  await expect(list.locator('.passage')).toHaveCount(3);
});

test('the toast stays while hovered or focused, so Undo stays reachable, then goes', async ({ openExtensionPage }) => {
  const list = await openExtensionPage('reading-list.html');
  await importInto(list, [
    saved({ id: 'one', text: 'The first passage.', savedAt: minute(1) }),
    saved({ id: 'two', text: 'The second passage.', savedAt: minute(2) }),
  ]);
  // A clock the test moves on: time still flows, and runFor jumps it ahead, firing the timers due.
  await list.clock.install();
  await list.reload();
  await expect(list.locator('.passage')).toHaveCount(2);
  const toast = list.locator('.toast');

  // Pointed at: it stays, however long; let go, it goes.
  await list
    .locator('.passage')
    .filter({ hasText: 'The second passage.' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(toast).toContainText('Passage deleted.');
  await toast.hover();
  await list.clock.runFor(20_000);
  await expect(toast).toContainText('Passage deleted.');
  await list.mouse.move(0, 0);
  await list.clock.runFor(8_000);
  await expect(toast).toHaveCount(0);

  // Focused (keyboard): it stays, and its Undo still works.
  await list.getByRole('button', { name: 'Delete' }).click();
  await expect(toast).toContainText('Passage deleted.');
  await list.mouse.move(0, 0);
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await list.clock.runFor(20_000);
  await expect(toast).toContainText('Passage deleted.');
  await list.keyboard.press('Enter');
  await expect(toast).toContainText('Passage restored.');
  await expect(list.locator('.passage')).toHaveCount(1);
  await list.clock.runFor(8_000);
  await expect(toast).toHaveCount(0);
});
