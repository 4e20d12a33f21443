/**
 * Reads the glossary's sources (glossary/<slug>/article.txt or article.html, and
 * curation.json) and builds their packs. Shared by `npm run glossary` and the staleness test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { buildPack } from '../lib/glossary/build';
import { cleanPlainText } from '../lib/glossary/clean';
import { cleanHtmlArticle } from '../lib/glossary/clean-html';

export const GLOSSARY_DIR = path.resolve(import.meta.dirname, '../glossary');
export const GENERATED_DIR = path.join(GLOSSARY_DIR, 'generated');

export function sourceFolders(): string[] {
  return readdirSync(GLOSSARY_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'generated')
    .map((d) => path.join(GLOSSARY_DIR, d.name))
    .filter((dir) => existsSync(path.join(dir, 'curation.json')));
}

export function buildSource(dir: string) {
  const curation: unknown = JSON.parse(readFileSync(path.join(dir, 'curation.json'), 'utf8'));
  const txt = path.join(dir, 'article.txt');
  const article = existsSync(txt)
    ? cleanPlainText(readFileSync(txt, 'utf8'))
    : cleanHtmlArticle(new JSDOM(readFileSync(path.join(dir, 'article.html'), 'utf8')).window.document);
  return buildPack(article, curation);
}

/** The generated file for a pack: stable formatting, so a rebuild of unchanged sources is byte-identical. */
export function packFile(packId: string): string {
  return path.join(GENERATED_DIR, `${packId}.pack.json`);
}

export function serialisePack(pack: unknown): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
