/**
 * Which Chromium the tests, `npm start` and the benchmark drive. GLOSSA_CHROMIUM points at
 * another build; otherwise the first that exists of the usual system paths.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string {
  const chosen = process.env.GLOSSA_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`GLOSSA_CHROMIUM is set to ${chosen}, but no file exists there.`);
    return chosen;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked for ${CANDIDATES.join(', ')}). Install one (Debian: apt-get install chromium) ` +
        'or set GLOSSA_CHROMIUM to the path of a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** The production build: `npm start`, the benchmark and the hostile-page tests load it. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
/**
 * The e2e build (`wxt build --mode e2e`): the same code, but its UI's shadow root is open, as
 * Playwright's locators cannot enter a closed one (entrypoints/content/ui-host.ts).
 */
export const E2E_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

/** Flags for an extension-loading Chromium on a machine with no network and no GPU. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
