/**
 * Playwright fixtures: a Chromium with the built extension loaded (a fresh profile per
 * test, so no test sees another's data), its extension id, and the static server.
 */
import { type BrowserContext, chromium, test as base, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, E2E_EXTENSION_DIR, EXTENSION_DIR, findChromium } from '../support/chromium';
import { waitForWelcomePage } from '../support/welcome';
import { type StaticServer, startStaticServer } from '../support/static-server';

export interface GlossaFixtures {
  /** Which build to load: the e2e build (open shadow root) unless a suite asks for production. */
  extensionDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens an extension page (popup.html, reading-list.html, options.html) in a tab. */
  openExtensionPage(name: string): Promise<Page>;
}

/** Names of the test server's machine: the static server, also reached as "another site". */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export const test = base.extend<GlossaFixtures, { server: StaticServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extensionDir: [E2E_EXTENSION_DIR, { option: true }],
  // Playwright's own options size the window and emulate touch: a suite asks with
  // test.use({ viewport, deviceScaleFactor, hasTouch }).
  context: async ({ extensionDir, viewport, deviceScaleFactor, hasTouch }, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: findChromium(),
      headless: true,
      args: chromiumArgs(extensionDir),
      viewport,
      ...(deviceScaleFactor === undefined ? {} : { deviceScaleFactor }),
      hasTouch,
    });
    // The saved real pages ask for scripts, fonts and images on their sites' hosts, which a test
    // never reaches: refused at once, rather than left to time out (seconds per page here).
    // Requests are still seen (the no-network test listens for them).
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    // The production build opens its welcome page on install (welcome.spec.ts): closed before the
    // test begins, so it never becomes the active tab mid-test. The e2e build opens none.
    if (extensionDir === EXTENSION_DIR) await (await waitForWelcomePage(context)).close();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (name) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}`);
      return page;
    });
  },
});

export const expect = test.expect;

export {
  allHighlightedRanges,
  card,
  highlightedRanges,
  highlightedTexts,
  hoverMarked,
  hoverText,
  paintedPassages,
  selectText,
  waitForHighlights,
  waitForMarked,
} from '../support/page-helpers';

type ChromeTabs = {
  query(q: object): Promise<{ id: number }[]>;
  sendMessage(id: number, m: unknown): Promise<unknown>;
};

/** The id of the active tab, asked of the background (a page is active right after it opens or is brought to front). */
export async function activeTabId(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: ChromeTabs } }).chrome.tabs;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id;
  });
}

/**
 * Sends `message` to the background from one of Glossa's own pages (`page`), as the options page
 * or the reading list do: a test's setup step, or a request only those pages may make.
 */
export function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  type Runtime = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  return page.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message);
}

/**
 * Sends a tab request from the background to the active tab, as the background does for a
 * keyboard command or a context-menu click (browsers do not deliver those to headless tests).
 */
export async function sendToActiveTab(context: BrowserContext, message: unknown): Promise<unknown> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (message) => {
    const tabs = (globalThis as unknown as { chrome: { tabs: ChromeTabs } }).chrome.tabs;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.sendMessage(tab!.id, message);
  }, message);
}
