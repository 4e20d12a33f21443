/**
 * Finds glossary terms in DOM text blocks and turns each match into a range descriptor
 * (start and end text node and offset), ready to become a StaticRange for painting.
 */
import { CHUNK_CHARS, type RawMatch, rawMatchesInChunks } from '../match/block-matches';
import type { Scanner } from '../match/scan';
import { locate, type TextBlock } from './blocks';

export interface FoundTerm {
  /** Index into the matcher's terms. */
  readonly term: number;
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
  /**
   * For a form that needs context: the capitalised word right before it (see lib/match/context).
   * Always present, undefined for most: one object shape for every match keeps the scan's hot
   * loop monomorphic.
   */
  readonly qualifier: string | undefined;
}

/** A term found in `block` (offsets into its raw text), in the page's nodes: also its StaticRange's init. */
export function toFound(block: TextBlock, m: RawMatch): FoundTerm {
  const start = locate(block, m.start, false);
  const end = locate(block, m.end, true);
  return {
    term: m.term,
    startContainer: start.node,
    startOffset: start.offset,
    endContainer: end.node,
    endOffset: end.offset,
    qualifier: m.qualifier,
  };
}

export function findTermsInBlock(block: TextBlock, scanner: Scanner): FoundTerm[] {
  return [...findTermsInChunks(block, scanner, Infinity)].flat();
}

/** The terms of a block, chunk by chunk (see rawMatchesInChunks): one chunk for an ordinary block. */
export function* findTermsInChunks(
  block: TextBlock,
  scanner: Scanner,
  chunkChars = CHUNK_CHARS,
): Generator<FoundTerm[], void, undefined> {
  for (const chunk of rawMatchesInChunks(block.raw, scanner, chunkChars)) yield chunk.map((m) => toFound(block, m));
}

/**
 * Found terms given by the background (lib/match/block-matches), in pieces of at most
 * `piece`, so the caller can yield between them as it does between a long block's chunks.
 */
export function* foundInPieces(
  block: TextBlock,
  matches: readonly RawMatch[],
  piece: number,
): Generator<FoundTerm[], void, undefined> {
  for (let i = 0; i < matches.length; i += piece) yield matches.slice(i, i + piece).map((m) => toFound(block, m));
}
