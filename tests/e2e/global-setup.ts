/**
 * Builds the extension once before the e2e suite: production Chrome and Firefox (what readers
 * install; the hostile-page and Firefox tests load them) and the e2e builds (their UI's shadow
 * root open, for Playwright's locators and reading a card in Firefox), unless `npm test` just built them.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../support/chromium';

export default function globalSetup(): void {
  // Fail before any test with the clear message, not thirty times with a launch error.
  findChromium();
  const root = path.resolve(import.meta.dirname, '../..');
  const built = ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv2', 'firefox-mv2-e2e'].every((dir) =>
    existsSync(path.join(root, '.output', dir, 'manifest.json')),
  );
  if (process.env.GLOSSA_PREBUILT === '1' && built) return;
  execSync(
    'npx wxt build && npx wxt build --mode e2e && npx wxt build -b firefox && npx wxt build -b firefox --mode e2e',
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
}
