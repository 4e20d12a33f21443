/**
 * What the World pack costs a page: the content script's own scan code (blocks, matching,
 * context decisions) over the 1 MB page, with the seed pack alone and with seed + World,
 * interleaved run by run so the machine's noise falls on both alike. Run in Node with jsdom:
 * the browser rows of `npm run bench` always include every bundled pack.
 */
import { JSDOM } from 'jsdom';
import { collectBlocks } from '../lib/dom/blocks';
import { findTermsInBlock } from '../lib/dom/find-terms';
import { findContentRoots } from '../lib/dom/scope';
import type { Pack } from '../lib/glossary/schema';
import { compileMatcher } from '../lib/match/compile';
import { createContextTracker } from '../lib/match/context';
import { createScanner, type Scanner } from '../lib/match/scan';
import { median } from './median';

function scannerFor(packs: readonly Pack[]): Scanner {
  const items = packs.flatMap((p) => p.entries.map((entry) => ({ key: `${p.id}/${entry.id}`, entry })));
  return createScanner(compileMatcher(items, 'bench'));
}

/** One scan of the page's blocks as the content script runs it; returns the marks made. */
function scanOnce(blocks: ReturnType<typeof collectBlocks>, scanner: Scanner): number {
  const contexts = createContextTracker<number>(scanner.matcher);
  let marks = 0;
  blocks.forEach((block, b) => {
    for (const found of findTermsInBlock(block, scanner)) {
      marks += contexts.see(found.term, found.qualifier, b).length;
      const { now, waiting } = contexts.decide(found.term, found.qualifier, b);
      if (now.length > 0) marks++;
      for (const w of waiting) contexts.wait(1, w.context, b);
    }
  });
  return marks;
}

export interface WorldCost {
  readonly entries: { readonly seed: number; readonly world: number };
  readonly seedOnlyMs: number;
  readonly withWorldMs: number;
  readonly marks: { readonly seedOnly: number; readonly withWorld: number };
}

export function benchWorldCost(html: string, seed: Pack, world: Pack, runs: number): WorldCost {
  const { document } = new JSDOM(html).window;
  const blocks = findContentRoots(document).flatMap((root) => collectBlocks(root));
  const seedOnly = scannerFor([seed]);
  const withWorld = scannerFor([seed, world]);
  scanOnce(blocks, seedOnly); // warm both: the first run pays for compiling the page's code paths
  scanOnce(blocks, withWorld);
  const a: number[] = [];
  const b: number[] = [];
  let marks = { seedOnly: 0, withWorld: 0 };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    marks = { ...marks, seedOnly: scanOnce(blocks, seedOnly) };
    a.push(performance.now() - t);
    t = performance.now();
    marks = { ...marks, withWorld: scanOnce(blocks, withWorld) };
    b.push(performance.now() - t);
  }
  return {
    entries: { seed: seed.entries.length, world: world.entries.length },
    seedOnlyMs: median(a),
    withWorldMs: median(b),
    marks,
  };
}
