/**
 * An article's matches found in the background and read back by the page: the same matches as
 * the page's own scan of each block, and a reply that does not fit the page's blocks is refused
 * whole, never painted in part.
 */
import { describe, expect, it } from 'vitest';
import {
  type BlockMatches,
  matchBlocks as matchAll,
  rawMatchesInChunks,
  readBlockMatches,
} from '@/lib/match/block-matches';
import { compileMatcher } from '@/lib/match/compile';
import { createScanner } from '@/lib/match/scan';

const matcher = compileMatcher(
  [
    { key: 'crocus', entry: { name: 'Crocus City Hall', aliases: [], kind: 'facility' as const } },
    { key: 'rahmon', entry: { name: 'Emomali Rahmon', aliases: ['Rahmon'], kind: 'person' as const } },
    { key: 'isis-k', entry: { name: 'ISIS-K', aliases: [], kind: 'organization' as const } },
    {
      key: 'defense-ministry',
      entry: {
        name: 'Defense Ministry',
        aliases: [],
        kind: 'organization' as const,
        match: { caseSensitive: [], needsContext: { forms: ['Defense Ministry'], cues: ['Moscow', 'Russian'] } },
      },
    },
  ],
  'v1',
);
const scanner = createScanner(matcher);
const termCount = matcher.terms.length;
/** Matches under the limit: sent. */
const matchBlocks = (blocks: readonly string[], s: typeof scanner) => matchAll(blocks, s)!;

/** What the page's own scan finds in each block: term, raw offsets and qualifier, in order. */
const ownScan = (blocks: readonly string[]) => blocks.map((raw) => [...rawMatchesInChunks(raw, scanner)].flat());

describe('matches found in the background', () => {
  it.each<[string, string[]]>([
    [
      'ordinary blocks, some without a name',
      ['Rahmon spoke at Crocus City Hall.', 'Nothing here.', 'ISIS-K claimed it.'],
    ],
    [
      'names that need context, with and without a qualifier',
      ['The Russian Defense Ministry said.', 'Defense Ministry.'],
    ],
    [
      'a qualifier shared by many matches',
      Array.from({ length: 5 }, () => 'Russian Defense Ministry and Russian Defense Ministry'),
    ],
    [
      'text before a name that folds to another length',
      ['Ｅｍｏｍａｌｉ “Rahmon” ﬁnally — 𝐀 Rahmon', 'e\u0301 Rahmon'],
    ],
    ['a name after an astral character', ['😀Rahmon and 😀 Rahmon😀']],
    ['a block over the chunk size, names at every boundary', ['Emomali Rahmon at Crocus City Hall. '.repeat(1_500)]],
    ['no blocks', []],
  ])('%s: the same matches as the page’s own scan', (_why, blocks) => {
    const sent = matchBlocks(blocks, scanner);
    expect(sent.version).toBe('v1');
    const read = readBlockMatches(
      sent,
      blocks.map((b) => b.length),
      termCount,
    );
    expect(read).toBeDefined();
    const mine = ownScan(blocks);
    expect(blocks.map((_, i) => read!.get(i) ?? [])).toEqual(mine);
    // Only blocks with matches are sent.
    expect([...read!.keys()]).toEqual(mine.flatMap((m, i) => (m.length ? [i] : [])));
  });

  it('finds every name of a long block across its chunks, each once', () => {
    const block = 'Emomali Rahmon at Crocus City Hall. '.repeat(1_500);
    const read = readBlockMatches(matchBlocks([block], scanner), [block.length], termCount)!;
    expect(read.get(0)!.length).toBe(3_000);
    expect(read.get(0)!.map((m) => block.slice(m.start, m.end))).toEqual(
      Array.from({ length: 1_500 }, () => ['Emomali Rahmon', 'Crocus City Hall']).flat(),
    );
  });

  it('sends a qualifier once, however often it stands before a name', () => {
    const sent = matchBlocks(
      ['Russian Defense Ministry, Russian Defense Ministry', 'Russian Defense Ministry'],
      scanner,
    );
    expect(sent.qualifiers).toEqual(['russian']);
  });
});

describe('a page with more matches than are sent', () => {
  it('gets none: it scans for itself', () => {
    const block = 'Rahmon '.repeat(10);
    expect(matchAll([block, block], scanner, 20)?.data.length).toBe(2 * (2 + 10 * 4));
    expect(matchAll([block, block, block], scanner, 20)).toBeUndefined();
  });
});

describe('a reply that does not fit the page', () => {
  const blocks = ['Rahmon spoke.', 'Nothing.', 'The Russian Defense Ministry at Crocus City Hall.'];
  const lengths = blocks.map((b) => b.length);
  const good = matchBlocks(blocks, scanner);
  const withData = (data: number[], more: Partial<BlockMatches> = {}): BlockMatches => ({ ...good, data, ...more });

  it('reads the good one', () => {
    expect(readBlockMatches(good, lengths, termCount)?.size).toBe(2);
  });

  it.each<[string, BlockMatches, (readonly number[])?]>([
    ['another count of blocks', { ...good, blocks: 4 }],
    ['a page with fewer blocks than sent', good, lengths.slice(0, 2)],
    ['a block past the last', withData([3, 1, 0, 0, 1, -1])],
    ['blocks out of order', withData([2, 1, 0, 0, 1, -1, 0, 1, 0, 0, 1, -1])],
    ['a block given twice', withData([0, 1, 0, 0, 1, -1, 0, 1, 0, 0, 1, -1])],
    ['a block with no matches listed', withData([0, 0])],
    ['fewer numbers than the count says', withData([0, 2, 0, 0, 6, -1])],
    ['a term the matcher does not have', withData([0, 1, termCount, 0, 6, -1])],
    ['a negative term', withData([0, 1, -1, 0, 6, -1])],
    ['an end past the block', withData([0, 1, 0, 0, lengths[0]! + 1, -1])],
    ['an empty match', withData([0, 1, 0, 3, 3, -1])],
    ['a negative start', withData([0, 1, 0, -1, 3, -1])],
    ['a qualifier not sent', withData([0, 1, 0, 0, 6, 0], { qualifiers: [] })],
    ['a fractional offset', withData([0, 1, 0, 0.5, 6, -1])],
    ['a number that is not one', withData([0, 1, 0, Number.NaN, 6, -1])],
  ])('%s: refused whole', (_why, matches, pageLengths = lengths) => {
    expect(readBlockMatches(matches, pageLengths, termCount)).toBeUndefined();
  });
});
