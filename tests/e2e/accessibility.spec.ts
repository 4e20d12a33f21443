import AxeBuilder from '@axe-core/playwright';
import { expect, hoverText, card, test, waitForHighlights } from './fixtures';

test('axe finds no violations on the popup, the reading list and the options page', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // A saved passage, so the reading list shows its full editing UI.
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await hoverText(page, 'Emomali Rahmon');
  await card(page).getByRole('button', { name: 'Save passage' }).click();
  await expect(card(page).getByRole('status')).toContainText('Saved');

  for (const name of ['popup.html', 'reading-list.html', 'options.html']) {
    const ext = await openExtensionPage(name);
    await expect(ext.locator('h1')).toBeVisible();
    if (name === 'popup.html') await ext.getByRole('searchbox').fill('moscow');
    if (name === 'reading-list.html') await expect(ext.locator('.passage')).toHaveCount(1);
    const results = await new AxeBuilder({ page: ext }).analyze();
    expect(results.violations.map((v) => `${name} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});
