/**
 * The repository's boundary: tests and scripts read only files inside the repository (a fresh
 * clone has no sibling folders) or in the system's temporary folder (files they wrote).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const TEMP_ROOT = path.resolve(tmpdir());
// CI clones into a temporary folder, so "inside the temporary folder" alone would let a test read
// the clone's siblings; the folder holding the repository is never allowed.
const REPO_PARENT = path.dirname(REPO_ROOT);

function within(file: string, root: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

/** Whether reading `file` stays inside the repository (or a temporary folder beside no checkout). */
export function isInsideRepo(file: string): boolean {
  const resolved = path.resolve(file);
  if (within(resolved, REPO_ROOT)) return true;
  return within(resolved, TEMP_ROOT) && !within(resolved, REPO_PARENT);
}

/** The relative paths written as string literals in `source` that lead outside the repository. */
export function pathsLeavingRepo(source: string, fileDir: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/['"`]((?:\.\.\/)+[^'"`$]*)['"`]/g)) {
    // Written paths must stay in the repository itself (the temporary folder is for files written at run time).
    const resolved = path.resolve(fileDir, m[1]!);
    if (resolved !== REPO_ROOT && !resolved.startsWith(REPO_ROOT + path.sep)) out.push(m[1]!);
  }
  return out;
}
