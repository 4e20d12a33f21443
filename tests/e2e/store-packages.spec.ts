/**
 * The store packages `npm run zip` makes (built by the global setup): what the Chrome Web Store
 * and addons.mozilla.org receive. No browser: the zips are read and checked as the stores would.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readPng } from '../../scripts/icons-render';
import { readZip } from '../support/zip';
import { REPO_ROOT } from '../support/repo-boundary';
import { storeZip } from './global-setup';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

/** The README's permission table: each permission it explains, and the content script's match patterns. */
function readmePermissions(): { permissions: string[]; matches: string[] } {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Permissions\n')[1]!.split('\n## ')[0]!;
  const permissions: string[] = [];
  const matches: string[] = [];
  for (const row of section.split('\n').filter((l) => l.startsWith('| `') || l.startsWith('| content script'))) {
    const cell = row.split('|')[1]!;
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    (cell.includes('content script') ? matches : permissions).push(...names);
  }
  return { permissions: permissions.sort(), matches: matches.sort() };
}

interface Manifest {
  name: string;
  description: string;
  default_locale?: string;
  commands: Record<string, { description: string }>;
  version: string;
  icons: Record<string, string>;
  action?: { default_icon: Record<string, string>; default_title: string };
  browser_action?: { default_icon: Record<string, string>; default_title: string };
  permissions: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts: { matches: string[]; run_at?: string }[];
  minimum_chrome_version?: string;
  browser_specific_settings?: { gecko: { strict_min_version: string } };
}

/**
 * The manifest's strings come from the package's English messages (the default locale): every
 * `__MSG_key__` it names is there, and the name the stores show is Glossa.
 */
function expectLocalized(manifest: Manifest, files: Map<string, Buffer>) {
  expect(manifest.default_locale).toBe('en');
  expect(manifest.name).toBe('__MSG_extName__');
  expect(manifest.description).toBe('__MSG_extDescription__');
  const action = manifest.action ?? manifest.browser_action!;
  const named = [manifest.name, manifest.description, action.default_title].concat(
    Object.values(manifest.commands).map((c) => c.description),
  );
  expect(
    named.every((s) => /^__MSG_\w+__$/u.test(s)),
    named.join(', '),
  ).toBe(true);
  const messages = JSON.parse(files.get('_locales/en/messages.json')!.toString('utf8')) as Record<
    string,
    { message: string }
  >;
  expect(messages.extName!.message).toBe('Glossa');
  for (const key of named.map((s) => s.slice('__MSG_'.length, -'__'.length))) {
    expect(messages[key]?.message, key).toBeTruthy();
  }
  // The stores' limit on a description: 132 characters.
  expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
}

function unzipTo(files: Map<string, Buffer>, dir: string) {
  for (const [name, data] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(path.join(dir, name)).isDirectory()
      ? listFiles(path.join(dir, name), `${prefix}${name}/`)
      : [`${prefix}${name}`],
  );
}

test('the Chrome package: name, version, icons, the README’s permissions, minimum Chrome version', () => {
  const files = readZip(readFileSync(storeZip('chrome')));
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  expectLocalized(manifest, files);
  expect(manifest.version).toBe(pkg.version);
  // Every icon the manifest names is in the zip, a PNG of its stated size; the muted pair too.
  expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
  const icons = { ...manifest.icons, ...manifest.action!.default_icon };
  for (const [size, file] of [...Object.entries(icons), ['16', 'icon-muted/16.png'], ['32', 'icon-muted/32.png']]) {
    expect(files.has(file!), file).toBe(true);
    expect(readPng(files.get(file!)!).size, file).toBe(Number(size));
  }
  const readme = readmePermissions();
  expect([...manifest.permissions].sort()).toEqual(readme.permissions);
  // Two content scripts (the first question at document_start, the rest at document_idle), the same pages.
  expect(manifest.content_scripts.map((c) => c.run_at).sort()).toEqual(['document_idle', 'document_start']);
  for (const script of manifest.content_scripts) expect([...script.matches].sort()).toEqual(readme.matches);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.minimum_chrome_version).toBe('105');
});

test('the Firefox package passes web-ext lint with no errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'glossa-firefox-zip-'));
  try {
    const files = readZip(readFileSync(storeZip('firefox')));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.version).toBe(pkg.version);
    expectLocalized(manifest, files);
    expect(manifest.browser_specific_settings!.gecko.strict_min_version).toBe('140.0');
    expect(Object.values(manifest.browser_action!.default_icon).every((f) => files.has(f))).toBe(true);
    unzipTo(files, dir);
    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--self-hosted=false', '--output=json'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      // web-ext exits 1 when it found errors; its report is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the sources package builds the same Firefox package from a clean folder', () => {
  // No network here: `npm ci` cannot run, so the repository's node_modules is linked in instead
  // (the sources zip carries package-lock.json, which pins what `npm ci` would install).
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'glossa-sources-'));
  try {
    const sources = readZip(readFileSync(storeZip('sources')));
    expect(sources.has('package-lock.json')).toBe(true);
    unzipTo(sources, dir);
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: dir, stdio: 'pipe' });
    const built = path.join(dir, '.output', 'firefox-mv2');
    const shipped = readZip(readFileSync(storeZip('firefox')));
    expect(listFiles(built).sort()).toEqual([...shipped.keys()].sort());
    for (const [name, data] of shipped) {
      expect(readFileSync(path.join(built, name)).equals(data), `${name} differs`).toBe(true);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
