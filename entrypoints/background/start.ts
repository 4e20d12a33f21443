/**
 * Wires the background: seeds the bundled glossary, then answers messages. Listeners are
 * registered synchronously on every service-worker start, as MV3 requires; requests that
 * arrive while seeding runs wait for it.
 */
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { seedBundledPacks } from '@/lib/db/glossary';
import { createHandlers } from './handlers';
import { listenForRequests } from './listen';
import { createSettingsStore } from './settings-store';
import { createToolbar } from './toolbar';

export function startBackground(): void {
  // Seeding on every start is cheap (a hash comparison when nothing changed) and covers
  // install, update and a database the browser evicted.
  const ready = seedBundledPacks(bundledPacks()).then(
    (outcomes) => console.info('Glossa: bundled glossary', outcomes),
    (error: unknown) => {
      // The previous glossary stays in place; say exactly why the new one was refused.
      console.error('Glossa: the bundled glossary could not be loaded.', error);
    },
  );
  const settings = createSettingsStore();
  // Settings an earlier version kept in IndexedDB move to sync storage before any request is answered.
  const moved = settings.moveLegacySettings().then(
    (outcome) => outcome !== 'none' && console.info('Glossa: settings moved to sync storage:', outcome),
    (error: unknown) =>
      console.error('Glossa: the earlier settings could not be moved; they stay where they were.', error),
  );
  const handlers = createHandlers({
    ready: Promise.all([ready, moved]).then(() => undefined),
    settings,
    broadcast: broadcastToTabs,
    openTab: async (url) => (await browser.tabs.create({ url })).id,
    openExtensionPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
    toolbar: createToolbar(),
  });
  listenForRequests(handlers);
  browser.commands.onCommand.addListener((command) => {
    if (command === 'open-card') void sendToActiveTab({ type: 'openCardAtSelection' });
    if (command === 'save-passage') void sendToActiveTab({ type: 'saveSelection' });
    if (command === 'build-glossary') void sendToActiveTab({ type: 'buildGlossary' });
  });
  // Context menus persist across service-worker restarts; (re)create them once per install or update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Once, on install (not on an update or a browser update): what Glossa does, with an article to try.
    if (reason === 'install' && WELCOME_ON_INSTALL) {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menuSavePassage'), contexts: ['selection'] });
    browser.contextMenus.create({
      id: ADD_MENU_ID,
      title: t('menuAddToGlossary'),
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    browser.contextMenus.create({
      id: BUILD_MENU_ID,
      title: t('menuBuildGlossary'),
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const type =
      info.menuItemId === SAVE_MENU_ID
        ? 'saveSelection'
        : info.menuItemId === BUILD_MENU_ID
          ? 'buildGlossary'
          : info.menuItemId === ADD_MENU_ID
            ? 'addSelectionToGlossary'
            : undefined;
    if (type) void browser.tabs.sendMessage(tab.id, { type }).catch(() => undefined);
  });
}

/**
 * The e2e build (for tests only, like its open shadow root) opens no welcome page: each test
 * starts a fresh profile, so an install, and a welcome tab opening mid-test would take the
 * active tab from it. tests/e2e/welcome.spec.ts checks that the production build opens it.
 */
const WELCOME_ON_INSTALL = import.meta.env.MODE !== 'e2e';

const SAVE_MENU_ID = 'glossa-save-passage';
const BUILD_MENU_ID = 'glossa-build-glossary';
const ADD_MENU_ID = 'glossa-add-to-glossary';

/** Sends a request to the content script of the active tab; pages without one ignore it. */
async function sendToActiveTab(message: {
  type: 'openCardAtSelection' | 'saveSelection' | 'buildGlossary';
}): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}

/** The packs `npm run glossary` generated, bundled into the background at build time. */
function bundledPacks(): unknown[] {
  return Object.values(import.meta.glob('../../glossary/generated/*.pack.json', { eager: true, import: 'default' }));
}

/**
 * How long a change waits for one tab to apply it before answering anyway. Long enough for a
 * visible page to rescan (the glossary page shows an edit once pages have it); short enough
 * that a tab that never answers (a hung page, or a Firefox extension page, whose
 * tabs.sendMessage neither answers nor fails) cannot hold up every edit.
 */
const BROADCAST_WAIT_MS = 3_000;

/** Tells every tab's content script that something changed; tabs without one ignore it. */
async function broadcastToTabs(message: { type: 'glossaryChanged' }): Promise<void> {
  const tabs = await browser.tabs.query({});
  const extensionPages = browser.runtime.getURL('/');
  await Promise.all(
    tabs.map((tab) => {
      if (tab.id === undefined || tab.url?.startsWith(extensionPages)) return undefined;
      return Promise.race([
        browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, BROADCAST_WAIT_MS)),
      ]);
    }),
  );
}
