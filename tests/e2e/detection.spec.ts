import type { Page } from '@playwright/test';
import { card, expect, highlightedTexts, hoverText, test, waitForHighlights } from './fixtures';

const INTEGRITY_TERMS = [
  'Tajikistan',
  'Russia',
  'Tajikistan',
  '201st military\n          base',
  'Russia',
  'Crocus City Hall',
  'ISIS–K',
  'Emomali Rahmon',
  'Putin',
];

/** Every painted range, with whether its nodes are still in the document. */
async function paintedRanges(page: Page) {
  return page.evaluate(() => {
    const out: { text: string; connected: boolean }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('glossa-term')) continue;
      for (const r of h as Iterable<AbstractRange>) {
        const connected = r.startContainer.isConnected && r.endContainer.isConnected;
        const range = document.createRange();
        if (connected) {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        }
        out.push({ text: connected ? range.toString() : '', connected });
      }
    }
    return out;
  });
}

test('marks every mention in the article and nothing outside it', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/integrity.html'));
  await waitForHighlights(page, INTEGRITY_TERMS.length);
  expect(await highlightedTexts(page)).toEqual(INTEGRITY_TERMS);
});

test('leaves the page’s DOM exactly as the page made it, with zero layout shift', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/integrity.html'));
  await waitForHighlights(page, INTEGRITY_TERMS.length);
  const before = await page.evaluate(() => ({
    same: document.body.innerHTML === (window as unknown as { __snapshot: string }).__snapshot,
    mutations: (window as unknown as { __mutations: unknown[] }).__mutations,
  }));
  expect(before).toEqual({ same: true, mutations: [] });

  // Hovering adds exactly one element, Glossa's UI host, on <html>, outside the page's body.
  await hoverText(page, 'Crocus');
  await expect(card(page)).toBeVisible();
  const after = await page.evaluate(() => ({
    same: document.body.innerHTML === (window as unknown as { __snapshot: string }).__snapshot,
    mutations: (window as unknown as { __mutations: unknown[] }).__mutations,
    layoutShift: (window as unknown as { __layoutShift: number }).__layoutShift,
  }));
  expect(after).toEqual({
    same: true,
    mutations: [{ type: 'childList', target: 'HTML', attribute: null, added: ['DIV#glossa-ui-host'], removed: [] }],
    layoutShift: 0,
  });
});

test('marks content added later within 500 ms, rescanning only the new block', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/integrity.html'));
  await waitForHighlights(page, INTEGRITY_TERMS.length);
  const elapsed = await page.evaluate(async () => {
    const before = new Set<AbstractRange>();
    for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term')) for (const r of h) before.add(r);
    const p = document.createElement('p');
    p.textContent = 'Later, Dushanbe answered the Kremlin.';
    const t0 = performance.now();
    document.querySelector('article')!.append(p);
    // Wait, frame by frame, until a range in the new paragraph is painted.
    for (;;) {
      await new Promise(requestAnimationFrame);
      const all: AbstractRange[] = [];
      for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term')) all.push(...h);
      const fresh = all.filter((r) => p.contains(r.startContainer));
      if (fresh.length === 2) {
        // The ranges painted before the change are the very same objects: nothing else was rescanned.
        const kept = all.filter((r) => before.has(r)).length;
        if (kept !== before.size) throw new Error(`only ${kept} of ${before.size} earlier ranges were kept`);
        return performance.now() - t0;
      }
      if (performance.now() - t0 > 3000) throw new Error('the new paragraph was never painted');
    }
  });
  expect(elapsed).toBeLessThan(500);
});

test('follows a page that rewrites its text nodes, as client-side frameworks do', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/integrity.html'));
  await waitForHighlights(page, INTEGRITY_TERMS.length);
  await page.evaluate(() => {
    // Replace every text node of the article with a fresh one (a re-render), and change one in place.
    const article = document.querySelector('article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const n of nodes) n.replaceWith(document.createTextNode(n.data));
    const h1 = article.querySelector('h1')!.firstChild as Text;
    h1.data = 'Tajikistan, Russia and Kazakhstan';
  });
  await expect
    .poll(async () => {
      const ranges = await paintedRanges(page);
      return { stale: ranges.filter((r) => !r.connected).length, texts: ranges.map((r) => r.text).sort() };
    })
    .toEqual({ stale: 0, texts: [...INTEGRITY_TERMS, 'Kazakhstan'].sort() });
});

test('scans the new article after a single-page-app navigation', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('/integrity.html'));
  await waitForHighlights(page, INTEGRITY_TERMS.length);
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const next = document.createElement('main');
    next.innerHTML = '<article><h1>Next story</h1><p>Vladimir Putin visited Dushanbe.</p></article>';
    history.pushState({}, '', '/next-story');
    main.replaceWith(next);
  });
  await expect.poll(() => highlightedTexts(page)).toEqual(['Vladimir Putin', 'Dushanbe']);
  expect((await paintedRanges(page)).every((r) => r.connected)).toBe(true);
});

test('leaves non-HTML documents alone and never throws on them', async ({ context, server }) => {
  server.route('/feed.xml', {
    body: '<?xml version="1.0"?><rss><channel><item><title>Moscow and Dushanbe</title></item></channel></rss>',
    headers: { 'content-type': 'application/xml' },
  });
  // Browsers ask for a favicon when they show a non-HTML document; its 404 is not Glossa's.
  server.route('/favicon.ico', { body: '', headers: { 'content-type': 'image/x-icon' } });
  server.route('/notes.txt', {
    body: 'Emomali Rahmon met Vladimir Putin in Moscow.',
    headers: { 'content-type': 'text/plain' },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  for (const url of ['/crocus-city-hall.svg', '/feed.xml', '/notes.txt']) {
    await page.goto(server.url(url));
    await page.waitForLoadState('load');
    // Give a content script the time it would need to scan such a small document.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('glossa')))).toEqual([]);
  }
  expect(errors).toEqual([]);
});

/** The texts of the glossary marks still on the page (their nodes connected). */
const liveMarks = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('glossa-term')) continue;
      for (const r of h as Iterable<AbstractRange>) {
        if (!r.startContainer.isConnected) {
          out.push('(detached)');
          continue;
        }
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out;
  });

test('a document rewritten with document.open() and write() is scanned afresh, its old marks gone', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await page.evaluate(() => {
    document.open();
    document.write(
      '<!doctype html><html><body><main><p>A rewritten page names Emomali Rahmon and nobody else.</p></main></body></html>',
    );
    document.close();
  });
  await expect.poll(() => liveMarks(page)).toEqual(['Emomali Rahmon']);
});

test('a region made editable after the scan loses its marks; a design-mode document is not marked', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  const marksInFirst = () =>
    page.evaluate(() => {
      const first = document.querySelector('main p')!;
      let n = 0;
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('glossa-term'))
          for (const r of h as Iterable<AbstractRange>) if (first.contains(r.startContainer)) n++;
      return n;
    });
  expect(await marksInFirst()).toBeGreaterThan(0);
  await page.evaluate(() => document.querySelector('main p')!.setAttribute('contenteditable', 'true'));
  await expect.poll(marksInFirst).toBe(0);
  expect((await liveMarks(page)).length).toBeGreaterThan(0);
  await page.evaluate(() => {
    document.designMode = 'on';
    document.querySelector('main')!.append(document.createTextNode(' Crocus City Hall'));
  });
  await expect.poll(() => liveMarks(page)).toEqual([]);
});
