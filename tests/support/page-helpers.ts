/** Page helpers shared by the e2e tests, `npm start` and the benchmark. */
import type { Page } from '@playwright/test';

export interface PaintedRange {
  readonly text: string;
  /** Whether the range's first line is inside the viewport. */
  readonly inView: boolean;
}

/** The ranges of every highlight whose name starts with `prefix` as painted now, read in the page's main world. */
export async function highlightedRanges(page: Page, prefix = 'glossa-term'): Promise<PaintedRange[]> {
  return page.evaluate((prefix) => {
    const out: { text: string; inView: boolean }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        out.push({ text: range.toString(), inView: !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight });
      }
    }
    return out;
  }, prefix);
}

/**
 * Runs in the page (hand it to `evaluate`; it uses nothing from outside itself, so Playwright
 * and puppeteer alike can send it): every range a reader scrolling through the page would see
 * painted, in document order. Glossa registers only the terms on or near the screen, so this
 * scrolls the page top to bottom a screen at a time (two frames at each stop), collects what is
 * painted, and scrolls back. `inView`: painted and inside the viewport where the page was.
 */
export async function collectPaintedRanges(prefix: string): Promise<PaintedRange[]> {
  // Ranges are keyed by their boundary points: a restart paints new range objects for the same text.
  const ids = new WeakMap<Node, number>();
  let nextId = 0;
  const idOf = (n: Node) => {
    let v = ids.get(n);
    if (v === undefined) ids.set(n, (v = nextId++));
    return v;
  };
  const found = new Map<string, { text: string; inView: boolean; node: Node; offset: number }>();
  const collect = (atStart: boolean) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        const key = `${idOf(r.startContainer)}:${r.startOffset}:${idOf(r.endContainer)}:${r.endOffset}`;
        if (found.has(key)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        const inView = atStart && !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
        found.set(key, { text: range.toString(), inView, node: r.startContainer, offset: r.startOffset });
      }
    }
  };
  const frames = () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  collect(true);
  // The page's scroller, and any element that scrolls its own content (some sites scroll a
  // wrapper, not the window): each stepped through a screen at a time, then put back.
  const page = document.scrollingElement ?? document.documentElement;
  const scrollers = [
    page,
    ...[...document.body.querySelectorAll('*')].filter(
      (el) => el.scrollHeight > el.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(el).overflowY),
    ),
  ];
  for (const scroller of scrollers) {
    const start = scroller.scrollTop;
    const step = scroller === page ? innerHeight : Math.max(scroller.clientHeight, 100);
    for (let top = 0; top < scroller.scrollHeight; top += step) {
      scroller.scrollTop = top;
      await frames();
      collect(false);
    }
    scroller.scrollTop = start;
  }
  await frames();
  return [...found.values()]
    .sort((a, b) =>
      a.node === b.node
        ? a.offset - b.offset
        : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    )
    .map(({ text, inView }) => ({ text, inView }));
}

/** Every range a reader scrolling through the page would see painted (see collectPaintedRanges). */
export async function allHighlightedRanges(page: Page, prefix = 'glossa-term'): Promise<PaintedRange[]> {
  return page.evaluate(collectPaintedRanges, prefix);
}

/** The text of every range of the highlights whose name starts with `prefix`, the whole page through. */
export async function highlightedTexts(page: Page, prefix = 'glossa-term'): Promise<string[]> {
  return (await allHighlightedRanges(page, prefix)).map((r) => r.text);
}

/** Waits until Glossa has scanned the whole page and painted at least `min` terms. */
export async function waitForHighlights(page: Page, min = 1): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0);
  await page.waitForFunction((min) => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term')) n += h.size;
    return n >= min;
  }, min);
}

/**
 * Runs in the page, self-contained: whether a term whose text is exactly `text` is painted,
 * bringing the text's first occurrences on screen in turn (Glossa paints what is near the
 * screen). Leaves the page scrolled to the painted term when there is one.
 */
