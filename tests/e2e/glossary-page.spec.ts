/**
 * The glossary page: the reader's whole glossary (bundled, built from the articles they read,
 * imported), searched, edited, merged, split, hidden and blocked through its UI, and what those
 * changes do on an article; packs exported, deleted and imported, a malformed one refused.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { StaticServer } from '../support/static-server';
import { expect, highlightedTexts, sendFromExtensionPage, test } from './fixtures';

const ARTICLE = '/real-pages/wapo-2/source.html';
const ARTICLE_TITLE = 'Where do strained U.S.-Israeli relations go after Netanyahu’s victory?';

/** A small pack as a reader might import one: a diplomat the article names by a shorter name. */
const DIPLOMATS = {
  format: 1,
  id: 'mideast-diplomats',
  title: 'Middle East diplomats',
  version: '1.0.0',
  source: { title: 'Middle East diplomats', publisher: 'Reader notes' },
  entries: [
    {
      id: 'martin-s-indyk',
      name: 'Martin S. Indyk',
      aliases: [],
      kind: 'person',
      summary: 'American diplomat, twice U.S. ambassador to Israel.',
      mentions: [],
      related: [],
    },
  ],
};

/** Waits until the article is marked with `term` (its own glossary is built on the first visit). */
async function waitForTerm(page: Page, term: string): Promise<void> {
  await expect.poll(() => highlightedTexts(page), { timeout: 15_000 }).toContain(term);
}

/** Opens the article, or reloads it, and waits for its own glossary's marks. */
async function readArticle(page: Page, url: string): Promise<string[]> {
  // Not waiting for "load": the saved page asks for images from hosts a test never reaches.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // The whole page scanned, and "Benjamin Netanyahu" (in no bundled pack) marked: the article's own glossary is in.
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0);
  await waitForTerm(page, 'Benjamin Netanyahu');
  return highlightedTexts(page);
}

/** Imports a pack as a setup step, from an extension page (the import UI is tested below). */
async function importPack(page: Page, pack: unknown): Promise<void> {
  const reply = await sendFromExtensionPage(page, { type: 'importPack', pack });
  expect(reply).toMatchObject({ ok: true });
}

