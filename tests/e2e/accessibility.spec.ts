import AxeBuilder from '@axe-core/playwright';
import { expect, hoverText, card, test, waitForHighlights } from './fixtures';

test('axe finds no violations on the popup, the reading list, the glossary and the options page', async ({
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

  // The glossary opens on an entity, so its sources, edit form and merge search are checked too.
  const glossary = 'glossary.html?entry=tajikistan-moscow-attack/emomali-rahmon';
  for (const name of ['popup.html', 'reading-list.html', glossary, 'options.html']) {
    const ext = await openExtensionPage(name);
    await expect(ext.locator('h1')).toBeVisible();
    if (name === 'popup.html') await ext.getByRole('searchbox').fill('moscow');
    if (name === 'reading-list.html') await expect(ext.locator('.passage')).toHaveCount(1);
    if (name === glossary) {
      await expect(ext.locator('#entity-name')).toHaveText('Emomali Rahmon');
      await ext.getByRole('searchbox', { name: 'Find the entity to merge with' }).fill('putin');
      await expect(ext.getByRole('button', { name: 'Merge with Vladimir Putin' })).toBeVisible();
      await expect(ext.locator('.pack').first()).toBeVisible();
    }
    const results = await new AxeBuilder({ page: ext }).analyze();
    expect(results.violations.map((v) => `${name} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});