export async function revealMarked(text: string): Promise<boolean> {
  const painted = () => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('glossa-term')) continue;
      for (const r of h as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === text) return true;
      }
    }
    return false;
  };
  if (painted()) return true;
  const frames = () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let tried = 0;
  for (let n = walker.nextNode(); n && tried < 20; n = walker.nextNode()) {
    if (!(n as Text).data.includes(text) || !n.parentElement) continue;
    tried++;
    n.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    await frames();
    if (painted()) return true;
  }
  return false;
}

/**
 * Runs in the page (hand it to `evaluate`; self-contained, for Playwright and puppeteer alike):
 * where Glossa's registered term ranges lie now, as the tops of their first lines in screens
 * from the top of the viewport (0: its top edge, 1: its bottom edge).
 */
export function registeredTops(): number[] {
  const tops: number[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('glossa-term')) continue;
    for (const r of h as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getClientRects()[0];
      if (rect) tops.push(rect.top / innerHeight);
    }
  }
  return tops;
}

/**
 * Runs in the page, like collectPaintedRanges: scrolls the first painted term whose text is exactly
 * `text` into view, and gives the point to hover on it.
 */
export function pointOnPaintedTerm(text: string): { x: number; y: number } {
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('glossa-term')) continue;
    for (const r of h as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    }
  }
  throw new Error(`"${text}" is not painted`);
}

/** Waits until a term whose text is exactly `text` is painted (a page's own glossary takes a moment), and shows it. */
export async function waitForMarked(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(revealMarked, text, { timeout, polling: 250 });
}

/** Moves the pointer onto the first painted term whose text is exactly `text`, wherever it is. */
export async function hoverMarked(page: Page, text: string): Promise<void> {
  await waitForMarked(page, text);
  const point = await page.evaluate(pointOnPaintedTerm, text);
  await page.mouse.move(1, 1);
  await page.mouse.move(point.x, point.y);
}

/** Moves the pointer onto the middle of the first occurrence of `text` inside `selector`. */
export async function hoverText(page: Page, text: string, selector = 'main'): Promise<void> {
  const point = await page.evaluate(
    ({ text, selector }) => {
      const root = document.querySelector(selector) ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0]!;
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { text, selector },
  );
  // From outside any term first, as a reader's pointer would come: a hover starts on entry.
  await page.mouse.move(1, 1);
  await page.mouse.move(point.x, point.y);
}

/** Selects the first occurrence of `text` inside `selector`, as a reader dragging over it would. */
export async function selectText(page: Page, text: string, selector = 'main'): Promise<void> {
  await page.evaluate(
    ({ text, selector }) => {
      const walker = document.createTreeWalker(document.querySelector(selector) ?? document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { text, selector },
  );
}

/** The card's root inside Glossa's shadow host (Playwright locators pierce open shadow roots). */
export function card(page: Page) {
  return page.locator('#glossa-ui-host [role="dialog"]');
}

/**
 * Which of `texts` are painted as saved passages: scrolled into view, every line of the text
 * covered by one of the boxes Glossa draws in its shadow root (open in the e2e build only;
 * in production the root is closed and the page cannot see them at all).
 */
export async function paintedPassages(page: Page, texts: readonly string[]): Promise<string[]> {
  return page.evaluate(async (texts) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const locate = (offset: number) => {
      let at = 0;
      for (const node of nodes) {
        if (offset <= at + node.data.length) return { node, offset: offset - at };
        at += node.data.length;
      }
      return undefined;
    };
    const out: string[] = [];
    for (const text of texts) {
      const i = all.indexOf(text);
      const s = locate(i);
      const e = locate(i + text.length);
      if (i < 0 || !s || !e) continue;
      const range = document.createRange();
      range.setStart(s.node, s.offset);
      range.setEnd(e.node, e.offset);
      s.node.parentElement?.scrollIntoView({ block: 'center' });
      await frame();
      const root = document.getElementById('glossa-ui-host')?.shadowRoot;
      const boxes = [...(root?.querySelectorAll('.passage-box') ?? [])].map((b) => b.getBoundingClientRect());
      const lines = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 0);
      const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
      const covered = lines.every((l) =>
        boxes.some(
          (b) => near(b.left, l.left) && near(b.top, l.top) && near(b.width, l.width) && near(b.height, l.height),
        ),
      );
      if (lines.length > 0 && covered) out.push(text);
    }
    return out;
  }, texts);
}
