/** Cleans an HTML article: its main content's text blocks go through the same cleaning as text. */
import { collectBlocks } from '../dom/blocks';
import { findContentRoots } from '../dom/scope';
import { type CleanArticle, cleanBlocks } from './clean';

export function cleanHtmlArticle(doc: Document): CleanArticle {
  const blocks = findContentRoots(doc)
    .flatMap((root) => collectBlocks(root))
    .map((b) => b.raw);
  const title = doc.querySelector('h1')?.textContent?.trim() || doc.title.trim() || undefined;
  const cleaned = cleanBlocks(blocks);
  return { ...cleaned, title: title ?? cleaned.title };
}
