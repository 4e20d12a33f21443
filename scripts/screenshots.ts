/**
 * `npm run screenshots`: the README's pictures, taken from the e2e fixtures in headless Chromium.
 *
 * It builds nothing itself: it loads the e2e build in .output/chrome-mv3-e2e, as the e2e tests
 * do (`npx wxt build --mode e2e` first), and writes docs/screenshots/{card-light,card-dark,
 * popup,reading-list,glossary}.png at a 1280×800 viewport (the popup at its own size).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { toJson } from '../lib/passages/export';
import { chromiumArgs, E2E_EXTENSION_DIR, findChromium } from '../tests/support/chromium';
import { card, hoverText, waitForHighlights } from '../tests/support/page-helpers';
import { passage } from '../tests/support/passages';
import { startStaticServer } from '../tests/support/static-server';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const GLOSSARY_ENTRY = 'tajikistan-moscow-attack/emomali-rahmon';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

/** A small reading list: two articles, a few passages each, naming entries of the bundled glossary. */
function sampleList() {
  const at = (minutes: number) => Date.UTC(2026, 2, 24, 9) + minutes * 60_000;
  const tajik = {
    url: 'https://news.example/tajikistan-after-crocus',
    site: 'news.example',
    title: 'Tajikistan and the Moscow terror attack fallout',
  };
  const crocus = {
    url: 'https://world.example/crocus-city-hall',
    site: 'world.example',
    title: 'What we know about the Crocus City Hall attack',
  };
  const item = (id: string, text: string, where: typeof tajik, minutes: number, entries: string[], note = '') =>
    passage({
      id,
      text,
      quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' },
      ...where,
      savedAt: at(minutes),
      entries,
      note,
      tags: note ? ['follow-up'] : [],
      link: where.url,
    });
  return [
    item(
      'c1',
      'Gunmen opened fire on concertgoers at Crocus City Hall, a music venue on the outskirts of Moscow.',
      crocus,
      10,
      ['tajikistan-moscow-attack/crocus-city-hall', 'tajikistan-moscow-attack/moscow'],
    ),
    item('c2', 'Islamic State claimed responsibility for the attack near Moscow within hours.', crocus, 12, [
      'tajikistan-moscow-attack/moscow',
    ]),
    item(
      't1',
      'Tajikistan President Emomali Rahmon spoke with his Russian counterpart, Vladimir Putin, the day after the attack.',
      tajik,
      30,
      ['tajikistan-moscow-attack/emomali-rahmon', 'tajikistan-moscow-attack/vladimir-putin'],
      'Compare with the Kremlin readout.',
    ),
    item(
      't2',
      'Tajikistan also continued demonstrating its loyalty to the Kremlin by allowing Russian investigators to question families of the suspects.',
      tajik,
      34,
      ['tajikistan-moscow-attack/tajikistan', 'tajikistan-moscow-attack/kremlin'],
    ),
  ];
}

async function extensionPage(context: BrowserContext, id: string, name: string, scheme: 'light' | 'dark' = 'light') {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${id}/${name}`);
  return page;
}

async function shoot(page: Page, name: string, target?: ReturnType<Page['locator']>) {
  const file = path.join(OUT, `${name}.png`);
  if (target) await target.screenshot({ path: file, animations: 'disabled' });
  else await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  if (!existsSync(path.join(E2E_EXTENSION_DIR, 'manifest.json')))
    throw new Error('No e2e build in .output/chrome-mv3-e2e: run `npx wxt build --mode e2e` first.');
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer();
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(E2E_EXTENSION_DIR),
    viewport: VIEWPORT,
  });
  try {
    // The fixtures ask for nothing outside this machine; anything else is refused at once.
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;

    // The card, light: on the demo article (a page with a light background of its own).
    const article = await context.newPage();
    await article.goto(server.url('/demo-article.html'));
    await waitForHighlights(article);
    await hoverText(article, 'Emomali Rahmon');
    await card(article).getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(article, 'card-light');
    await article.close();

    // The card, dark: on a page with no background of its own, in a dark colour scheme.
    const dark = await context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(server.url('/cards.html'));
    await waitForHighlights(dark);
    await hoverText(dark, 'Moscow', '#top');
    await card(dark).getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(dark, 'card-dark');
    await dark.close();

    // The popup, searching the glossary: at its own size.
    const popup = await extensionPage(context, id, 'popup.html');
    await popup.getByRole('searchbox').fill('moscow');
    await popup.locator('.results [role=option]').first().waitFor();
    await shoot(popup, 'popup', popup.locator('body'));
    await popup.close();

    // The reading list, grouped by article.
    const list = await extensionPage(context, id, 'reading-list.html');
    await list.locator('h1').waitFor();
    const reply = (await list.evaluate(
      (text) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'importPassages', text }),
      toJson(sampleList()),
    )) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`The sample reading list was not imported: ${reply.error}`);
    await list.reload();
    await list.locator('.article-group').nth(1).waitFor();
    await shoot(list, 'reading-list');
    await list.close();

    // The glossary page, open at an entity.
    const glossary = await extensionPage(context, id, `glossary.html?entry=${encodeURIComponent(GLOSSARY_ENTRY)}`);
    await glossary.locator('#entity-name').filter({ hasText: 'Emomali Rahmon' }).waitFor();
    await shoot(glossary, 'glossary');
    await glossary.close();
  } finally {
    await context.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
