/** Builds the extension (Chrome and Firefox) once before the e2e suite, unless `npm test` just built it. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../support/chromium';

export default function globalSetup(): void {
  // Fail before any test with the clear message, not thirty times with a launch error.
  findChromium();
  const root = path.resolve(import.meta.dirname, '../..');
  const built = ['chrome-mv3', 'firefox-mv2'].every((dir) =>
    existsSync(path.join(root, '.output', dir, 'manifest.json')),
  );
  if (process.env.GLOSSA_PREBUILT === '1' && built) return;
  execSync('npx wxt build && npx wxt build -b firefox', { stdio: 'inherit', cwd: root });
}
