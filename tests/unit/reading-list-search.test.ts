import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDatabase } from '@/lib/db/database';
import { deletePassage, importPassages, savePassage, updatePassage } from '@/lib/db/passages';
import { createReadingListSearch } from '@/lib/search/reading-list-search';
import { passage } from '../support/passages';

const input = (text: string, url = 'https://news.example/a') => ({
  text,
  quote: { type: 'TextQuoteSelector' as const, exact: text, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 0, end: text.length },
  url,
  title: 'A story',
  entries: [],
});

describe('the reading list’s ranked search, kept by the background', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('builds its index on the first search only, then pages the ranked matches', async () => {
    for (let i = 0; i < 7; i++) await savePassage(input(`Dushanbe report number ${i}.`), 1000 + i);
    await savePassage(input('Something else entirely.'), 2000);
    const search = createReadingListSearch();
    expect(search.built).toBeUndefined();
    const first = await search.search({ query: 'dushanbe', limit: 3 });
    expect(search.built?.passages).toBe(8);
    expect(first.total).toBe(7);
    expect(first.passages).toHaveLength(3);
    expect(first.next).toEqual({ rank: 3 });
    const second = await search.search({ query: 'dushanbe', limit: 3, cursor: first.next! });
    const third = await search.search({ query: 'dushanbe', limit: 3, cursor: second.next! });
    expect(third.next).toBeUndefined();
    expect(second.total).toBeUndefined();
    const ids = [...first.passages, ...second.passages, ...third.passages].map((p) => p.id);
    expect(new Set(ids).size).toBe(7);
  });

  it.each<[string, string]>([
    ['a typo', 'dushnabe'],
    ['a prefix', 'dusha'],
  ])('forgives %s', async (_label, query) => {
    await savePassage(input('Dushanbe airport reopened.'));
    const page = await createReadingListSearch().search({ query, limit: 10 });
    expect(page.passages.map((p) => p.text)).toEqual(['Dushanbe airport reopened.']);
  });

  it('stays current as passages are saved, edited and deleted, also while it is being built', async () => {
    const { passage: a } = await savePassage(input('Kremlin readout published.'));
    const search = createReadingListSearch();
    const texts = async (query: string) => (await search.search({ query, limit: 10 })).passages.map((p) => p.text);
    // A save before any search: nothing to keep current yet; the first search reads it.
    expect(await texts('kremlin')).toEqual(['Kremlin readout published.']);
    const { passage: b } = await savePassage(input('Kremlin denies the report.', 'https://news.example/b'));
    search.saved(b);
    expect(await texts('denies')).toEqual(['Kremlin denies the report.']);
    search.saved(await updatePassage(a.id, { note: 'runway' }));
    expect(await texts('runway')).toEqual(['Kremlin readout published.']);
    await deletePassage(b.id);
    search.deleted(b.id);
    expect(await texts('kremlin')).toEqual(['Kremlin readout published.']);
    // Changes made while the index is being built are applied once it is.
    search.forget();
    const building = search.search({ query: 'kremlin', limit: 10 });
    const { passage: c } = await savePassage(input('Kremlin again.', 'https://news.example/c'));
    search.saved(c);
    await deletePassage(a.id);
    search.deleted(a.id);
    await building;
    expect(await texts('kremlin')).toEqual(['Kremlin again.']);
  });

  it('answers a search of stop words only in time order, from the word index, paged by time', async () => {
    for (let i = 0; i < 3; i++) await savePassage(input(`The report number ${i}.`), 1000 + i);
    const search = createReadingListSearch();
    const first = await search.search({ query: 'the', limit: 2 });
    expect(first.passages.map((p) => p.text)).toEqual(['The report number 2.', 'The report number 1.']);
    expect(first.next).toMatchObject({ savedAt: 1001 });
    const next = await search.search({ query: 'the', limit: 2, cursor: first.next! });
    expect(next.passages.map((p) => p.text)).toEqual(['The report number 0.']);
    // No index was needed.
    expect(search.built).toBeUndefined();
  });

  it('narrows by site, tag and entry, and answers the counts and choices when asked', async () => {
    await importPassages([
      passage({ id: 'x', text: 'Moscow talks.', site: 'a.example', url: 'https://a.example/1', tags: ['t'] }),
      passage({ id: 'y', text: 'Moscow talks again.', site: 'b.example', url: 'https://b.example/1', tags: [] }),
    ]);
    const search = createReadingListSearch();
    const page = await search.search({ query: 'moscow', site: 'b.example', limit: 10, facets: true });
    expect(page.passages.map((p) => p.id)).toEqual(['y']);
    expect(page.stored).toBe(2);
    expect(page.facets?.sites).toEqual(['a.example', 'b.example']);
    expect((await search.search({ query: 'moscow', tag: 't', limit: 10 })).passages.map((p) => p.id)).toEqual(['x']);
  });
});
