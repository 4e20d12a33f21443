import { describe, expect, it } from 'vitest';
import { NO_READER_LINKS } from '@/lib/glossary/identity';
import { buildPersonalGlossary, type EntryOrigin, type PersonalEntry } from '@/lib/glossary/personal';

const entry = (key: string, name: string, origin: EntryOrigin, more: Partial<PersonalEntry> = {}): PersonalEntry => ({
  key,
  name,
  aliases: [],
  kind: 'person',
  mentions: [],
  pack: { origin },
  ...more,
});

const ENTRIES = [
  entry('page-a/putin', 'Putin', 'page'),
  entry('page-b/putin', 'Vladimir Putin', 'page', { aliases: ['Putin'] }),
  entry('seed/putin', 'Vladimir Putin', 'bundled', { aliases: ['Putin', 'Vladimir Vladimirovich Putin'] }),
  entry('page-b/indyk', 'Martin Indyk', 'page', { aliases: ['Indyk'] }),
  entry('hand-x/crocus', 'Crocus City Hall', 'hand', { kind: 'facility' }),
  entry('page-a/hidden', 'Ann Lee', 'page', { hidden: true }),
];

describe('buildPersonalGlossary', () => {
  const glossary = buildPersonalGlossary(ENTRIES, NO_READER_LINKS);

  it('groups one person across articles and packs, named by the reference pack, articles counted', () => {
    expect(glossary.entity('page-a/putin')).toMatchObject({
      name: 'Vladimir Putin',
      origins: expect.arrayContaining(['page', 'bundled']),
      articles: 2,
      hidden: false,
    });
    expect(glossary.entity('page-a/putin')!.aliases).toEqual(['Putin', 'Vladimir Vladimirovich Putin']);
    expect(glossary.entity('nope')).toBeUndefined();
  });

  it('prefers a name the reader gave, then a hand-made entry’s, then the fullest', () => {
    const edited = buildPersonalGlossary(
      [...ENTRIES.slice(0, 3), entry('page-c/putin', 'V. V. Putin', 'page', { edited: true, aliases: ['Putin'] })],
      { merges: [['page-c/putin', 'seed/putin']], alone: new Set() },
    );
    expect(edited.entity('seed/putin')!.name).toBe('V. V. Putin');
  });

  it.each<[string, Parameters<typeof glossary.query>[0], string[]]>([
    ['everything, by name', {}, ['Ann Lee', 'Crocus City Hall', 'Martin Indyk', 'Vladimir Putin']],
    ['by source: added by hand', { origin: 'hand' }, ['Crocus City Hall']],
    ['by source: bundled', { origin: 'bundled' }, ['Vladimir Putin']],
    ['without hidden ones', { includeHidden: false }, ['Crocus City Hall', 'Martin Indyk', 'Vladimir Putin']],
    ['a search, forgiving of case', { query: 'INDYK' }, ['Martin Indyk']],
    ['a search by alias prefix', { query: 'vladimirov' }, ['Vladimir Putin']],
    ['a page of the list', { offset: 1, limit: 2 }, ['Crocus City Hall', 'Martin Indyk']],
    ['a search that finds nothing', { query: 'zzzz' }, []],
  ])('query: %s', (_why, q, names) => {
    const { entities, total } = glossary.query(q);
    expect(entities.map((e) => e.name)).toEqual(names);
    if (q.offset === undefined) expect(total).toBe(names.length);
  });

  it('answers a search the same before and after the index is warmed', () => {
    const cold = buildPersonalGlossary(ENTRIES, NO_READER_LINKS).query({ query: 'crocus' });
    const warm = buildPersonalGlossary(ENTRIES, NO_READER_LINKS);
    warm.warmSearch();
    expect(warm.query({ query: 'crocus' })).toEqual(cold);
  });
});
