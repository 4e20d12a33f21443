/**
 * Cards that tell the truth on pages about other news: a generic name ("Defense Ministry") is
 * never claimed for the seed story's entity, a country's card leads with what is true anywhere,
 * and the seed story appears only as that article's labelled layer.
 */
import {
  card,
  expect,
  allHighlightedRanges,
  hoverText,
  sendFromExtensionPage,
  test,
  waitForHighlights,
} from './fixtures';

const SEED_LAYER = /In «Tajikistan and the Moscow terror attack fallout»/;

test('with bundled packs alone, the seed story’s generic names stay unmarked on another story', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // No glossary built from the page: only the bundled seed and World packs can mark it.
  const options = await openExtensionPage('options.html');
  await sendFromExtensionPage(options, { type: 'updateSettings', patch: { buildMode: 'never' } });
  const page = await context.newPage();
  await page.goto(server.url('/other-news.html'));
  await waitForHighlights(page);
  const texts = (await allHighlightedRanges(page)).map((r) => r.text);
  expect(texts).toEqual(expect.arrayContaining(['Ukraine', 'France', 'Tajikistan', 'Paris', 'Israel']));
  // Another country's possessive, another city's Kremlin, another attack, a person named like a
  // country: each is a name the seed or World pack holds only with its context.
  for (const name of ['Defense Ministry', 'Ministry of Foreign Affairs', 'Kremlin', 'Jordan'])
    expect(texts, `${name} is marked`).not.toContain(name);
  expect(texts.join('|')).not.toMatch(/concert hall massacre|Moscow terror attack/);
});

test('on another story, a country’s card leads with what is true anywhere, the seed story as a labelled layer', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/other-news.html'));
  await waitForHighlights(page);
  // What each painted range says, and which entries it marks, read by hovering each name.
  const texts = (await allHighlightedRanges(page)).map((r) => r.text);
  expect(texts).toEqual(expect.arrayContaining(['Ukraine', 'France', 'Tajikistan', 'Paris']));

  await hoverText(page, 'Ukraine', 'article p:nth-of-type(5)');
  const c = card(page);
  await expect(c.getByRole('heading', { name: 'Ukraine', level: 2 })).toBeVisible();
  // Neutral first, with its source; the seed story only as its article's layer, after it.
  await expect(c.locator('.general').first()).toContainText('capital Kyiv');
  await expect(c.locator('.general').first()).toContainText('world-countries');
  await expect(c.getByRole('heading', { name: SEED_LAYER })).toBeVisible();
  const order = await c.evaluate((el) => {
    const general = el.querySelector('.general');
    const layer = el.querySelector('.layer');
    return general && layer ? general.compareDocumentPosition(layer) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await page.keyboard.press('Escape');

  await hoverText(page, 'France', 'article p:nth-of-type(2)');
  await expect(card(page)).toContainText('capital Paris');
  await page.keyboard.press('Escape');

  // If "Defense Ministry" is marked at all here, it is this page's own entry, never Russia's.
  if (texts.includes('Defense Ministry')) {
    await hoverText(page, 'Defense Ministry', 'article p:nth-of-type(2)');
    await expect(card(page)).not.toContainText(SEED_LAYER);
    await expect(card(page)).not.toContainText('Russia');
  }
});
