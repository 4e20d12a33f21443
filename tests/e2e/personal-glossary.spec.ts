/**
 * The personal glossary across articles: the same person in two real articles the reader read
 * is one entity, and each article's card shows what the other said; a page that plants names
 * learns nothing of what the reader read.
 */
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumArgs, E2E_EXTENSION_DIR, findChromium } from '../support/chromium';
import {
  card,
  expect,
  allHighlightedRanges,
  highlightedTexts,
  hoverMarked,
  selectText,
  sendToActiveTab,
  test,
  waitForHighlights,
  waitForMarked,
} from './fixtures';

const BBC = '/real-pages/bbc-1/source.html';
const WAPO = '/real-pages/wapo-2/source.html';

async function read(context: BrowserContext, url: string, marked: string): Promise<Page> {
  const page = await context.newPage();
  // Not waiting for "load": the saved pages ask for images from hosts a test never reaches.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // Marked once the page's own glossary is built and stored: the reader has "read" it.
  await waitForMarked(page, marked);
  return page;
}

test('two real articles naming the same person: each card shows what the other article said', async ({
  context,
  server,
}) => {
  const bbc = await read(context, server.url(BBC), 'Barack Obama');
  const wapo = await read(context, server.url(WAPO), 'Obama');

  // On the Post's article, "Obama" (named so, without a first name) is the BBC's "Barack Obama".
  await wapo.bringToFront();
  await hoverMarked(wapo, 'Obama');
  const onWapo = card(wapo);
  await expect(onWapo.getByRole('heading', { name: 'In this article' })).toBeVisible();
  await expect(onWapo.getByRole('heading', { name: 'In other articles you read' })).toBeVisible();
  await expect(onWapo.getByRole('heading', { name: /^In «Obama admits US gun laws/ })).toBeVisible();
  // Each of its sentences links to the BBC article, scrolled to that sentence (a text fragment).
  const link = onWapo.locator(`a[href^="${server.url(BBC)}#:~:text="]`).first();
  await expect(link).toBeVisible();
  expect(decodeURIComponent((await link.getAttribute('href'))!.split('#:~:text=')[1]!)).toContain(
    (await link.textContent())!.split(' ')[0],
  );
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);

  // And the BBC's card shows the Post's article.
  await bbc.bringToFront();
  await hoverMarked(bbc, 'Barack Obama');
  const onBbc = card(bbc);
  await expect(onBbc.getByRole('heading', { name: 'In other articles you read' })).toBeVisible();
  await expect(
    onBbc.getByRole('heading', { name: /^In «Where do strained U\.S\.-Israeli relations go/ }),
  ).toBeVisible();
  await expect(onBbc.locator(`a[href^="${server.url(WAPO)}#:~:text="]`).first()).toContainText('Obama');

  // "Open in your glossary": the glossary page, at this entity, with both articles as sources.
  const opened = context.waitForEvent('page');
  await onBbc.getByRole('button', { name: 'Open in your glossary' }).click();
  const glossary = await opened;
  await glossary.waitForLoadState();
  expect(glossary.url()).toMatch(/\/glossary\.html\?entry=page-/);
  await expect(glossary.getByRole('heading', { name: 'Barack Obama', level: 2 })).toBeVisible();
  await expect(glossary.getByText(/Obama admits US gun laws/).first()).toBeVisible();
  await expect(glossary.getByText(/Where do strained U\.S\.-Israeli relations go/).first()).toBeVisible();
});

/** Everything about Glossa the page's own scripts can read: highlights, the DOM outside the closed root, timings. */
async function whatThePageSees(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0);
  const ranges = await allHighlightedRanges(page, '');
  return page.evaluate(
    (texts) => {
      const host = document.getElementById('glossa-ui-host');
      return {
        highlights: [...CSS.highlights.keys()].sort(),
        texts: [...texts].sort(),
        host: host ? { attributes: host.getAttributeNames().sort(), children: host.childNodes.length } : null,
        // Which measures exist (their durations differ from run to run, so not those).
        timings: [
          ...new Set(
            performance
              .getEntriesByType('measure')
              .filter((m) => m.name.startsWith('glossa'))
              .map((m) => m.name),
          ),
        ].sort(),
      };
    },
    ranges.map((r) => r.text),
  );
}

