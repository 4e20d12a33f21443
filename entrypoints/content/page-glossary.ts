/**
 * Building a glossary from the article on this page. The content script sends only the text
 * of the article's blocks (the scope and blocks it scans anyway); the builder runs in the
 * background, off the page's main thread. The page's URL is the sender's, so a page cannot
 * build a glossary for another.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { type TextBlock, walkBlocks } from '@/lib/dom/blocks';
import { type BackgroundClient, MAX_ARTICLE_BLOCKS, type PageBuildResult } from '@/lib/messages';
import { languageAt } from './page-language';
import { SLICE_MS, yieldToMain } from './yield';

/**
 * Whether the page looks like an article: Readability's own test (the one Firefox's Reader
 * View uses to show its button): enough paragraphs of enough text, outside comments and
 * navigation. Cheap: it reads paragraphs' text and inline styles, no computed style.
 */
export function looksLikeArticle(doc: Document): boolean {
  return isProbablyReaderable(doc);
}

/** The publication date the page declares (Open Graph, schema.org or a <time> element), as an ISO date. */
export function publishedDate(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('meta[name="date"], meta[name="pubdate"], meta[name="publish-date"]')?.getAttribute('content'),
    doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  ];
  for (const value of candidates) {
    const date = value?.trim().slice(0, 10);
    if (date && /^\d{4}-\d{2}-\d{2}$/u.test(date) && !Number.isNaN(Date.parse(date))) return date;
  }
  return undefined;
}

/** The article's blocks, walked in full: the scan after the build can use them instead of walking again. */
export interface WalkedBlocks {
  readonly blocks: readonly TextBlock[];
  /** The DOM watcher's version when the walk began: if it still is, the blocks are the page's. */
  readonly version: number;
}

/**
 * The text of the article's blocks, collected in slices so no task runs long on a huge page;
 * with the blocks themselves, unless the article was cut at MAX_ARTICLE_BLOCKS.
 */
export async function collectArticleText(
  roots: readonly Element[],
  isHidden: (el: Element) => boolean,
  signal: AbortSignal,
): Promise<{ blocks: string[]; walked?: readonly TextBlock[]; busyMs: number }> {
  const blocks: string[] = [];
  const walked: TextBlock[] = [];
  let busyMs = 0;
  let sliceStart = performance.now();
  for (const root of roots) {
    for (const block of walkBlocks(root, { isHidden })) {
      blocks.push(block.raw);
      walked.push(block);
      if (blocks.length >= MAX_ARTICLE_BLOCKS) return { blocks, busyMs: busyMs + performance.now() - sliceStart };
      if (performance.now() - sliceStart > SLICE_MS) {
        busyMs += performance.now() - sliceStart;
        await yieldToMain();
        signal.throwIfAborted();
        sliceStart = performance.now();
      }
    }
  }
  return { blocks, walked, busyMs: busyMs + performance.now() - sliceStart };
}

/**
 * Sends the article to the background to be built into this page's glossary. Records the
 * main-thread time it cost the page as a User Timing measure ("glossa-build", read by the bench).
 */
export async function buildFromPage(
  send: BackgroundClient,
  {
    roots,
    isHidden,
    signal,
    version,
  }: {
    readonly roots: readonly Element[];
    readonly isHidden: (el: Element) => boolean;
    readonly signal: AbortSignal;
    /** The DOM watcher's version (see WalkedBlocks). */
    readonly version: () => number;
  },
): Promise<{ result: PageBuildResult; walked?: WalkedBlocks }> {
  const start = performance.now();
  const walkedAt = version();
  const { blocks, walked, busyMs } = await collectArticleText(roots, isHidden, signal);
  const title = (document.querySelector('h1')?.textContent?.trim() || document.title.trim()).slice(0, 2000);
  const published = publishedDate(document);
  const lang = languageAt(roots[0] ?? document.documentElement);
  const sendStart = performance.now();
  const reply = send({
    type: 'buildPageGlossary',
    title,
    blocks,
    ...(published ? { published } : {}),
    ...(lang && lang.length <= 35 ? { lang } : {}),
  });
  // Serialising the message is main-thread work too.
  const mainMs = busyMs + (performance.now() - sendStart);
  const result = await reply;
  signal.throwIfAborted();
  performance.measure('glossa-build', {
    start,
    end: performance.now(),
    detail: {
      mainMs,
      blocks: blocks.length,
      buildMs: result.buildMs,
      matchMs: result.matchMs,
      entries: result.entries,
    },
  });
  return { result, ...(walked ? { walked: { blocks: walked, version: walkedAt } } : {}) };
}
