/** What the content script would mark in a document, computed in Node with the same lib code. */
import { collectBlocks } from '../../lib/dom/blocks';
import { type FoundTerm, findTermsInBlock } from '../../lib/dom/find-terms';
import { findContentRoots } from '../../lib/dom/scope';
import type { Scanner } from '../../lib/match/scan';

/** Each match in the document's main content, described by `describe` (its text by default). */
export function matchesIn(
  document: Document,
  scanner: Scanner,
  describe: (text: string, found: FoundTerm) => string = (text) => text,
): string[] {
  return findContentRoots(document)
    .flatMap((root) => collectBlocks(root))
    .flatMap((block) =>
      findTermsInBlock(block, scanner).map((f) => {
        const range = document.createRange();
        range.setStart(f.startContainer, f.startOffset);
        range.setEnd(f.endContainer, f.endOffset);
        return describe(range.toString(), f);
      }),
    );
}
