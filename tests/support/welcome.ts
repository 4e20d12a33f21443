import { type BrowserContext, expect, type Page } from '@playwright/test';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';

/**
 * The welcome page the production build opens on install (a fresh profile is an install). The
 * background opens it a moment after start: waits for the tab to reach it.
 */
export async function waitForWelcomePage(context: BrowserContext): Promise<Page> {
  const find = () => context.pages().find((p) => p.url().endsWith('/welcome.html'));
  await expect.poll(() => find() !== undefined, { message: 'the welcome page opened', timeout: 10_000 }).toBe(true);
  return find()!;
}

/**
 * Firefox (puppeteer): waits for the welcome page the production build opens on install, and
 * closes it, so the test's own page is the one in front (a page in a background tab waits to be
 * looked at before Glossa scans it).
 */
export async function closeFirefoxWelcomePage(browser: PuppeteerBrowser): Promise<void> {
  // Firefox reports an extension page's tab as about:blank to puppeteer: the welcome page is the
  // tab opened after the browser's first one, and its own location says what it is.
  const pages = () => browser.targets().filter((t) => t.type() === 'page');
  const target = await browser.waitForTarget((t) => pages().indexOf(t) > 0, { timeout: 10_000 });
  const page = (await target.page())!;
  await page.waitForFunction(() => location.href.endsWith('/welcome.html'), { timeout: 10_000 });
  await page.close();
}
