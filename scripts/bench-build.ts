/**
 * The on-page builder in `npm run bench`: a 5,000-word article made of the real articles in the
 * repository, loaded with the built extension. Measured side by side in one run:
 *  - main-thread time building adds to the page (collecting the article's text and sending it:
 *    the "glossa-build" measure's mainMs), and the builder's own time in the background;
 *  - time from the article being ready (DOMContentLoaded) to the first marks of its glossary;
 *  - in Node, on the same text: Glossa's builder against compromise's own tagging (nlp(text)
 *    with people, places and organisations), the NER the bundled builder uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import nlp from 'compromise';
import { buildPagePack } from '../lib/glossary/page-build';
import { splitBlocks } from '../lib/glossary/clean';
import type { StaticServer } from '../tests/support/static-server';
import { median } from './median';

const root = path.resolve(import.meta.dirname, '..');

/** Paragraphs of the real articles the repository carries, until `words` words. */
function articleParagraphs(words: number): string[] {
  const texts = [
    readFileSync(path.join(root, 'glossary/tajikistan-moscow-attack/article.txt'), 'utf8'),
    ...['wapo-2', 'bbc-1', 'yahoo-2', 'nytimes-4', 'gitlab-blog'].map((p) =>
      readFileSync(path.join(root, 'tests/fixtures/real-pages', p, 'expected.html'), 'utf8')
        .replace(/<\/p>/g, '\n\n')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&[a-z]+;|&#\d+;/g, ' '),
    ),
  ];
  const out: string[] = [];
  let count = 0;
  for (const block of texts.flatMap((t) => splitBlocks(t))) {
    if (block.split(/\s+/).length < 12) continue;
    out.push(block);
    count += block.split(/\s+/).length;
    if (count >= words) break;
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface BuildBench {
  readonly words: number;
  readonly entries: number;
  readonly mainMs: number;
  readonly backgroundMs: number;
  readonly firstMarksMs: number;
  readonly nodeBuildMs: number;
  readonly compromiseMs: number;
}

export async function benchPageBuild(context: BrowserContext, server: StaticServer, runs: number): Promise<BuildBench> {
  const paragraphs = articleParagraphs(5_000);
  const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
  server.route('/five-thousand-words.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body><main><article><h1>A long read</h1>${paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}</article></main></body></html>`,
  });

  const main: number[] = [];
  const background: number[] = [];
  const firstMarks: number[] = [];
  let entries = 0;
  const page = await context.newPage();
  for (let i = 0; i < runs; i++) {
    await page.goto(server.url(`/five-thousand-words.html?run=${i}`));
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('glossa-build').length > 0 &&
        performance.getEntriesByName('glossa-scan-full').length > 0,
      null,
      { timeout: 60_000 },
    );
    const m = await page.evaluate(() => {
      const build = performance.getEntriesByName('glossa-build')[0] as PerformanceMeasure;
      const scan = performance.getEntriesByName('glossa-scan-full')[0] as PerformanceMeasure;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const detail = build.detail as { mainMs: number; buildMs: number; entries: number };
      return { ...detail, firstMarks: scan.startTime + scan.duration - nav.domContentLoadedEventEnd };
    });
    main.push(m.mainMs);
    background.push(m.buildMs);
    firstMarks.push(m.firstMarks);
    entries = m.entries;
  }
  await page.close();

  // Node, same text: the whole builder against compromise's tagging alone.
  const nodeBuild: number[] = [];
  const compromise: number[] = [];
  const text = paragraphs.join('\n\n');
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    buildPagePack({
      id: 'page-bench',
      url: 'https://bench.test/',
      site: 'bench.test',
      title: 'A long read',
      blocks: paragraphs,
    });
    nodeBuild.push(performance.now() - t);
    t = performance.now();
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    compromise.push(performance.now() - t);
  }
  return {
    words,
    entries,
    mainMs: median(main),
    backgroundMs: median(background),
    firstMarksMs: median(firstMarks),
    nodeBuildMs: median(nodeBuild),
    compromiseMs: median(compromise),
  };
}