/** The number of entities the unfiltered list says the glossary holds. */
async function entityCount(glossary: Page): Promise<number> {
  const text = await glossary.locator('.count').textContent();
  const match = /^([\d,]+) entit/.exec(text ?? '');
  if (!match) throw new Error(`No entity count in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** The reader's glossary after reading the article and importing a pack, open on the glossary page. */
async function seed(context: BrowserContext, server: StaticServer, openExtensionPage: (name: string) => Promise<Page>) {
  const article = await context.newPage();
  const before = await readArticle(article, server.url(ARTICLE));
  expect(before).toEqual(expect.arrayContaining(['Martin Indyk', 'Palestinian Authority', 'Likud party']));
  await importPack(await openExtensionPage('options.html'), DIPLOMATS);
  const glossary = await openExtensionPage('glossary.html');
  return {
    article,
    glossary,
    search: glossary.getByRole('searchbox', { name: 'Search the glossary' }),
    list: glossary.locator('.glossary-list .entities'),
    entity: glossary.locator('article.entity'),
  };
}

test('search finds entities; an edit persists; a merge makes two entities one, and a split parts them', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const { glossary, search, list, entity } = await seed(context, server, openExtensionPage);
  await expect(glossary.getByRole('heading', { name: 'Glossary', level: 1 })).toBeVisible();

  // Search finds an entity as the reader types; the source filter narrows the list.
  await search.fill('danin');
  await expect(list.getByRole('button')).toHaveText(['Robert M. Danin']);
  await search.fill('Indyk');
  await expect(list.getByRole('button')).toHaveText(['Martin Indyk', 'Martin S. Indyk'], { useInnerText: true });
  await glossary.getByLabel('Filter by source').selectOption({ label: 'Imported' });
  await expect(list.getByRole('button')).toHaveText(['Martin S. Indyk']);
  await glossary.getByLabel('Filter by source').selectOption({ label: 'All' });

  // Open an entity: its source, with the article's sentences linking back to the article.
  await search.fill('Likud');
  await list.getByRole('button', { name: 'Likud' }).click();
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Likud');
  const source = entity.locator('.entry-source');
  await expect(source.getByRole('heading')).toHaveText(ARTICLE_TITLE);
  await expect(source.locator('.meta')).toContainText('Built from pages · 127.0.0.1');
  const link = source.locator('.sentences a').first();
  await expect(link).toHaveAttribute('href', server.url(ARTICLE));
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  // The builder took Likud for a concept: the reader corrects it, and describes it.
  await entity.getByLabel('Kind').selectOption({ label: 'Organisation' });
  await entity.getByLabel(/Other names/).fill('Likud party, Likud Party of Israel');
  await entity.getByLabel('Summary').fill('Israel’s main right-wing party, led by Benjamin Netanyahu.');
  await entity.getByRole('button', { name: 'Save changes' }).click();
  await expect(glossary.locator('.notice')).toHaveText('Your changes are saved.');
  await glossary.reload();
  await expect(glossary).toHaveURL(/[?&]entry=/);
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Likud');
  await expect(entity.locator('.meta').first()).toHaveText(
    'Organisation · Also called Likud party, Likud Party of Israel',
  );
  await expect(entity.locator('.entry-summary')).toHaveText(
    'Israel’s main right-wing party, led by Benjamin Netanyahu.',
  );
  await expect(entity.getByLabel('Kind')).toHaveValue('organization');
  await expect(entity.getByLabel(/Other names/)).toHaveValue('Likud party, Likud Party of Israel');

  // Merge: the article's "Martin Indyk" and the imported "Martin S. Indyk" are one man.
  await search.fill('Indyk');
  await list.getByRole('button', { name: 'Martin Indyk', exact: true }).click();
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Martin Indyk');
  await expect(entity.getByRole('heading', { name: 'Its source' })).toBeVisible();
  await entity.getByRole('searchbox', { name: 'Find the entity to merge with' }).fill('Indyk');
  await entity.getByRole('button', { name: 'Merge with Martin S. Indyk' }).click();
  await expect(entity.getByRole('heading', { name: 'Its 2 sources' })).toBeVisible();
  await expect
    .poll(async () => (await entity.locator('.entry-source h4').allTextContents()).sort())
    .toEqual([ARTICLE_TITLE, 'Middle East diplomats'].sort());
  // The imported pack's name leads; the article's is one of its names.
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Martin S. Indyk');
  await expect(entity.locator('.meta').first()).toContainText('Martin Indyk');
  await expect(list.getByRole('button')).toHaveText(['Martin S. Indyk']);
  await glossary.reload();
  await expect(entity.getByRole('heading', { name: 'Its 2 sources' })).toBeVisible();

  // Split: the imported entry goes its own way again.
  await entity
    .locator('.entry-source')
    .filter({ hasText: 'Middle East diplomats' })
    .getByRole('button', { name: 'Split off' })
    .click();
  await expect(entity.getByRole('heading', { name: 'Its source' })).toBeVisible();
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Martin Indyk');
  await search.fill('Indyk');
  await expect(list.getByRole('button')).toHaveText(['Martin Indyk', 'Martin S. Indyk']);
});

test('"Hide everywhere" and "Never mark this word" take names off the article', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const { article, glossary, search, list, entity } = await seed(context, server, openExtensionPage);
  await search.fill('Indyk');
  await list.getByRole('button', { name: 'Martin Indyk', exact: true }).click();
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Martin Indyk');

  // Hide everywhere: marked hidden here, and no longer marked on the article.
  await entity.getByRole('button', { name: 'Hide everywhere' }).click();
  await expect(entity.getByRole('heading', { level: 2 }).locator('.badge')).toHaveText('Hidden');
  await expect(entity.getByRole('button', { name: 'Show again' })).toBeVisible();
  await expect(
    list
      .locator('li')
      .filter({ hasText: /^Martin Indyk/ })
      .locator('.badge'),
  ).toHaveText('Hidden');
  const afterHide = await readArticle(article, server.url(ARTICLE));
  expect(afterHide.filter((t) => t.includes('Indyk'))).toEqual([]);
  expect(afterHide).toContain('Palestinian Authority');

  // Never mark this word: offered with the open entity's name, and gone from the article.
  await search.fill('Palestinian Authority');
  await list.getByRole('button', { name: 'Palestinian Authority' }).click();
  await expect(entity.getByRole('heading', { level: 2 })).toHaveText('Palestinian Authority');
  const blocked = glossary.locator('section.blocked');
  await expect(blocked.getByLabel('Word never to mark')).toHaveValue('Palestinian Authority');
  await blocked.getByRole('button', { name: 'Never mark this word' }).click();
  await expect(blocked.locator('.blocked-words li')).toHaveText([
    'Palestinian Authority Remove “Palestinian Authority”',
  ]);
  const afterBlock = await readArticle(article, server.url(ARTICLE));
  expect(afterBlock).not.toContain('Palestinian Authority');
  expect(afterBlock).toContain('Benjamin Netanyahu');

  // Removing the word from the list marks it again.
  await blocked.getByRole('button', { name: 'Remove “Palestinian Authority”' }).click();
  await expect(blocked.getByText('None yet.')).toBeVisible();
  expect(await readArticle(article, server.url(ARTICLE))).toContain('Palestinian Authority');
});

test('a pack exports as a file that imports back; deleting an article forgets it; a malformed file changes nothing', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // Read, and left open: deleting what was built from it must not bring it back.
  const article = await context.newPage();
  await readArticle(article, server.url(ARTICLE));
  const options = await openExtensionPage('options.html');
  await importPack(options, DIPLOMATS);
  // Options: the retention setting (kept across a reload: 6 months forgets nothing read today) and the link here.
  await expect(options.getByLabel('Articles you read')).toHaveValue('0');
  await options.getByLabel('Articles you read').selectOption({ label: 'Forget articles read more than 6 months ago' });
  await expect(options.getByText('Saved.')).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Articles you read')).toHaveValue('6');
  await expect(options.getByRole('link', { name: 'Open your glossary' })).toHaveAttribute(
    'href',
    /^chrome-extension:\/\/[a-z]+\/glossary\.html$/,
  );

  const glossary = await openExtensionPage('glossary.html');
  const search = glossary.getByRole('searchbox', { name: 'Search the glossary' });
  const sources = glossary.locator('section.sources');
  const packs = sources.locator('.pack');
  await expect(packs).toHaveCount(4);
  await expect.poll(() => entityCount(glossary)).toBeGreaterThan(400);
  const total = await entityCount(glossary);

  // Export: the documented pack format, as a download named after the pack.
  const diplomats = packs.filter({ hasText: 'Middle East diplomats' });
  const download = glossary.waitForEvent('download');
  await diplomats.getByRole('button', { name: 'Export “Middle East diplomats”' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mideast-diplomats.glossa-pack.json');
  const path = (await file.path())!;
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
    format: 1,
    id: 'mideast-diplomats',
    title: 'Middle East diplomats',
    entries: [{ id: 'martin-s-indyk', name: 'Martin S. Indyk', summary: DIPLOMATS.entries[0]!.summary }],
  });

  // Removed (asked once more, in place), then imported back from the exported file.
  await diplomats.getByRole('button', { name: 'Remove this pack' }).click();
  await diplomats.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(packs).toHaveCount(3);
  await expect.poll(() => entityCount(glossary)).toBe(total - 1);
  await sources.locator('input[type=file]').setInputFiles(path);
  await expect(sources.getByRole('status')).toHaveText('Imported “Middle East diplomats”: 1 entry.');
  await expect(packs).toHaveCount(4);
  await expect.poll(() => entityCount(glossary)).toBe(total);
  await search.fill('Martin S');
  await expect(glossary.locator('.glossary-list .entities').getByRole('button')).toHaveText(['Martin S. Indyk']);
  await search.fill('');

  // An article's pack exports too, with its sentences.
  const built = packs.filter({ hasText: 'Where do strained U.S.-Israeli relations' });
  const articleDownload = glossary.waitForEvent('download');
  await built.getByRole('button', { name: /^Export/ }).click();
  const articlePack = JSON.parse(readFileSync((await (await articleDownload).path())!, 'utf8')) as {
    entries: { name: string; mentions: { sentence: string }[] }[];
  };
  const indyk = articlePack.entries.find((e) => e.name === 'Martin Indyk');
  expect(indyk?.mentions[0]?.sentence).toContain('said Martin Indyk');

  // A malformed file and an invalid pack: a clear error each, and nothing changes.
  await sources.locator('input[type=file]').setInputFiles({
    name: 'broken.glossa-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": 1, "id": "broken", "entries": ['),
  });
  await expect(sources.getByRole('alert')).toContainText('“broken.glossa-pack.json” is not a valid Glossa pack');
  await sources.locator('input[type=file]').setInputFiles({
    name: 'invalid.glossa-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...DIPLOMATS, id: 'other-diplomats', entries: [{ id: 'NOT A SLUG' }] })),
  });
  await expect(sources.getByRole('alert')).toContainText('The imported pack is not a valid Glossa pack:');
  await expect(packs).toHaveCount(4);
  await glossary.reload();
  await expect(packs).toHaveCount(4);
  await expect.poll(() => entityCount(glossary)).toBe(total);

  // "Delete what was built from this article", confirmed in place: its entities go.
  await built.getByRole('button', { name: 'Delete what was built from this article' }).click();
  await expect(built.getByRole('status')).toContainText('Delete 28 entries');
  await built.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(packs).toHaveCount(3);
  await search.fill('Danin');
  await expect(glossary.locator('.count')).toHaveText('0 entities match');
  // The open article loses its own marks (the public packs' stay), and is not built again
  // behind the reader's back: after a reload of the list, still gone.
  await expect.poll(() => highlightedTexts(article)).not.toContain('Benjamin Netanyahu');
  expect(await highlightedTexts(article)).toContain('Israel');
  await glossary.reload();
  await expect(packs).toHaveCount(3);
});
