import { type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * The welcome page the production build opens on install (a fresh profile is an install). The
 * background opens it a moment after start: waits for the tab to reach it.
 */
export async function waitForWelcomePage(context: BrowserContext): Promise<Page> {
  const find = () => context.pages().find((p) => p.url().endsWith('/welcome.html'));
  await expect.poll(() => find() !== undefined, { message: 'the welcome page opened', timeout: 10_000 }).toBe(true);
  return find()!;
}
