/**
 * Nothing the tests, the benchmark or `npm start` read may lie outside the repository: a fresh
 * clone has no sibling folders. Two checks: every relative path written in their sources stays
 * inside, and (tests/support/fs-guard.ts) any read outside throws while unit tests run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideRepo, pathsLeavingRepo, REPO_ROOT } from '../support/repo-boundary';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourcesUnder(full);
    return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [full] : [];
  });
}

describe('repository boundary', () => {
  it.each<[string, string, boolean]>([
    ['a fixture', path.join(REPO_ROOT, 'tests/fixtures/real-pages/bbc-1/source.html'), true],
    ['the repository itself', REPO_ROOT, true],
    ['a sibling folder', path.join(path.dirname(REPO_ROOT), 'another-checkout/page.html'), false],
    ['a prefix-alike sibling', `${REPO_ROOT}-old/file.txt`, false],
    ['the root of the disk', '/etc/passwd', false],
  ])('%s: inside is %s', (_what, file, inside) => {
    expect(isInsideRepo(file)).toBe(inside);
  });

  it('finds relative paths that climb out of the repository', () => {
    const dir = path.join(REPO_ROOT, 'tests/support');
    // Built at run time, so this file does not itself name a path outside the repository.
    const climbing = `${'../'.repeat(3)}another-checkout`;
    expect(pathsLeavingRepo(`path.resolve(dir, '${climbing}')`, dir)).toEqual([climbing]);
    expect(pathsLeavingRepo(`path.resolve(dir, '../fixtures/pages')`, dir)).toEqual([]);
  });

  it('no test, script or config names a path outside the repository', () => {
    const files = [
      ...sourcesUnder(path.join(REPO_ROOT, 'tests')),
      ...sourcesUnder(path.join(REPO_ROOT, 'scripts')),
      ...readdirSync(REPO_ROOT)
        .filter((n) => /\.config\.[cm]?[jt]s$/.test(n))
        .map((n) => path.join(REPO_ROOT, n)),
    ];
    expect(files.length).toBeGreaterThan(10);
    const leaving = files.flatMap((file) =>
      pathsLeavingRepo(readFileSync(file, 'utf8'), path.dirname(file)).map(
        (p) => `${path.relative(REPO_ROOT, file)}: ${p}`,
      ),
    );
    expect(leaving).toEqual([]);
  });

  it('a read outside the repository throws while tests run', () => {
    expect(() => readFileSync(path.join(path.dirname(REPO_ROOT), 'another-checkout', 'README.md'), 'utf8')).toThrow(
      /may not read outside the repository/,
    );
  });
});
