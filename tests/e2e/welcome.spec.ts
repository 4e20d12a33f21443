/**
 * First run and the toolbar: the welcome page opened on install, its article marked by the
 * content script's code, and the toolbar badge counting the entries a page mentions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { chromiumArgs, EXTENSION_DIR, findChromium } from '../support/chromium';
import { REPO_ROOT } from '../support/repo-boundary';
import { waitForWelcomePage } from '../support/welcome';
import {
  activeTabId,
  card,
  expect,
  highlightedTexts,
  hoverText,
  sendFromExtensionPage,
  test,
  waitForHighlights,
} from './fixtures';

/** The English messages, the default locale the browser falls back to. */
const messages = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

test('installing opens the welcome page: what Glossa marks, the shortcuts, that nothing leaves the machine', async () => {
  // The production build, in a fresh profile: exactly a reader's first install.
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
  });
  try {
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(String(e.error())));
    const welcome = await waitForWelcomePage(context);
    welcome.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await expect(welcome.getByRole('heading', { level: 1, name: 'Welcome to Glossa' })).toBeVisible();
    // Its title and language from the messages (an HTML page's <title> is not localised by the browser).
    await expect(welcome).toHaveTitle(messages.welcomeTitle!.message);
    await expect(welcome.locator('html')).toHaveAttribute('lang', messages.language!.message);
    await expect(welcome.getByRole('heading', { name: 'What it marks' })).toBeVisible();
    // Every command, with its shortcut as the browser has it (this Chromium leaves Alt+Shift+B
    // unassigned: the page says "no shortcut set" rather than the manifest's suggestion).
    for (const description of [
      'Explain the glossary term at the cursor or selection',
      'Save the selected passage to the Glossa reading list',
      'Build a glossary from the article on this page',
    ]) {
      await expect(welcome.locator('dd', { hasText: description })).toBeVisible();
    }
    for (const key of ['Alt+Shift+G', 'Alt+Shift+S'])
      await expect(welcome.locator('kbd', { hasText: key })).toBeVisible();
    await expect(welcome.getByText('Glossa makes no network requests.')).toBeVisible();
    // Its article is marked as a news page would be.
    await waitForHighlights(welcome);
    expect(await highlightedTexts(welcome)).toEqual(
      expect.arrayContaining(['Crocus City Hall', 'ISIS–K', 'Emomali Rahmon', 'Dushanbe']),
    );
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the welcome page’s article: hover a name and its card opens; no accessibility violations', async ({
  openExtensionPage,
}) => {
  const welcome = await openExtensionPage('welcome.html');
  await waitForHighlights(welcome);
  // Only the article is read: the page's own explanations are not marked.
  const marked = await highlightedTexts(welcome);
  expect(marked).toContain('201st military base');
  expect(marked).not.toContain('Glossa');
  await hoverText(welcome, 'Crocus City Hall');
  await expect(card(welcome).getByRole('heading', { name: 'Crocus City Hall' })).toBeVisible();
  const results = await new AxeBuilder({ page: welcome }).exclude('#glossa-ui-host').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

type ChromeAction = { getBadgeText(details: { tabId: number }): Promise<string> };

test('the toolbar badge counts the entries the page mentions, and is off where Glossa is off', async ({
  context,
  server,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForHighlights(page);
  await page.bringToFront();
  const tabId = await activeTabId(context);
  const badge = () =>
    serviceWorker.evaluate(
      (tabId) => (globalThis as unknown as { chrome: { action: ChromeAction } }).chrome.action.getBadgeText({ tabId }),
      tabId,
    );
  // The distinct entries painted on the page, as the page reports them once its scan is done.
  const painted = () =>
    serviceWorker.evaluate(async (tabId) => {
      const tabs = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
      ).chrome.tabs;
      const reply = (await tabs.sendMessage(tabId, { type: 'pageTerms' })) as { value: { key: string }[] };
      return new Set(reply.value.map((t) => t.key)).size;
    }, tabId);
  await expect.poll(painted).toBeGreaterThan(10);
  await expect.poll(badge).toBe(String(await painted()));

  // Off for this site (the popup's switch): no count.
  const popup = await openExtensionPage('popup.html');
  const update = (patch: object) => sendFromExtensionPage(popup, { type: 'updateSettings', patch });
  await update({ disabledSites: ['127.0.0.1'] });
  await expect.poll(badge).toBe('');
  // On again: the page scans again (it follows the stored settings) and the count comes back.
  await update({ disabledSites: [] });
  await expect.poll(painted).toBeGreaterThan(10);
  await expect.poll(async () => (await badge()) === String(await painted())).toBe(true);
});
