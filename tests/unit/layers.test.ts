/** One card per entity: entries grouped across packs, general lines first, then article layers. */
import { describe, expect, it } from 'vitest';
import { isFromPage, type LayerableEntry, layerEntries, linkToReferences } from '@/lib/glossary/layers';

const SEED_URL = 'https://www.diplomaticourier.com/posts/tajikistan-and-the-moscow-terror-attack-fallout';
const PAGE_URL = 'https://news.example/kyiv-story';

function entry(
  key: string,
  name: string,
  more: Partial<LayerableEntry> & { origin?: string; url?: string; published?: string } = {},
): LayerableEntry {
  const { origin = 'bundled', url, published, ...rest } = more;
  return {
    key,
    name,
    aliases: [],
    kind: 'place',
    mentions: [],
    pack: { origin, source: { ...(url ? { url } : {}), ...(published ? { published } : {}) } },
    ...rest,
  };
}

const worldUkraine = entry('world/ukraine', 'Ukraine', {
  general: { text: 'Country in Eastern Europe; capital Kyiv.', source: 'world-countries 5.1.0 (ODbL-1.0)' },
});
const seedUkraine = entry('seed/ukraine', 'Ukraine', {
  summary: 'The country Russia is at war with.',
  mentions: [{}],
  sameAs: ['world/ukraine'],
  url: SEED_URL,
  published: '2024-04-15',
});
const pageUkraine = entry('page-1/ukraine', 'Ukraine', {
  summary: 'its neighbour',
  mentions: [{}],
  origin: 'page',
  url: PAGE_URL,
  sameAs: ['world/ukraine'],
});
const israel = entry('world/israel', 'Israel', { general: { text: 'Country in Western Asia.', source: 'w' } });

describe('layered cards', () => {
  it.each<[string, LayerableEntry[], string | undefined, string[][]]>([
    [
      'one entity from two packs is one card',
      [seedUkraine, worldUkraine],
      'https://news.example/other',
      [['world/ukraine']],
    ],
    ['two entities stay two cards', [worldUkraine, israel], undefined, [['world/ukraine'], ['world/israel']]],
  ])('%s', (_why, entries, pageUrl, generalKeys) => {
    const layered = layerEntries(entries, pageUrl);
    expect(layered.map((l) => l.general.map((g) => (entries.find((e) => e.general === g) ?? entries[0]!).key))).toEqual(
      generalKeys,
    );
  });

  it('on an unrelated page, leads with the neutral line and labels the article layer as elsewhere', () => {
    const [card] = layerEntries([seedUkraine, worldUkraine], 'https://news.example/other');
    expect(card!.general).toEqual([worldUkraine.general]);
    expect(card!.articles).toEqual([{ entry: seedUkraine, here: false }]);
    expect(card!.keys).toEqual(['seed/ukraine', 'world/ukraine']);
  });

  it('on the source page, the article layer is "this article"', () => {
    const [card] = layerEntries([worldUkraine, seedUkraine], `${SEED_URL}/#comments`);
    expect(card!.articles).toEqual([{ entry: seedUkraine, here: true }]);
  });

  it('puts the page’s own layer first, then other articles newest first', () => {
    const older = entry('old/ukraine', 'Ukraine', {
      summary: 'old',
      mentions: [{}],
      published: '2020-01-01',
      sameAs: ['seed/ukraine'],
    });
    const [card] = layerEntries([older, seedUkraine, pageUkraine, worldUkraine], PAGE_URL);
    expect(card!.articles.map((a) => [a.entry.key, a.here])).toEqual([
      ['page-1/ukraine', true],
      ['seed/ukraine', false],
      ['old/ukraine', false],
    ]);
  });

  it('groups by alias, keeps the article’s name and kind, and gathers aliases once', () => {
    const world = entry('world/cote', 'Ivory Coast', {
      aliases: ["Côte d'Ivoire", 'Republic of Côte d’Ivoire'],
      general: { text: 'Country in West Africa.', source: 'w' },
    });
    const article = entry('page-2/cote', "Côte d'Ivoire", {
      sameAs: ['world/cote'],
      summary: 'x',
      mentions: [{}],
      origin: 'page',
      kind: 'concept',
    });
    const [card, ...rest] = layerEntries([world, article]);
    expect(rest).toEqual([]);
    expect(card).toMatchObject({
      name: "Côte d'Ivoire",
      kind: 'place',
      aliases: ['Ivory Coast', 'Republic of Côte d’Ivoire'],
    });
  });

  it('keeps two entities of one name apart when nothing links them', () => {
    const idaho = entry('mine/moscow', 'Moscow', { summary: 'A small city in Idaho.', mentions: [{}] });
    const russia = entry('world/moscow', 'Moscow', { general: { text: 'Capital of Russia.', source: 'w' } });
    expect(layerEntries([idaho, russia]).map((l) => l.keys)).toEqual([['mine/moscow'], ['world/moscow']]);
  });

  it('joins groups that a later entry links together', () => {
    const a = entry('a/x', 'X', { summary: 'a', mentions: [{}] });
    const b = entry('b/x', 'X', { summary: 'b', mentions: [{}] });
    const c = entry('c/x', 'X', { general: { text: 'g', source: 's' }, sameAs: ['a/x', 'b/x'] });
    const [card, ...rest] = layerEntries([a, b, c]);
    expect(rest).toEqual([]);
    expect([...card!.keys].sort()).toEqual(['a/x', 'b/x', 'c/x']);
  });

  it.each<[string, LayerableEntry, string | undefined, boolean]>([
    ['a page-built pack on its own page', pageUkraine, PAGE_URL, true],
    ['a page-built pack on another page', pageUkraine, 'https://news.example/other', false],
    ['a page-built pack where the page is unknown', pageUkraine, undefined, false],
    ['a bundled pack on its source URL', seedUkraine, SEED_URL, true],
    ['a bundled pack elsewhere', seedUkraine, 'https://news.example/', false],
    ['a pack with no URL', worldUkraine, SEED_URL, false],
    ['a malformed page URL', seedUkraine, 'not a url', false],
  ])('is from the page: %s', (_why, e, url, expected) => {
    expect(isFromPage(e, url)).toBe(expected);
  });
});

describe('linking page-built entries to the reference', () => {
  const refs = [
    { key: 'world/ukraine', name: 'Ukraine', aliases: [], general: {}, mentions: [] },
    { key: 'world/jordan', name: 'Jordan', aliases: [], general: {}, mentions: [], match: { needsContext: {} } },
    { key: 'seed/russia', name: 'Russia', aliases: [], general: {}, mentions: [{}] },
    { key: 'world/georgia-a', name: 'Twin', aliases: [], general: {}, mentions: [] },
    { key: 'world/georgia-b', name: 'Twin', aliases: [], general: {}, mentions: [] },
  ];
  it.each<[string, string, string[] | undefined]>([
    ['a country by its name', 'Ukraine', ['world/ukraine']],
    ['not a name that needs context', 'Jordan', undefined],
    ['not an article entry', 'Russia', undefined],
    ['not a name two references hold', 'Twin', undefined],
    ['not an unknown name', 'Zorblax', undefined],
  ])('%s', (_why, name, sameAs) => {
    const [linked] = linkToReferences(
      [{ name, aliases: [] as string[], sameAs: undefined as string[] | undefined }],
      refs,
    );
    expect(linked!.sameAs).toEqual(sameAs);
  });
});
