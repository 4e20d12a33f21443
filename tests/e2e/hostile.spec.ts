/**
 * The page is hostile: on the production build (closed shadow root), a page's script can
 * neither act for the reader nor learn what the reader saved. One test per attack.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_DIR } from '../support/chromium';
import {
  expect,
  hoverText,
  selectText,
  sendFromExtensionPage,
  sendToActiveTab,
  test,
  waitForHighlights,
} from './fixtures';

test.use({ extensionDir: EXTENSION_DIR });

const SENTENCE =
  'Tajikistan also continued demonstrating its loyalty to the Kremlin by allowing Russian investigators to question families of the Moscow attack suspects.';

async function passageCount(openExtensionPage: (name: string) => Promise<Page>): Promise<number> {
  const list = await openExtensionPage('reading-list.html');
  const reply = (await sendFromExtensionPage(list, { type: 'listPassages' })) as { value: { passages: unknown[] } };
  await list.close();
  return reply.value.passages.length;
}

/** Every highlight the page's own scripts can enumerate, with the text of each range. */
async function registry(page: Page): Promise<{ name: string; texts: string[] }[]> {
  return page.evaluate(() =>
    [...CSS.highlights].map(([name, h]) => ({
      name,
      texts: [...(h as Iterable<AbstractRange>)].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }),
    })),
  );
}

async function saveSentence(context: BrowserContext, page: Page) {
  await selectText(page, SENTENCE);
  expect(await sendToActiveTab(context, { type: 'saveSelection' })).toMatchObject({ value: { saved: true } });
}

test('only the reader acts: synthetic pointer events open no card, and the UI is out of the page’s reach', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  // The attack: synthetic pointer moves over a term, then clicks on whatever Glossa shows.
  const attack = () =>
    page.evaluate(async () => {
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      let node: Text | undefined;
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if ((n as Text).data.includes('Crocus City Hall')) {
          node = n as Text;
          break;
        }
      const range = document.createRange();
      const at = node!.data.indexOf('Crocus City Hall');
      range.setStart(node!, at);
      range.setEnd(node!, at + 5);
      const r = range.getBoundingClientRect();
      for (let i = 0; i < 5; i++) {
        document.dispatchEvent(
          new PointerEvent('pointermove', { clientX: r.left + 3, clientY: r.top + r.height / 2, bubbles: true }),
        );
        await new Promise((done) => setTimeout(done, 200));
      }
      const host = document.getElementById('glossa-ui-host');
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return { host: host !== null, shadowRoot: host?.shadowRoot ?? null };
    });
  const first = await attack();
  // No card opened for the forged hover: Glossa's UI host was never even needed.
  expect(first).toEqual({ host: false, shadowRoot: null });
  // The reader hovers for real: a card opens, and the page still cannot reach into it.
  await hoverText(page, 'Emomali Rahmon');
  await page.waitForFunction(() => document.getElementById('glossa-ui-host') !== null);
  expect(await attack()).toEqual({ host: true, shadowRoot: null });
  expect(await passageCount(openExtensionPage)).toBe(0);
});

test('nothing the page can read reveals a saved passage, and a page cannot read another page’s', async ({
  context,
  server,
  openExtensionPage,
}) => {
  let page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await saveSentence(context, page);
  await page.reload();
  await waitForHighlights(page);
  // Glossa has painted the passage by now (it asked for it right after the scan).
  await page.waitForFunction(() => document.getElementById('glossa-ui-host') !== null);
  const seen = await registry(page);
  expect(seen.every((h) => h.name.startsWith('glossa-term'))).toBe(true);
  expect(seen.flatMap((h) => h.texts)).not.toContain(SENTENCE);
  expect(await page.evaluate(() => document.getElementById('glossa-ui-host')?.shadowRoot ?? null)).toBeNull();
  await page.close();
  expect(await passageCount(openExtensionPage)).toBe(1);

  // Another page of the same site declares the first as canonical: it learns nothing.
  const copy = `<!doctype html><html><head><link rel="canonical" href="${server.url('/demo-article.html')}"></head>`;
  server.route('/copy.html', { body: `${copy}<body><main><p>${SENTENCE}</p></main></body></html>` });
  page = await context.newPage();
  await page.goto(server.url('/copy.html'));
  await waitForHighlights(page);
  await expect.poll(() => page.evaluate(() => document.getElementById('glossa-ui-host') !== null)).toBe(false);
  expect((await registry(page)).flatMap((h) => h.texts)).not.toContain(SENTENCE);
});

