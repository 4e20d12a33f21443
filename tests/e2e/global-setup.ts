/**
 * Builds the extension once before the e2e suite: production Chrome and Firefox (what readers
 * install; the hostile-page and Firefox tests load them) and the e2e builds (their UI's shadow
 * root open, for Playwright's locators and reading a card in Firefox), unless `npm test` just built them.
 * The production builds come from `wxt zip`, which also writes the store packages (Chrome,
 * Firefox, and the sources zip Firefox reviewers get) that store-packages.spec.ts checks.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from '../support/chromium';

const root = path.resolve(import.meta.dirname, '../..');

/** A store package `npm run zip` writes: .output/glossa-<version>-<kind>.zip. */
export function storeZip(kind: 'chrome' | 'firefox' | 'sources'): string {
  const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(root, '.output', `${name}-${version}-${kind}.zip`);
}

export default function globalSetup(): void {
  // Fail before any test with the clear message, not thirty times with a launch error.
  findChromium();
  const manifest = (dir: string) => path.join(root, '.output', dir, 'manifest.json');
  const built = ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv2', 'firefox-mv2-e2e'].every((dir) =>
    existsSync(manifest(dir)),
  );
  // Zips at least as new as the production builds they package.
  const fresh = (zip: string, dir: string) =>
    existsSync(zip) && statSync(zip).mtimeMs >= statSync(manifest(dir)).mtimeMs;
  const zipped =
    built &&
    fresh(storeZip('chrome'), 'chrome-mv3') &&
    fresh(storeZip('firefox'), 'firefox-mv2') &&
    fresh(storeZip('sources'), 'firefox-mv2');
  const run = (command: string) => execSync(command, { stdio: 'inherit', cwd: root });
  if (process.env.GLOSSA_PREBUILT === '1' && built) {
    // `npm test` built everything but the zips: zipping rebuilds the production builds, the same.
    if (!zipped) run('npx wxt zip && npx wxt zip -b firefox');
    return;
  }
  run('npx wxt zip && npx wxt build --mode e2e && npx wxt zip -b firefox && npx wxt build -b firefox --mode e2e');
}
