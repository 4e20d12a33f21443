/**
 * The language a page declares for its text, for the rules that split it into sentences
 * (lib/glossary/sentences.ts takes it as a parameter). A page may mix languages: a quote or
 * a whole article in another language carries its own `lang`.
 */

/** The language at `node`: its nearest `lang` attribute (the root's included); undefined where none is given. */
export function languageAt(node: Node): string | undefined {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  // lang="" says the language is unknown: English rules, not an ancestor's language.
  return element?.closest('[lang]')?.getAttribute('lang')?.trim() || undefined;
}
