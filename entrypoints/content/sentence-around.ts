/** The sentence of the page around a point in its text: what a save or a hand-made entry quotes. */
import { blockContainerOf } from '@/lib/dom/blocks';
import { blockOf, sentenceAt } from '@/lib/dom/sentence';
import { languageAt } from './page-language';

/** The sentence's range, and its text with whitespace runs as single spaces. */
export function sentenceAround(node: Node, offset: number): { range: StaticRange; text: string } | undefined {
  if (node.nodeType !== Node.TEXT_NODE) return undefined;
  const container = blockContainerOf(node);
  const block = container && blockOf(container, node as Text);
  const segment = block?.segments.find((s) => s.node === node);
  const sentence = block && segment && sentenceAt(block, segment.start + offset, languageAt(node));
  return sentence ? { range: new StaticRange(sentence), text: sentence.text } : undefined;
}
