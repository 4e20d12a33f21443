/** What the content script would mark in a document, computed in Node with the same lib code. */
import { collectBlocks } from '../../lib/dom/blocks';
import { type FoundTerm, findTermsInBlock } from '../../lib/dom/find-terms';
import { findContentRoots } from '../../lib/dom/scope';
import { createContextTracker } from '../../lib/match/context';
import type { Scanner } from '../../lib/match/scan';

/**
 * Each mark in the document's main content, in page order, described by `describe` (its text
 * by default) with the entry indexes it marks. As on a page: a name that needs context marks
 * its entry only once the page names it, and a cue that names no entry marks nothing.
 */
export function matchesIn(
  document: Document,
  scanner: Scanner,
  describe: (text: string, found: FoundTerm, entries: readonly number[]) => string = (text) => text,
): string[] {
  const contexts = createContextTracker<{ at: number; text: string; found: FoundTerm; entry: number }>(scanner.matcher);
  const marks: { at: number; text: string; found: FoundTerm; entries: number[] }[] = [];
  let at = 0;
  findContentRoots(document)
    .flatMap((root) => collectBlocks(root))
    .forEach((block, b) => {
      for (const found of findTermsInBlock(block, scanner)) {
        const range = document.createRange();
        range.setStart(found.startContainer, found.startOffset);
        range.setEnd(found.endContainer, found.endOffset);
        const text = range.toString();
        for (const w of contexts.see(found.term, found.qualifier, b)) marks.push({ ...w, entries: [w.entry] });
        const { now, waiting } = contexts.decide(found.term, found.qualifier, b);
        for (const w of waiting) contexts.wait({ at, text, found, entry: w.entry }, w.context, b);
        if (now.length > 0) marks.push({ at, text, found, entries: [...now] });
        at++;
      }
    });
  return marks.sort((a, b) => a.at - b.at).map((m) => describe(m.text, m.found, m.entries));
}
