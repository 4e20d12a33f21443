import type { BrowserContext, Page } from '@playwright/test';
import { attachEvaluator, findTarget } from '../support/cdp-target';
import { activeTabId, expect, highlightedRanges, highlightedTexts, test, waitForHighlights } from './fixtures';

async function popupFor(context: BrowserContext, extensionId: string, article?: Page): Promise<Page> {
  let query = '';
  if (article) {
    await article.bringToFront();
    query = `?tab=${await activeTabId(context)}`;
  }
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return popup;
}

test('search is focused, updates on every keystroke and forgives how people type', async ({ context, extensionId }) => {
  const popup = await popupFor(context, extensionId);
  const box = popup.getByRole('searchbox');
  await expect(box).toBeFocused();
  await expect(popup.getByRole('listbox')).toBeAttached();
  for (const [typed, expected] of [
    ['isis-k', 'ISIS–K'],
    ['isisk', 'ISIS–K'],
    ['ISIS–K', 'ISIS–K'],
    ['dush', 'Dushanbe'],
    ['Rahmen', 'Emomali Rahmon'],
    ['Matveev', 'Mikhail Matveyev'],
    ['state department', 'U.S. Department of State'],
  ] as const) {
    await box.fill('');
    await box.pressSequentially(typed);
    await expect(popup.getByRole('option').first(), typed).toHaveAccessibleName(expected);
  }
});

test('arrow keys move through results, Enter opens the detail, Escape clears then closes', async ({
  context,
  extensionId,
}) => {
  const popup = await popupFor(context, extensionId);
  const box = popup.getByRole('searchbox');
  await box.pressSequentially('moscow');
  const options = popup.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', 'glossa-result-1');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Moscow', level: 2 })).toBeVisible();
  await expect(
    popup.getByRole('heading', { name: /^In «Tajikistan and the Moscow terror attack fallout»/ }),
  ).toBeVisible();
  await popup.getByRole('button', { name: 'Moscow terror attack' }).click();
  await expect(popup.getByRole('heading', { name: 'Moscow terror attack', level: 2 })).toBeVisible();
  await popup.getByRole('button', { name: '‹ Back to results' }).click();
  await expect(box).toHaveValue('moscow');
  await box.press('Escape');
  await expect(box).toHaveValue('');
  // The second Escape closes the popup, so the key press itself may not see its own end.
  await Promise.all([popup.waitForEvent('close'), box.press('Escape').catch(() => undefined)]);
});

test('no-result and empty states say what to do', async ({ context, extensionId }) => {
  const popup = await popupFor(context, extensionId);
  await popup.getByRole('searchbox').fill('zzqx');
  await expect(popup.getByRole('status')).toContainText('Nothing in the glossary matches “zzqx”');
  await popup.getByRole('searchbox').fill('');
  // Opened on its own, with no page behind it: the popup says it cannot read the page.
  await expect(popup.getByText('Glossa can’t read this page')).toBeVisible();
});

test('"On this page" lists the entries found, with counts; clicking one scrolls to it and flashes it', async ({
  context,
  server,
  extensionId,
}) => {
  const article = await context.newPage();
  await article.goto(server.url('/demo-article.html'));
  await waitForHighlights(article);
  const popup = await popupFor(context, extensionId, article);
  const onPage = popup.locator('.on-page');
  await expect(onPage.getByRole('button', { name: 'Russia', exact: true })).toBeVisible();
  const russia = onPage.locator('li', { has: popup.getByRole('button', { name: 'Russia', exact: true }) });
  const counted = Number((await russia.textContent())!.match(/(\d+) mentions/)![1]);
  const painted = (await highlightedTexts(article)).filter((t) => t === 'Russia' || t === 'Russian Federation').length;
  expect(counted).toBe(painted);
  await onPage.getByRole('button', { name: 'Diplomatic Courier' }).click();
  await expect
    .poll(() => highlightedRanges(article, 'glossa-flash'))
    .toEqual([{ text: 'Diplomatic Courier', inView: true }]);
});

test('turns highlighting off for this site and globally, and links to the reading list, glossary and options', async ({
  context,
  server,
  extensionId,
}) => {
  const article = await context.newPage();
  await article.goto(server.url('/demo-article.html'));
  await waitForHighlights(article);
  const popup = await popupFor(context, extensionId, article);
  await popup.getByLabel('Highlight terms on 127.0.0.1').uncheck();
  await expect.poll(() => highlightedTexts(article)).toEqual([]);
  await popup.getByLabel('Highlight terms on 127.0.0.1').check();
  await waitForHighlights(article);
  await popup.getByLabel('Highlight terms on all sites').uncheck();
  await expect.poll(() => highlightedTexts(article)).toEqual([]);
  await expect(popup.getByLabel('Highlight terms on 127.0.0.1')).toBeDisabled();
  await popup.getByLabel('Highlight terms on all sites').check();
  await waitForHighlights(article);

  const readingList = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Reading list' }).click();
  await expect(await readingList).toHaveURL(/reading-list\.html$/);
  const glossary = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Glossary', exact: true }).click();
  await expect(await glossary).toHaveURL(/glossary\.html$/);
  const options = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Options' }).click();
  await expect(await options).toHaveURL(/options\.html$/);
});

test('the toolbar action opens the popup, which shows the active tab’s terms', async ({
  context,
  server,
  serviceWorker,
}) => {
  const article = await context.newPage();
  await article.goto(server.url('/demo-article.html'));
  await waitForHighlights(article);
  // What a click on the toolbar button does; the popup is a target of its own, not a tab.
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
  );
  const cdp = await context.newCDPSession(article);
  await expect.poll(async () => (await findTarget(cdp, '/popup.html'))?.type).toBe('page');
  const evaluate = await attachEvaluator(cdp, (await findTarget(cdp, '/popup.html'))!.targetId);
  await expect
    .poll(() => evaluate(`[...document.querySelectorAll('.on-page li button')].map((b) => b.textContent).slice(0, 3)`))
    .toEqual(['Russia', 'Tajikistan', 'Moscow']);
  expect(await evaluate('document.activeElement?.getAttribute("type")')).toBe('search');
});