// Names the reader's glossary holds after reading the Post's article, and names nobody knows.
const KNOWN = [
  'George H.W. Bush',
  'International Criminal Court',
  'Martin Indyk',
  'Robert M. Danin',
  'Josh Earnest',
  'Yitzhak Shamir',
  'Mahmoud Abbas',
  'Benjamin Netanyahu',
  'Brookings Institution',
  'Council on Foreign Relations',
  'Palestinian Authority',
];
const UNKNOWN = Array.from({ length: 100 - KNOWN.length }, (_, i) => {
  const first = ['Ada', 'Bruno', 'Clara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kemal'][
    i % 11
  ]!;
  const last = ['Quill', 'Marrow', 'Tenby', 'Ostrava', 'Velde', 'Harker', 'Lindqvist', 'Sorrel'][Math.floor(i / 11)]!;
  return `${first} ${last}`;
});

test('a page that plants 100 names cannot tell which of them the reader’s glossary knows', async ({
  context,
  server,
}) => {
  // An article naming them all, each twice, in the same kind of sentence.
  const names = [...KNOWN, ...UNKNOWN].sort();
  const paragraphs = names.map(
    (n, i) =>
      `<p>On day ${i + 1} of the negotiations over next year's spending plan, ${n} spoke to reporters in the capital about the budget and the long delays. Later that evening, ${n} declined to comment further on the talks or on what might come next.</p>`,
  );
  server.route('/planted.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget talks drag on</title></head><body><main><article><h1>Budget talks drag on</h1>${paragraphs.join('')}</article></main></body></html>`,
  });
  // And a page that is no article (nothing is built from it): only public packs could mark there.
  server.route('/planted-list.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>People</title></head><body><ul>${names.map((n) => `<li>${n}</li>`).join('')}</ul><p>Tajikistan</p></body></html>`,
  });

  const visit = async (context: BrowserContext) => {
    const article = await context.newPage();
    await article.goto(server.url('/planted.html'), { waitUntil: 'domcontentloaded' });
    await waitForMarked(article, UNKNOWN[0]!);
    const list = await context.newPage();
    await list.goto(server.url('/planted-list.html'));
    // The World pack marks "Tajikistan" on any page: the scan is done once it is painted.
    await waitForMarked(list, 'Tajikistan');
    return { article: await whatThePageSees(article), list: await whatThePageSees(list), page: article };
  };

  // What the pages see in a browser with no reading history...
  const fresh = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(E2E_EXTENSION_DIR),
  });
  let before: { article: unknown; list: unknown };
  try {
    const { article, list } = await visit(fresh);
    before = { article, list };
  } finally {
    await fresh.close();
  }

  // ...and in the reader's, after reading the Post's article (the BBC's is slow to load here).
  await read(context, server.url(WAPO), 'Martin Indyk');
  const { article, list, page } = await visit(context);

  // History adds nothing a page can read: the article's own names are marked alike, known or not,
  // and on the list nothing but the public packs marks.
  expect({ article, list }).toEqual(before);
  const marked = new Set(article.texts);
  expect(UNKNOWN.filter((n) => marked.has(n)).length).toBeGreaterThan(UNKNOWN.length / 2);
  expect(list.texts).toEqual(['Tajikistan']);
  // The reader still gets their history, inside the card the page cannot reach.
  await hoverMarked(page, 'Martin Indyk');
  await expect(card(page).getByRole('heading', { name: 'In other articles you read' })).toBeVisible();
});

test('"Add to glossary" on a selection makes an entry by hand, marked on its page with its sentence as source', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/other-news.html'));
  await waitForHighlights(page);
  expect(await highlightedTexts(page)).not.toContain('touring exhibition');
  // The context menu's item: the background asks the tab for its selection.
  await selectText(page, 'touring exhibition');
  expect(await sendToActiveTab(context, { type: 'addSelectionToGlossary' })).toMatchObject({
    ok: true,
    value: { added: true },
  });
  await expect(page.locator('#glossa-ui-host .toast')).toContainText('Added “touring exhibition” to your glossary.');
  await waitForMarked(page, 'touring exhibition');
  await hoverMarked(page, 'touring exhibition');
  const c = card(page);
  await expect(c.getByRole('heading', { name: 'touring exhibition', level: 2 })).toBeVisible();
  await expect(c.locator('.mentions li').first()).toContainText('a touring exhibition on Michael Jordan opened');
  await expect(c.getByText(/Added by you on this page/)).toBeVisible();

  // Nothing selected: a clear message, nothing added.
  await page.evaluate(() => getSelection()!.removeAllRanges());
  expect(await sendToActiveTab(context, { type: 'addSelectionToGlossary' })).toMatchObject({
    value: { added: false },
  });
  await expect(page.locator('#glossa-ui-host .toast')).toContainText('Select a name on the page first');
});
