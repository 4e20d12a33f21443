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
import { card, hoverText, waitForHighlights } from '../tests/support/page-helpers';
import { startStaticServer } from '../tests/support/static-server';

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
  console.log(`Glossa is loaded in Chromium on ${url}`);

  if (!headless) {
    console.log('Hover an underlined name to see its card. Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    return;
  }

  await waitForHighlights(page);
  await hoverText(page, 'Crocus City Hall');
  await card(page).waitFor({ state: 'visible' });
  const box = await card(page).boundingBox();
  const outDir = path.join(root, '.output');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'glossa-hover-card.png');
  // The card with the term above it and some of the article around it.
  await page.screenshot({
    path: file,
    clip: box
      ? { x: Math.max(0, box.x - 80), y: Math.max(0, box.y - 90), width: box.width + 200, height: box.height + 120 }
      : undefined,
  });
  console.log(`No display found: ran headless, hovered "Crocus City Hall" and saved the card to\n${file}`);
  await context.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
