import type { Page } from '@playwright/test';
import { expect, highlightedTexts, sendFromExtensionPage, test, waitForHighlights } from './fixtures';

/** Names of the glossa highlights that hold at least one range. */
async function paintedHighlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights].filter(([n, h]) => n.startsWith('glossa-term') && h.size > 0).map(([n]) => n),
  );
}

/** The browser's sync storage, read from one of Glossa's pages. */
async function syncStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.sync.get(null),
  );
}

test('settings changed in options are written to sync storage and apply to every open page at once', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const article = await context.newPage();
  await article.goto(server.url('/integrity.html'));
  await waitForHighlights(article, 9);
  // A second tab, in the background: it follows too.
  const other = await context.newPage();
  await other.goto(server.url('/integrity.html'));
  await waitForHighlights(other, 9);
  const options = await openExtensionPage('options.html');

  // Global off, then on again.
  await options.getByLabel('Mark glossary terms on pages').uncheck();
  await expect.poll(() => highlightedTexts(article)).toEqual([]);
  await options.getByLabel('Mark glossary terms on pages').check();
  await expect.poll(async () => (await highlightedTexts(article)).length).toBe(9);

  // First mention only: each term once.
  await options.getByLabel('Mark only the first mention of each term').check();
  await expect
    .poll(() => highlightedTexts(article))
    .toEqual([
      'Tajikistan',
      'Russia',
      '201st military\n          base',
      'Crocus City Hall',
      'ISIS–K',
      'Emomali Rahmon',
      'Putin',
    ]);
  await options.getByLabel('Mark only the first mention of each term').uncheck();

  // Kinds: no places.
  await options.getByLabel('Place', { exact: true }).uncheck();
  await expect
    .poll(() => highlightedTexts(article))
    .toEqual(['201st military\n          base', 'Crocus City Hall', 'ISIS–K', 'Emomali Rahmon', 'Putin']);
  await options.getByLabel('Place', { exact: true }).check();

  // Style.
  await options.getByLabel('Style').selectOption('background');
  await expect.poll(() => paintedHighlightNames(article)).toEqual(['glossa-term-background']);
  await expect.poll(() => paintedHighlightNames(other)).toEqual(['glossa-term-background']);
  expect((await syncStorage(options))['settings']).toMatchObject({
    highlightStyle: 'background',
    firstMentionOnly: false,
    enabled: true,
  });
});

test('settings an earlier version kept in IndexedDB move to sync storage, with nothing lost', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const setup = await openExtensionPage('options.html');
  // Shown once the background answered: its database is open, at this version's schema.
  await expect(setup.getByLabel('Style')).toBeVisible();
  // The profile as the previous release left it: settings in a row of the extension's IndexedDB
  // and nothing in sync storage. Then the extension restarts, as it does after an update.
  await setup.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> } } } }).chrome;
    await chrome.storage.sync.clear();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('glossa');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({
        key: 'settings',
        value: {
          enabled: true,
          disabledSites: ['localhost'],
          firstMentionOnly: false,
          kinds: ['person', 'place', 'organization', 'facility', 'event', 'group', 'concept'],
          highlightStyle: 'solid',
          hoverDelayMs: 650,
          buildMode: 'ask',
          forgetAfterMonths: 12,
        },
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  // The background starts again, as after an update: the worker is stopped, and the next
  // message starts it.
  const cdp = await context.newCDPSession(setup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await setup.close();

  const options = await openExtensionPage('options.html');
  await expect(options.getByLabel('Style')).toHaveValue('solid');
  await expect(options.getByText('localhost')).toBeVisible();
  await expect(options.getByLabel('Open a card after resting on a term for')).toHaveValue('650');
  await expect(options.getByLabel('Build a glossary')).toHaveValue('ask');
  await expect(options.getByLabel('Articles you read')).toHaveValue('12');
  expect((await syncStorage(options))['settings.sites.0']).toEqual(['localhost']);
  // The old row is gone: the move happens once.
  expect(
    await options.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('glossa');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('settings');
            get.onsuccess = () => {
              resolve(get.result ?? null);
              open.result.close();
            };
          };
        }),
    ),
  ).toBeNull();
  // And pages follow the moved settings: the solid style, and the site turned off stays unmarked.
  const off = await context.newPage();
  await off.goto(server.url('/integrity.html').replace('127.0.0.1', 'localhost'));
  const article = await context.newPage();
  await article.goto(server.url('/integrity.html'));
  await waitForHighlights(article, 9);
  expect(await paintedHighlightNames(article)).toEqual(['glossa-term-solid']);
  expect(await highlightedTexts(off)).toEqual([]);
});

test('a site turned off stays unmarked, and other sites are not affected', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await sendFromExtensionPage(options, { type: 'updateSettings', patch: { disabledSites: ['127.0.0.1'] } });
  const article = await context.newPage();
  await article.goto(server.url('/integrity.html'));
  // "localhost" is another site name for the same server: it is still marked.
  const other = await context.newPage();
  await other.goto(server.url('/integrity.html').replace('127.0.0.1', 'localhost'));
  await waitForHighlights(other, 9);
  expect(await highlightedTexts(article)).toEqual([]);
  await options.reload();
  await expect(options.getByText('127.0.0.1')).toBeVisible();
  await options.getByRole('button', { name: 'Turn back on' }).click();
  await waitForHighlights(article, 9);
});

test('a turned-off sites list too long to sync is kept on this device, and the options page says so', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const sites = Array.from({ length: 6_000 }, (_, i) => `site-${i}.news.example`);
  await sendFromExtensionPage(options, { type: 'updateSettings', patch: { disabledSites: sites } });
  // The page follows the stored settings by itself.
  await expect(options.getByText('6,000 turned-off sites need more than the 92 KB the browser syncs')).toBeVisible();
  await expect(options.getByText('site-5999.news.example')).toBeVisible();
  const stored = await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get('settings.sites'),
  );
  expect(stored['settings.sites']).toHaveLength(6_000);
});
