import { describe, expect, it } from 'vitest';
import { foldForSearch, formKey, isWordCharAt, normalize, normalizeWithMap } from '@/lib/text/normalize';

describe('normalize', () => {
  it.each([
    ['en dash', 'ISIS–K', 'ISIS-K'],
    ['em dash', 'ISIS—K', 'ISIS-K'],
    ['hyphen U+2010', 'ISIS‐K', 'ISIS-K'],
    ['non-breaking hyphen', 'ISIS‑K', 'ISIS-K'],
    ['figure dash', 'ISIS‒K', 'ISIS-K'],
    ['minus sign', 'ISIS−K', 'ISIS-K'],
    ['curly apostrophe', 'Russia’s', "Russia's"],
    ['no-break space', '22\u00a0March', '22 March'],
    ['narrow no-break space', '22\u202fMarch', '22 March'],
    ['soft hyphen', 'Tajiki\u00adstan', 'Tajikistan'],
    ['zero-width space', 'Dush\u200banbe', 'Dushanbe'],
    ['BOM', '\ufeffMoscow', 'Moscow'],
    ['runs of spaces and line breaks', '201st military\n      base', '201st military base'],
    ['fullwidth letters (NFKC)', 'ＭＯＳＣＯＷ', 'MOSCOW'],
    ['ligature (NFKC)', 'ﬁnance', 'finance'],
    ['astral characters kept', 'a 𝒳 b', 'a X b'],
  ])('folds %s', (_label, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('maps every folded character back to its source', () => {
    const source = 'The\u00a0ISIS–K  attack\u00ad in Russia’s ﬁeld';
    const { text, map } = normalizeWithMap(source);
    expect(text).toBe("The ISIS-K attack in Russia's field");
    const i = text.indexOf('ISIS-K');
    expect(source.slice(map[i]!, map[i + 6]!)).toBe('ISIS–K');
    const j = text.indexOf("Russia's");
    expect(source.slice(map[j]!, map[j + 8]!)).toBe('Russia’s');
    expect(map[text.length]).toBe(source.length);
    // Both characters of the expanded ligature point at the ligature.
    const f = text.indexOf('field');
    expect(map[f]).toBe(map[f + 1]);
  });

  // Text whose characters each fold to one takes a faster path (native replacement, the
  // identity map); text that drops, expands or collapses takes the general one. Both must agree
  // with the definition: each character folded alone, runs of spaces made one.
  it.each([
    ['curly quotes and dashes, one for one', 'Russia’s “ISIS–K” attack'],
    ['a line break alone', 'Crocus City\nHall'],
    ['accented letters', 'Emomali Rahmón in Dushanbe'],
    ['a space and a line break together', 'Crocus \nCity Hall'],
    ['a no-break space after a space', 'a \u00a0b'],
    ['a soft hyphen dropped', 'Tajiki\u00adstan’s'],
    ['a ligature expanded', 'ﬁnance’s'],
    ['astral characters', 'a 𝒳’s b'],
    ['a tab', 'a\tb'],
    ['leading and trailing line breaks', '\nMoscow\n'],
  ])('folds %s the same on either path, and maps each character back', (_label, source) => {
    const { text, map } = normalizeWithMap(source);
    const expected = [...source]
      .map((ch) => (ch.charCodeAt(0) < 0x80 ? (/\s/.test(ch) ? ' ' : ch) : normalize(`a${ch}a`).slice(1, -1) || ''))
      .join('')
      .replace(/ {2,}/g, ' ');
    expect(text).toBe(expected);
    expect(map[text.length]).toBe(source.length);
    // Each folded character comes from a source character that folds to it (or to what includes it).
    for (let i = 0; i < text.length; i++) {
      const from = source.codePointAt(map[i]!)!;
      const alone = normalize(`a${String.fromCodePoint(from)}a`).slice(1, -1) || ' ';
      expect(
        alone.includes(text[i]!),
        `${JSON.stringify(text[i])} from ${JSON.stringify(String.fromCodePoint(from))}`,
      ).toBe(true);
    }
  });

  it.each([
    ['Rahmón', 'rahmon'],
    ['ISIS–K', 'isis-k'],
    ['  Crocus  City Hall ', 'crocus city hall'],
    ['Matvéyev', 'matveyev'],
  ])('folds %s for search to %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it.each([
    ['ISIS–K', 'isis-k'],
    ['Russia’s', "russia's"],
    ['Rahmón', 'rahmón'],
    ['Crocus\u00a0City Hall', 'crocus city hall'],
  ])('keys the form %s as %s (accents kept)', (input, expected) => {
    expect(formKey(input)).toBe(expected);
  });

  it.each([
    ['abc', 1, true],
    ['a-c', 1, false],
    ['a c', 1, false],
    ['é', 0, true],
    ['a', -1, false],
    ['a', 1, false],
    ['x𝒳', 1, true],
    ['Москва', 2, true],
  ])('isWordCharAt(%j, %d) is %s', (text, index, expected) => {
    expect(isWordCharAt(text, index)).toBe(expected);
  });
});
