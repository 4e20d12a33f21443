/**
 * `npm start`: builds the extension, serves the demo article on 127.0.0.1 and opens Chromium
 * with Glossa loaded on it. With a display, the browser stays open until you close it.
 * Without one (a server, CI), it runs headless: hovers "Crocus City Hall", writes a PNG
 * screenshot of the hover card, prints its path and exits 0.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../tests/support/chromium';
import type { Page } from '@playwright/test';
import { hoverText, waitForHighlights } from '../tests/support/page-helpers';
import { startStaticServer } from '../tests/support/static-server';
import { waitForWelcomePage } from '../tests/support/welcome';

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const executablePath = findChromium();
  execSync('npx wxt build', { stdio: 'inherit', cwd: root });
  const server = await startStaticServer(Number(process.env.PORT ?? 0));
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    args: chromiumArgs(),
    viewport: headless ? { width: 1280, height: 1400 } : null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const url = server.url('/demo-article.html');
  await page.goto(url);
  // A fresh profile is a first install: Glossa opens its welcome page in a tab of its own. The
  // demo article comes back to the front (Glossa scans a page once the reader looks at it).
  await waitForWelcomePage(context);
  await page.bringToFront();
  console.log(`Glossa is loaded in Chromium on ${url}`);

  if (!headless) {
    console.log('Hover an underlined name to see its card. Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    return;
  }

  await waitForHighlights(page);
  // No entrance animation: the picture is of the card at rest, not half faded in.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await hoverText(page, 'Crocus City Hall');
  // The card lives in a closed shadow root, out of reach of page scripts and of Playwright's
  // locators; the DevTools protocol still sees it (pierce), which is how we find its box.
  const box = await closedCardBox(page);
  const outDir = path.join(root, '.output');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'glossa-hover-card.png');
  // The card with the term above it and some of the article around it.
  await page.screenshot({
    path: file,
    clip: { x: Math.max(0, box.x - 80), y: Math.max(0, box.y - 90), width: box.width + 200, height: box.height + 120 },
  });
  console.log(`No display found: ran headless, hovered "Crocus City Hall" and saved the card to\n${file}`);
  await context.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

interface CdpNode {
  nodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The hover card's box, found through closed shadow roots with the DevTools protocol. */
async function closedCardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  const find = (n: CdpNode): number | undefined => {
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'role' && attrs[i + 1] === 'dialog') return n.nodeId;
    for (const child of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
      const found = find(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  // The host appears when the card opens; the card is rendered into it in the same task.
  await page.waitForFunction(() => document.getElementById('glossa-ui-host') !== null);
  for (let tries = 0; tries < 20; tries++) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const nodeId = find(root);
    if (nodeId !== undefined) {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
      const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
      if (x3 > x1 && y3 > y1) return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
    }
    await page.waitForTimeout(100);
  }
  throw new Error('The hover card did not open.');
}
