/** The sentence around a point of a text block, as DOM positions: what "Save passage" keeps. */
import { splitSentences } from '../glossary/sentences';
import { collectBlocks, locate, type TextBlock } from './blocks';

export interface BlockRange {
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
  readonly text: string;
}

/** The block (of those under `container`) that holds text node `node`. */
export function blockOf(container: Element, node: Text): TextBlock | undefined {
  return collectBlocks(container).find((b) => b.segments.some((s) => s.node === node));
}

/**
 * The sentence of `block` that contains raw offset `offset`, trimmed of surrounding space.
 * `lang` is the language of the block's text (its nearest `lang` attribute, which the caller
 * reads): sentence rules differ by language. Undefined: English rules.
 */
export function sentenceAt(block: TextBlock, offset: number, lang: string | undefined): BlockRange | undefined {
  const sentences = splitSentences(block.raw, lang);
  const sentence =
    sentences.find((s) => offset >= s.start && offset < s.start + s.text.length) ??
    sentences.findLast((s) => s.start <= offset);
  if (!sentence) return undefined;
  const lead = sentence.text.length - sentence.text.trimStart().length;
  const text = sentence.text.trim();
  const start = locate(block, sentence.start + lead, false);
  const end = locate(block, sentence.start + lead + text.length, true);
  return {
    startContainer: start.node,
    startOffset: start.offset,
    endContainer: end.node,
    endOffset: end.offset,
    text: text.replace(/\s+/g, ' '),
  };
}
