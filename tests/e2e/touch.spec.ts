/**
 * Touch and pen (issue 16): a tap on a marked term opens its card at once, a tap elsewhere
 * closes it; a term inside a link opens its card on the first tap (with "Open link") and follows
 * the link on the second; selecting and saving a passage still work. Chromium with touch
 * emulation (hasTouch) at a phone's size.
 */
import type { Page } from '@playwright/test';
import { card, expect, selectText, sendToActiveTab, test, waitForMarked } from './fixtures';
import { pointOnPaintedTerm } from '../support/page-helpers';

test.use({ viewport: { width: 412, height: 800 }, hasTouch: true });

const LINKED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linked names</title>
  <meta name="viewport" content="width=device-width"></head>
  <body><main><article><h1>Linked names</h1>
  <p>Talks with <a id="linked" href="/demo-article.html">Emomali Rahmon</a> went on late into the night.</p>
  <p>Officials in Dushanbe said little about the talks afterwards.</p>
  </article></main></body></html>`;

async function tapMarked(page: Page, text: string) {
  // The mark may be between two painters (a restart repaints the page): asked again until found.
  let point = { x: 0, y: 0 };
  await expect(async () => {
    point = await page.evaluate(pointOnPaintedTerm, text);
  }).toPass({ timeout: 10_000 });
  await page.touchscreen.tap(point.x, point.y);
}

test('a tap on a marked term opens its card at once; a tap outside closes it', async ({
  context,
  server,
  openExtensionPage,
}) => {
  // The longest dwell there is: a card that opens at once was not waiting for it.
  const options = await openExtensionPage('options.html');
  await options.getByLabel(/Open a card after resting on a term for/).fill('1500');
  await options.getByLabel(/Open a card after resting on a term for/).press('Tab');
  await expect(options.getByText('Saved.')).toBeVisible();
  await options.close();

  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForMarked(page, 'Dushanbe');
  await tapMarked(page, 'Dushanbe');
  await expect(card(page)).toBeVisible({ timeout: 1000 });
  await expect(card(page).getByRole('heading', { name: 'Dushanbe' })).toBeVisible();
  // No "Open link" for a term outside any link.
  await expect(card(page).getByRole('button', { name: 'Open link' })).toHaveCount(0);

  // A tap inside the card keeps it (its buttons work by tap).
  await card(page).getByRole('button', { name: 'Show more about Dushanbe' }).tap();
  await expect(card(page).getByRole('button', { name: 'Show less about Dushanbe' })).toBeVisible();

  // A tap on the page outside it (the margin beside it: the card spans the phone's width) closes it.
  const box = (await card(page).boundingBox())!;
  const outside = { x: 2, y: box.y + box.height / 2 };
  expect(outside.x).toBeLessThan(box.x);
  await page.touchscreen.tap(outside.x, outside.y);
  await expect(card(page)).toHaveCount(0);
});

test('a linked term: the first tap opens the card with "Open link", the second follows the link', async ({
  context,
  server,
}) => {
  server.route('/linked.html', { body: LINKED });
  const page = await context.newPage();
  await page.goto(server.url('/linked.html'));
  await waitForMarked(page, 'Emomali Rahmon');

  await tapMarked(page, 'Emomali Rahmon');
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole('button', { name: 'Open link' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/linked.html');

  // Second tap on the same term: the link is followed.
  await tapMarked(page, 'Emomali Rahmon');
  await page.waitForURL(/\/demo-article\.html$/);

  // "Open link" in the card follows it too.
  await page.goto(server.url('/linked.html'));
  await waitForMarked(page, 'Emomali Rahmon');
  await tapMarked(page, 'Emomali Rahmon');
  await card(page).getByRole('button', { name: 'Open link' }).tap();
  await page.waitForURL(/\/demo-article\.html$/);
});

test('a mouse click on a linked term still follows the link at once', async ({ context, server }) => {
  server.route('/linked.html', { body: LINKED });
  const page = await context.newPage();
  await page.goto(server.url('/linked.html'));
  await waitForMarked(page, 'Emomali Rahmon');
  await page.locator('#linked').click();
  await page.waitForURL(/\/demo-article\.html$/);
});

test('with touch, a selection is still saved as a passage', async ({ context, server, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto(server.url('/demo-article.html'));
  await waitForMarked(page, 'Dushanbe');
  // What a long press and the selection handles leave: a selection (no tap, so no card).
  await selectText(page, 'Dushanbe aims to benefit from the Russian preoccupation');
  expect(await sendToActiveTab(context, { type: 'saveSelection' })).toMatchObject({
    ok: true,
    value: { saved: true },
  });
  await expect(card(page)).toHaveCount(0);
  const list = await openExtensionPage('reading-list.html');
  await expect(list.locator('.passage')).toHaveCount(1);
  await expect(list.locator('.passage')).toContainText('Dushanbe aims to benefit');
});
