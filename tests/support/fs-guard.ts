/**
 * Vitest setup: any read of a path outside the repository throws, naming the path. A fresh
 * clone has no sibling folders, so a test that reads one passes here and fails
 * there; this makes it fail here first.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isInsideRepo } from './repo-boundary';

type AnyFn = (...args: unknown[]) => unknown;

function guard(target: object, name: string): void {
  const original = (target as Record<string, AnyFn>)[name];
  if (typeof original !== 'function') return;
  (target as Record<string, AnyFn>)[name] = function guarded(this: unknown, ...args: unknown[]) {
    const file = args[0];
    if (
      (typeof file === 'string' || file instanceof URL) &&
      !isInsideRepo(file instanceof URL ? file.pathname : file)
    ) {
      throw new Error(
        `Tests may not read outside the repository: ${String(file)}. Copy what you need into tests/fixtures.`,
      );
    }
    return original.apply(this, args);
  };
}

for (const name of ['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'readdir', 'openSync', 'open'])
  guard(fs, name);
for (const name of ['readFile', 'readdir', 'open']) guard(fs.promises, name);
syncBuiltinESMExports();
