/** Terms in a block, whole or chunk by chunk: a long block gives the same marks either way. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '@/lib/dom/blocks';
import { findTermsInBlock, findTermsInChunks, type FoundTerm } from '@/lib/dom/find-terms';
import { compileMatcher } from '@/lib/match/compile';
import { createScanner } from '@/lib/match/scan';

const scanner = createScanner(
  compileMatcher(
    [
      ['crocus', 'Crocus City Hall'],
      ['rahmon', 'Emomali Rahmon'],
      ['putin', 'Putin'],
    ].map(([key, name]) => ({ key: key!, entry: { name: name!, aliases: [], kind: 'place' as const } })),
    'test',
  ),
);

function blockOf(html: string) {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  return collectBlocks(document.body)[0]!;
}

const describeFound = (f: FoundTerm) => `${f.term}@${f.startOffset}-${f.endOffset}`;

describe('terms chunk by chunk', () => {
  it.each<[string, string, number]>([
    ['a name across a chunk boundary', 'word '.repeat(9) + 'Crocus City Hall ' + 'word '.repeat(20), 50],
    ['names at every boundary', 'Emomali Rahmon and Putin met at Crocus City Hall. '.repeat(40), 37],
    ['one long word per chunk', 'inputing Putin '.repeat(30) + 'x'.repeat(80) + ' Putin', 16],
    ['a chunk with no space to end at', 'y'.repeat(120) + ' Putin', 25],
  ])('%s: the same marks as the whole block', (_why, text, chunkChars) => {
    const block = blockOf(`<p>${text}</p>`);
    const whole = findTermsInBlock(block, scanner).map(describeFound);
    const chunks = [...findTermsInChunks(block, scanner, chunkChars)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat().map(describeFound)).toEqual(whole);
    expect(whole.length).toBeGreaterThan(0);
  });

  it('gives an ordinary block in one chunk', () => {
    const chunks = [...findTermsInChunks(blockOf('<p>Putin spoke.</p>'), scanner)];
    expect(chunks.map((c) => c.length)).toEqual([1]);
  });
});
