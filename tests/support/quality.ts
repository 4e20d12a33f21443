/**
 * Quality of the on-page builder against hand annotations (tests/fixtures/annotations):
 * recall of the core entities (mentioned twice or central) and precision of what it marks.
 * An entry counts as right when one of its forms is a form the annotator wrote for an entity.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { collectBlocks } from '@/lib/dom/blocks';
import { findContentRoots } from '@/lib/dom/scope';
import { splitBlocks } from '@/lib/glossary/clean';
import { buildPagePack } from '@/lib/glossary/page-build';
import type { Pack } from '@/lib/glossary/schema';
import { formKey } from '@/lib/text/normalize';
import { REPO_ROOT } from './repo-boundary';

interface Annotation {
  readonly page: string;
  readonly entities: readonly { name: string; kind: string; core: boolean; forms: string[] }[];
}

export interface QualityRow {
  readonly page: string;
  readonly core: number;
  readonly coreFound: number;
  readonly marked: number;
  readonly right: number;
  readonly missed: readonly string[];
  readonly wrong: readonly string[];
}

// Annotators write "the West" and "West" alike.
// and "Remain Co." for the form the matcher reads as "Remain Co" (a full stop ends no word).
const annotatedKey = (f: string) =>
  formKey(f)
    .replace(/^the /u, '')
    .replace(/[.,]+$/u, '');

/** The article blocks the content script would send: the page's content roots, block by block. */
export function pageBlocks(page: string): { blocks: string[]; title: string } {
  if (page === 'seed') {
    const text = readFileSync(path.join(REPO_ROOT, 'glossary/tajikistan-moscow-attack/article.txt'), 'utf8');
    return { blocks: splitBlocks(text), title: 'Tajikistan and the Moscow terror attack fallout' };
  }
  // The held-out articles keep only Readability's extract of the article (see the folder's
  // README): all of it is the article, so every block of its body is read.
  const dir = path.join(REPO_ROOT, 'tests/fixtures/real-pages', page);
  const extract = !existsSync(path.join(dir, 'source.html'));
  const html = readFileSync(path.join(dir, extract ? 'expected.html' : 'source.html'), 'utf8');
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const blocks = (extract ? [document.body] : findContentRoots(document))
    .flatMap((root) => collectBlocks(root))
    .map((b) => b.raw);
  return { blocks, title: document.title };
}

export function buildFor(page: string): Pack | undefined {
  const { blocks, title } = pageBlocks(page);
  return buildPagePack({ id: 'page-quality', url: `https://example.test/${page}`, site: 'example.test', title, blocks })
    .pack;
}

export function qualityOf(page: string, pack: Pack | undefined): QualityRow {
  const annotation = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'tests/fixtures/annotations', `${page}.json`), 'utf8'),
  ) as Annotation;
  const entries = pack?.entries ?? [];
  const formsOf = (e: { name: string; aliases: readonly string[] }) =>
    new Set([e.name, ...e.aliases].map(annotatedKey));
  const annotated = annotation.entities.map((a) => ({ ...a, keys: new Set([a.name, ...a.forms].map(annotatedKey)) }));
  const wrong = entries.filter((e) => ![...formsOf(e)].some((f) => annotated.some((a) => a.keys.has(f))));
  const core = annotated.filter((a) => a.core);
  const missed = core.filter((a) => !entries.some((e) => [...formsOf(e)].some((f) => a.keys.has(f))));
  return {
    page,
    core: core.length,
    coreFound: core.length - missed.length,
    marked: entries.length,
    right: entries.length - wrong.length,
    missed: missed.map((a) => a.name),
    wrong: wrong.map((e) => e.name),
  };
}
