import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { describeOffsets, type RootText } from '@/lib/anchoring/describe';

const original =
  'Moscow remains worried about the growing presence of the Islamic terrorists in Tajikistan, a home of the Russian 201st military base. ' +
  'But the Kremlin seems to pay much more attention to Ukraine’s alleged ambitions to recruit mercenaries in the landlocked nation.';
const quoteText = 'a home of the Russian 201st military base';
const start = original.indexOf(quoteText);
const selectors = describeOffsets({ text: original, nodes: [] } as RootText, start, start + quoteText.length);

describe('re-anchoring a saved passage', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    ['an unchanged page: by position', original, quoteText, 'position'],
    ['text added before it: by quote', `Breaking: an update. ${original}`, quoteText, 'quote'],
    [
      'a word changed inside it: approximately',
      original.replace('Russian 201st', 'Russian-run 201st'),
      'a home of the Russian-run 201st military base',
      'fuzzy',
    ],
    [
      'a typo fixed inside it: approximately',
      original.replace('military base', 'military  base'),
      'a home of the Russian 201st military  base',
      'fuzzy',
    ],
    [
      'the passage removed: not found',
      original.replace(quoteText, 'a place far away from everything we know'),
      undefined,
      undefined,
    ],
  ])('%s', (_label, page, expectedText, method) => {
    const found = anchor(page, selectors);
    if (expectedText === undefined) {
      expect(found).toBeUndefined();
      return;
    }
    expect(found).toBeDefined();
    expect(page.slice(found!.start, found!.end)).toBe(expectedText);
    expect(found!.method).toBe(method);
  });

  it('tells repeated quotes apart by their context', () => {
    const page = 'First: the Kremlin said no. Second: the Kremlin said yes. Third: the Kremlin said maybe.';
    const at = page.indexOf('the Kremlin said', page.indexOf('Second'));
    const s = describeOffsets({ text: page, nodes: [] } as RootText, at, at + 'the Kremlin said'.length);
    // The page changed so the position no longer fits, but the prefix "Second: " still does.
    const changed = `Update. ${page}`;
    const found = anchor(changed, { quote: s.quote })!;
    expect(changed.slice(found.start - 8, found.start)).toBe('Second: ');
  });
});
