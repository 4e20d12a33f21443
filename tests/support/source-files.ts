/**
 * The extension's own source files, parsed with the TypeScript compiler API, for tests that
 * read the code itself (which message keys it uses, where it writes text a reader sees).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './repo-boundary';

export interface Source {
  /** The path from the repository's root, with forward slashes. */
  readonly file: string;
  readonly ast: ts.SourceFile;
}

/** The .ts and .tsx files under `dir` (a folder of the repository), or in it alone when not `deep`. */
export function sourceFiles(dir: string, { deep = true } = {}): Source[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: deep })
    .map((name) => path.join(dir, String(name)).split(path.sep).join('/'))
    .filter((file) => /\.tsx?$/u.test(file) && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => parse(file));
}

export function parse(file: string): Source {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { file, ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

/** Every node of the tree, depth first. */
export function* nodes(root: ts.Node): Generator<ts.Node> {
  yield root;
  for (const child of root.getChildren()) yield* nodes(child);
}

/** Where a node is, for a failure message: "components/PopupApp.tsx:12". */
export function where(source: Source, node: ts.Node): string {
  return `${source.file}:${source.ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}
