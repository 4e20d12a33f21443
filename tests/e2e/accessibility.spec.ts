import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, hoverText, card, test, waitForHighlights } from './fixtures';

/** The glossary opens on an entity, so its sources, edit form and merge search are checked too. */
const GLOSSARY = 'glossary.html?entry=tajikistan-moscow-attack/emomali-rahmon';
const PAGES = ['popup.html', 'reading-list.html', GLOSSARY, 'options.html'];

/** Runs in the page: the smallest font size of any text shown (the design tokens allow 13px and up). */
function smallestText(root: Node | void): { size: number; text: string } {
  let smallest = { size: Infinity, text: '' };
  const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.textContent!.trim() || el.closest('.visually-hidden') || !el.checkVisibility()) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < smallest.size) smallest = { size, text: n.textContent!.trim().slice(0, 40) };
  }
  return smallest;
}

/** Opens each extension page (set up as the test needs) in a colour scheme. */
async function preparePage(ext: Page, name: string) {
  await expect(ext.locator('h1')).toBeVisible();
  if (name === 'popup.html') await ext.getByRole('searchbox').fill('moscow');
  if (name === 'reading-list.html') await expect(ext.locator('.passage')).toHaveCount(1);
  if (name === GLOSSARY) {
    await expect(ext.locator('#entity-name')).toHaveText('Emomali Rahmon');
    await ext.getByRole('searchbox', { name: 'Find the entity to merge with' }).fill('putin');
    await expect(ext.getByRole('button', { name: 'Merge with Vladimir Putin' })).toBeVisible();
    await expect(ext.locator('.pack').first()).toBeVisible();
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the popup, the reading list, the glossary, the options page and the card (${colorScheme})`, async ({
    context,
    server,
    openExtensionPage,
  }) => {
    // A saved passage, so the reading list shows its full editing UI.
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(server.url('/demo-article.html'));
    await waitForHighlights(page);
    await hoverText(page, 'Emomali Rahmon');
    // The demo page has a background of its own: the card is light on it whatever the scheme.
    await card(page).getByRole('button', { name: 'Save passage' }).click();
    await expect(card(page).getByRole('status')).toContainText('Saved');
    const onCard = await new AxeBuilder({ page }).include('#glossa-ui-host').analyze();
    expect(onCard.violations.map((v) => `card ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    for (const name of PAGES) {
      const ext = await openExtensionPage(name);
      await ext.emulateMedia({ colorScheme });
      await preparePage(ext, name);
      // The scheme took: a dark page has a dark background.
      const background = await ext.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background, name).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      const results = await new AxeBuilder({ page: ext }).analyze();
      expect(results.violations.map((v) => `${name} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      const smallest = await ext.evaluate(smallestText);
      expect(smallest.size, `${name}: “${smallest.text}”`).toBeGreaterThanOrEqual(13);
      await ext.close();
    }
  });
}

test('the card on a page with no background of its own is dark in a dark scheme, and passes axe', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(server.url('/cards.html'));
  await waitForHighlights(page);
  await hoverText(page, 'Moscow', '#top');
  await expect(card(page)).toHaveClass(/dark/);
  const results = await new AxeBuilder({ page }).include('#glossa-ui-host').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  const smallest = await card(page).evaluate(smallestText);
  expect(smallest.size, `“${smallest.text}”`).toBeGreaterThanOrEqual(13);
});
