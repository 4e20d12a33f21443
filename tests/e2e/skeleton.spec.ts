import { readFileSync } from 'node:fs';
import { card, expect, highlightedTexts, hoverText, test, waitForHighlights } from './fixtures';

test('the demo article gets highlights for glossary terms', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  const texts = await highlightedTexts(page);
  expect(texts).toContain('Crocus City Hall');
  expect(texts).toContain('Emomali Rahmon');
  expect(texts).toContain('ISIS–K');
  expect(texts).toContain('201st military base');
});

test('hovering "Crocus City Hall" shows a card with its name', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await hoverText(page, 'Crocus City Hall');
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole('heading', { name: 'Crocus City Hall' })).toBeVisible();
});

test('the popup opens and lists glossary entries', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('searchbox')).toBeFocused();
  await expect(popup.getByRole('option')).not.toHaveCount(0);
  // The first page of the alphabet: World's countries and the seed's entries alike.
  await expect(popup.getByRole('option', { name: /^Afghanistan/ })).toBeVisible();
  await popup.getByRole('searchbox').fill('rahmon');
  await expect(popup.getByRole('option', { name: /^Emomali Rahmon/ })).toBeVisible();
});

test('extension pages load without console errors', async ({ openExtensionPage, context }) => {
  const errors: string[] = [];
  context.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  context.on('weberror', (e) => errors.push(String(e.error())));
  for (const name of ['popup.html', 'reading-list.html', 'options.html']) {
    const page = await openExtensionPage(name);
    await expect(page.locator('h1')).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('the seeded glossary is searchable from the popup', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const pack = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../glossary/generated/${name}.pack.json`, import.meta.url), 'utf8')) as {
      entries: { sameAs?: string[] }[];
    };
  const [seed, world] = [pack('tajikistan-moscow-attack'), pack('world')];
  // Every entity once: the seed's countries and capitals are the World pack's, in layers.
  const entities = seed.entries.length + world.entries.length - seed.entries.filter((e) => e.sameAs?.length).length;
  await expect(popup.getByText(`${entities} entries`)).toBeVisible();
  await expect(popup.getByRole('option')).toHaveCount(50);
  await popup.getByRole('searchbox').fill('state department');
  await expect(popup.getByRole('option', { name: /U\.S\. Department of State/ })).toBeVisible();
  await popup.getByRole('searchbox').fill('isis-k');
  await expect(popup.getByRole('option').first()).toHaveAccessibleName('ISIS–K');
});

test('Glossa makes no network requests: everything stays on the page’s server and inside the extension', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await hoverText(page, 'Emomali Rahmon');
  await expect(card(page)).toBeVisible();
  await card(page).getByRole('button', { name: 'Save passage' }).click();
  await expect(card(page).getByRole('status')).toContainText('Saved');
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('searchbox').fill('rahmon');
  await openExtensionPage('reading-list.html');
  const outside = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension://'));
  expect(outside).toEqual([]);
});
