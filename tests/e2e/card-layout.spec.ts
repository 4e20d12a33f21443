/**
 * The card's actions are always in view (issue 16): whatever the viewport and wherever the term
 * sits on the screen, the card's header and action buttons open inside the viewport, and only
 * its body scrolls.
 *
 * 200% zoom is emulated as the browser's zoom makes it: a 1280×900 window zoomed to 200% lays
 * pages out in a 640×450 CSS-pixel viewport at a device pixel ratio of 2 (deviceScaleFactor),
 * which is what placement and the card's CSS see. CSS `zoom: 2` on the page's root is a
 * different case (a page or a reader's style zooming itself: the UI host is zoomed with it and
 * placement divides by its zoom) and is tested too.
 */
import type { Page } from '@playwright/test';
import { card, expect, test, waitForMarked } from './fixtures';

interface Display {
  readonly width: number;
  readonly height: number;
  readonly deviceScaleFactor?: number;
  /** CSS zoom on the page's root element. */
  readonly cssZoom?: number;
}

const DISPLAYS: Record<string, Display> = {
  'a 1280×900 window': { width: 1280, height: 900 },
  'a 412×800 phone': { width: 412, height: 800 },
  'a 360×640 phone': { width: 360, height: 640 },
  'a 1280×900 window at 200% browser zoom': { width: 640, height: 450, deviceScaleFactor: 2 },
  'a 1280×900 window with CSS zoom 2 on the page': { width: 1280, height: 900, cssZoom: 2 },
};

/** Where on the screen the hovered term is put: its line's top, as a fraction of the viewport's height. */
const POSITIONS = { top: 0.1, middle: 0.5, bottom: 0.88 } as const;

/** Terms with long cards, by preference: the "Rahmon" first. */
const TERMS = ['Rahmon', 'Emomali Rahmon', 'Dushanbe', 'Tajikistan'];

/**
 * Runs in the page: scrolls so that an occurrence of a term (the first of `texts` that can be
 * put there) has its first line at `fraction` of the viewport's height, and gives a point on it.
 * Glossa paints what comes near the screen, so the caller waits for the mark before hovering.
 */
function placeTerm({ texts, fraction }: { texts: string[]; fraction: number }) {
  const maxScroll = document.documentElement.scrollHeight - innerHeight;
  for (const text of texts) {
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const rect = range.getClientRects()[0]!;
      const scrollTo = scrollY + rect.top - innerHeight * fraction;
      if (scrollTo < 0 || scrollTo > maxScroll) continue;
      window.scrollTo({ top: scrollTo, behavior: 'instant' });
      const now = range.getClientRects()[0]!;
      return { text, x: now.left + Math.min(now.width / 2, 10), y: now.top + now.height / 2 };
    }
  }
  throw new Error(`none of ${texts.join(', ')} can be put at ${fraction} of the viewport`);
}

/** Runs in the page: whether a painted term covers the point. */
function paintedAt({ x, y }: { x: number; y: number }) {
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('glossa-term')) continue;
    for (const r of h as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      for (const b of range.getClientRects())
        if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return true;
    }
  }
  return false;
}

/** The viewport, the card and each of its fixed buttons, in the page's CSS pixels. */
function cardGeometry() {
  const root = document.getElementById('glossa-ui-host')!.shadowRoot!;
  const el = root.querySelector<HTMLElement>('[role="dialog"]')!;
  const box = (e: Element) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const body = el.querySelector('.card-body')!;
  return {
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    card: box(el),
    bodyScrolls: body.scrollHeight > body.clientHeight,
    buttons: [...el.querySelectorAll('.card-head button, .card-foot button')].map((b) => ({
      name: b.getAttribute('aria-label') ?? b.textContent!.trim(),
      ...box(b),
    })),
  };
}

type Geometry = ReturnType<typeof cardGeometry>;

function expectAllInView(g: Geometry, where: string) {
  const inside = (b: { top: number; bottom: number; left: number; right: number }) =>
    b.top >= 0 && b.left >= 0 && b.bottom <= g.viewport.height + 0.5 && b.right <= g.viewport.width + 0.5;
  expect(inside(g.card), `${where}: the card inside the viewport`).toBe(true);
  expect(
    g.buttons.filter((b) => !inside(b)).map((b) => b.name),
    `${where}: buttons outside the viewport`,
  ).toEqual([]);
  // Save passage, the close button and the glossary link at least.
  expect(g.buttons.map((b) => b.name)).toEqual(
    expect.arrayContaining(['Close', 'Save passage', 'Open in your glossary']),
  );
}

for (const [label, display] of Object.entries(DISPLAYS)) {
  test.describe(label, () => {
    test.use({
      viewport: { width: display.width, height: display.height },
      deviceScaleFactor: display.deviceScaleFactor ?? 1,
    });

    test('the card and its buttons open inside the viewport for a term at the top, middle and bottom', async ({
      context,
      server,
    }, testInfo) => {
      const page: Page = await context.newPage();
      await page.goto(server.url('/demo-article.html'));
      await waitForMarked(page, 'Rahmon');
      if (display.cssZoom)
        await page.evaluate((z) => (document.documentElement.style.zoom = String(z)), display.cssZoom);
      expect(await page.evaluate(() => devicePixelRatio)).toBe(display.deviceScaleFactor ?? 1);
      const heights: string[] = [];
      for (const [where, fraction] of Object.entries(POSITIONS)) {
        const point = await page.evaluate(placeTerm, { texts: TERMS, fraction });
        await page.waitForFunction(paintedAt, point);
        await page.mouse.move(1, 1);
        await page.mouse.move(point.x, point.y);
        await expect(card(page)).toBeVisible();
        const g = await page.evaluate(cardGeometry);
        expectAllInView(g, `${point.text} at the ${where}`);
        heights.push(`${where} (${point.text}): ${Math.round(g.card.bottom - g.card.top)} px`);

        // Everything shown: the body scrolls, the actions stay where they were.
        await card(page)
          .getByRole('button', { name: /^Show more about/ })
          .first()
          .click();
        await expect(
          card(page)
            .getByRole('button', { name: /^Show less about/ })
            .first(),
        ).toBeVisible();
        const expanded = await page.evaluate(cardGeometry);
        expectAllInView(expanded, `${point.text} at the ${where}, expanded`);
        heights.push(
          `${where} expanded: ${Math.round(expanded.card.bottom - expanded.card.top)} px${expanded.bodyScrolls ? ', body scrolls' : ''}`,
        );
        await page.keyboard.press('Escape');
        await expect(card(page)).toHaveCount(0);
      }
      testInfo.annotations.push({ type: 'card heights', description: heights.join('; ') });
      console.log(`${label}: ${heights.join('; ')}`);
    });
  });
}