test('off means off: no marks, no passages, no answers', async ({ context, server, openExtensionPage }) => {
  let page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await saveSentence(context, page);
  await page.close();
  const options = await openExtensionPage('options.html');
  await sendFromExtensionPage(options, {
    type: 'updateSettings',
    patch: { disabledSites: [new URL(server.url('/')).hostname] },
  });
  page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await page.bringToFront();
  // Asked for its terms as the popup would: nothing, however long we wait.
  await expect.poll(() => sendToActiveTab(context, { type: 'pageTerms' })).toEqual({ ok: true, value: [] });
  expect(await sendToActiveTab(context, { type: 'saveSelection' })).toMatchObject({
    value: { saved: false, message: 'Glossa is off on this site.' },
  });
  expect(await registry(page)).toEqual([]);
  expect(await page.evaluate(() => document.getElementById('glossa-ui-host'))).toBeNull();
});

test('a page that forges WXT’s start-up event does not tear Glossa down, and hears no announcement', async ({
  context,
  server,
  extensionId,
}) => {
  const page = await context.newPage();
  // Listen from the very start for any message a content script might post to the page.
  await page.addInitScript(() => {
    (window as unknown as { __heard: unknown[] }).__heard = [];
    addEventListener('message', (e) => (window as unknown as { __heard: unknown[] }).__heard.push(e.data));
  });
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  expect(await page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard)).toEqual([]);
  await page.evaluate((id) => {
    const type = `${id}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
  }, extensionId);
  // Still alive: new content is marked.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later, Emomali Rahmon spoke again.';
    const last = [...document.querySelectorAll('main p')].at(-1)!;
    last.after(p);
    // Glossa paints what is on or near the screen.
    p.scrollIntoView();
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('glossa-term')) continue;
          for (const r of h as Iterable<AbstractRange>)
            if (r.startContainer.parentElement?.textContent?.startsWith('Later, Emomali')) return true;
        }
        return false;
      }),
    )
    .toBe(true);
});

test('saves from one tab are limited: a page that forged its way to saving still cannot flood the list', async ({
  context,
  server,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  // The same sentence again and again: each attempt counts, duplicate or not.
  const outcomes: boolean[] = [];
  for (let i = 0; i < 12; i++) {
    await selectText(page, SENTENCE);
    const reply = (await sendToActiveTab(context, { type: 'saveSelection' })) as { value: { saved: boolean } };
    outcomes.push(reply.value.saved);
  }
  expect(outcomes.filter(Boolean)).toHaveLength(10);
  expect(outcomes.slice(10)).toEqual([false, false]);
  expect(await passageCount(openExtensionPage)).toBe(1);
});

test('import keeps only web pages: data:, javascript: and browser pages are left out and reported', async ({
  openExtensionPage,
}) => {
  const list = await openExtensionPage('reading-list.html');
  const passage = (url: string, id: string) => ({
    id,
    url,
    title: 'T',
    site: 'evil.example',
    text: 'A quote long enough to keep.',
    quote: { type: 'TextQuoteSelector', exact: 'A quote long enough to keep.', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 28 },
    note: '',
    tags: [],
    entries: [],
    savedAt: 1_700_000_000_000,
    link: url,
  });
  const file = {
    format: 'glossa-reading-list',
    version: 1,
    passages: [
      passage('data:text/html,<script>alert(1)</script>', 'a'),
      passage('javascript:alert(1)', 'b'),
      passage('chrome://settings', 'c'),
      passage('https://news.example/a', 'd'),
    ],
  };
  const reply = (await sendFromExtensionPage(list, { type: 'importPassages', text: JSON.stringify(file) })) as {
    ok: boolean;
    value?: { added: number; rejected: number };
    error?: string;
  };
  expect(reply.ok, reply.error).toBe(true);
  expect(reply.value).toMatchObject({ rejected: 3 });
});
