/**
 * The repository's boundary: tests and scripts read only files inside the repository (a fresh
 * clone has no sibling folders) or in the system's temporary folder (files they wrote).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const ALLOWED_ROOTS = [REPO_ROOT, path.resolve(tmpdir())];

/** Whether reading `file` stays inside the repository (or the temporary folder). */
export function isInsideRepo(file: string): boolean {
  const resolved = path.resolve(file);
  return ALLOWED_ROOTS.some((root) => resolved === root || resolved.startsWith(root + path.sep));
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
