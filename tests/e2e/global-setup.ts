/** Builds the extension once before the e2e suite, unless `npm test` just built it. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, findChromium } from '../support/chromium';

export default function globalSetup(): void {
  // Fail before any test with the clear message, not thirty times with a launch error.
  findChromium();
  if (process.env.GLOSSA_PREBUILT === '1' && existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) return;
  execSync('npx wxt build', { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '../..') });
}
