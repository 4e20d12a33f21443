import type { Page } from '@playwright/test';
import { expect, highlightedTexts, test, waitForHighlights } from './fixtures';

/** Names of the glossa highlights that hold at least one range. */
async function paintedHighlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights].filter(([n, h]) => n.startsWith('glossa-term') && h.size > 0).map(([n]) => n),
  );
}

test('settings changed in options apply to open pages at once', async ({ context, server, openExtensionPage }) => {
  const article = await context.newPage();
  await article.goto(server.url('/integrity.html'));
  await waitForHighlights(article, 9);
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
});

test('a site turned off stays unmarked, and other sites are not affected', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'updateSettings', patch: { disabledSites: ['127.0.0.1'] } }),
  );
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
