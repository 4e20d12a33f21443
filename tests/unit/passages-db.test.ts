import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database, DATABASE_NAME, deleteDatabase } from '@/lib/db/database';
import {
  allPassages,
  deletePassage,
  explainStorageError,
  importPassages,
  listPassages,
  MAX_PAGE,
  type PassageCursor,
  type PassagePage,
  type PassageQuery,
  passagesForUrl,
  PLANNER,
  restorePassage,
  savePassage,
  searchPassages,
  StorageFullError,
  storedPassage,
  updatePassage,
} from '@/lib/db/passages';
import type { Passage, PassageInput } from '@/lib/passages/schema';
import { random } from '../support/generate';
import { errorText, translate } from '@/components/i18n';
import { rejectionText } from '../support/i18n';
import { passage } from '../support/passages';

const input = (exact = 'Rahmon spoke with Putin.'): PassageInput => ({
  text: exact,
  quote: { type: 'TextQuoteSelector', exact, prefix: 'President Emomali ', suffix: ' Such a statement' },
  position: { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
  url: 'https://news.example/story#section-2',
  title: 'A story',
  entries: ['pack/emomali-rahmon'],
});

describe('the reading list store', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('saves a passage with everything needed to find it again', async () => {
    const { passage: p, duplicate } = await savePassage(input(), 1000);
    expect(duplicate).toBe(false);
    expect(p).toMatchObject({
      url: 'https://news.example/story',
      site: 'news.example',
      savedAt: 1000,
      note: '',
      tags: [],
      link: 'https://news.example/story#:~:text=Emomali-,Rahmon%20spoke%20with%20Putin.,-Such%20a',
    });
  });

  it('does not duplicate the same passage saved twice', async () => {
    const first = await savePassage(input());
    const second = await savePassage(input());
    expect(second).toEqual({ passage: first.passage, duplicate: true });
    expect(await allPassages()).toHaveLength(1);
  });

  it('searches text, notes and tags, folding case and accents', async () => {
    const { passage: a } = await savePassage(input('Rahmon spoke with Putin.'));
    await savePassage(input('The Kremlin did not summon the ambassador.'));
    await updatePassage(a.id, { note: 'Célèbre appel', tags: ['Diplomacy'] });
    expect((await searchPassages('celebre')).map((p) => p.id)).toEqual([a.id]);
    expect((await searchPassages('diplomacy putin')).map((p) => p.id)).toEqual([a.id]);
    expect(await searchPassages('kremlin ambassador')).toHaveLength(1);
    expect(await searchPassages('nothing like this')).toHaveLength(0);
  });

  it('deletes and restores (undo) a passage as it was', async () => {
    const { passage: p } = await savePassage(input());
    await updatePassage(p.id, { tags: ['a', 'a', ' b '] });
    const deleted = await deletePassage(p.id);
    expect(deleted?.tags).toEqual(['a', 'b']);
    expect(await allPassages()).toHaveLength(0);
    await restorePassage(deleted!);
    expect(await allPassages()).toEqual([deleted]);
    expect(await passagesForUrl('https://news.example/story#other')).toEqual([deleted]);
  });

  it('imports only what is new', async () => {
    await importPassages([passage()]);
    expect(
      await importPassages([passage(), passage({ id: 'p2', quote: { ...passage().quote, exact: 'Other.' } })]),
    ).toEqual({
      added: 1,
      skipped: 1,
      rejected: 0,
      problems: [],
    });
    expect(await allPassages()).toHaveLength(2);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
    'file:///etc/passwd',
    'chrome-extension://abcdefghijklmnop/options.html',
    'https://user@evil.example/',
  ])('refuses to save a passage from %j', async (url) => {
    expect(await rejectionText(savePassage({ ...input(), url }))).toMatch(/web pages|http: or https:/);
    expect(await allPassages()).toHaveLength(0);
  });

  it('files a saved passage under its URL’s hostname, as the URL parser spells it', async () => {
    const { passage: p } = await savePassage({ ...input(), url: 'https://WWW.Bücher.example:8443/a#b' });
    expect(p).toMatchObject({ url: 'https://www.xn--bcher-kva.example:8443/a', site: 'www.xn--bcher-kva.example' });
  });

  it('imports web pages only, says why it skipped the others, and derives each site from the URL', async () => {
    const other = (id: string, url: string, site = 'news.example') =>
      passage({ id, url, site, quote: { ...passage().quote, exact: `Quote ${id}.` } });
    const result = await importPassages([
      other('data', 'data:text/html,<script>alert(1)</script>'),
      other('js', 'javascript:alert(1)'),
      other('settings', 'chrome://settings'),
      other('file', 'file:///etc/passwd'),
      other('ext', 'chrome-extension://abcdefghijklmnop/options.html'),
      other('good', 'https://news.example/story', 'bank.example'),
    ]);
    expect({ ...result, problems: result.problems.map((p) => ({ ...p, reason: translate(p.reason) })) }).toEqual({
      added: 1,
      skipped: 0,
      rejected: 5,
      problems: [
        { index: 0, id: 'data', reason: expect.stringContaining('not a web address (data:)') },
        { index: 1, id: 'js', reason: expect.stringContaining('not a web address (javascript:)') },
        { index: 2, id: 'settings', reason: expect.stringContaining('not a web address (chrome:)') },
        { index: 3, id: 'file', reason: expect.stringContaining('not a web address (file:)') },
        { index: 4, id: 'ext', reason: expect.stringContaining('not a web address (chrome-extension:)') },
      ],
    });
    const stored = await allPassages();
    expect(stored.map((p) => [p.id, p.url, p.site])).toEqual([['good', 'https://news.example/story', 'news.example']]);
    expect(await searchPassages('bank')).toHaveLength(0);
  });

  it('restores only passages from web pages, with the site their URL gives', async () => {
    expect(await rejectionText(restorePassage(passage({ url: 'javascript:alert(1)' })))).toMatch(
      /^This passage cannot be restored: not a web address \(javascript:\)/,
    );
    await restorePassage(passage({ site: 'bank.example' }));
    expect((await allPassages()).map((p) => p.site)).toEqual(['news.example']);
  });

  it('explains a full disk instead of swallowing it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(explainStorageError(quota)).toBeInstanceOf(StorageFullError);
    expect(explainStorageError(new Dexie.AbortError('aborted', quota))).toBeInstanceOf(StorageFullError);
    expect(errorText(explainStorageError(quota))).toMatch(/storage quota reached\). Nothing was lost/);
    const other = new Error('other');
    expect(explainStorageError(other)).toBe(other);
  });
});

describe('schema upgrades', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('gives every passage saved under version 3 its search words, and drops the old search text', async () => {
    // The database as version 3 of Glossa left it: the folded text in `search`, no `words`.
    const v3 = new Dexie(DATABASE_NAME);
    v3.version(1).stores({ packs: 'id, origin', entries: 'key, packId', settings: 'key' });
    v3.version(3).stores({ passages: 'id, &dedupe, url, site, savedAt, *tags, *entries' });
    const old = [
      passage({ id: 'p1', savedAt: 1, note: 'Célèbre appel' }),
      passage({ id: 'p2', savedAt: 2, text: 'Talks in Dushanbe.', quote: { ...passage().quote, exact: 'x' } }),
      passage({
        id: 'p3',
        savedAt: 2,
        text: 'Nothing here.',
        tags: ['Ukraine'],
        quote: { ...passage().quote, exact: 'y' },
      }),
    ];
    await v3.table('passages').bulkAdd(old.map((p) => ({ ...p, dedupe: `${p.id}-key`, search: 'stale' })));
    v3.close();

    closeDatabase();
    expect((await allPassages()).map((p) => p.id)).toEqual(['p3', 'p2', 'p1']);
    const row = await database().passages.get('p2');
    expect(row).not.toHaveProperty('search');
    expect(row?.words).toEqual(expect.arrayContaining(['talks', 'in', 'dushanbe', 'news', 'example']));
    // Found through the new index, each in its own way: a word of the text, a prefix, a folded note, a tag.
    const cases: [string, string[]][] = [
      ['dushanbe', ['p2']],
      ['dusha', ['p2']],
      ['CELEBRE', ['p1']],
      ['UKR', ['p3']],
    ];
    for (const [query, ids] of cases) expect((await searchPassages(query)).map((p) => p.id)).toEqual(ids);
    const page = await listPassages({ query: 'dushanbe', limit: 10, facets: true });
    expect(page).toMatchObject({ total: 1, stored: 3 });
    // And each tag's passages in time order, through the new time index.
    expect((await database().passages.get('p3'))?.tagTimes).toEqual([['Ukraine', 2, 'p3']]);
    const saved = PLANNER.fetchWhole;
    PLANNER.fetchWhole = 0;
    try {
      expect((await listPassages({ tag: 'tajikistan', limit: 1 })).passages.map((p) => p.id)).toEqual(['p2']);
      expect((await everyPage({ tag: 'tajikistan', limit: 1 })).flatMap((p) => p.passages.map((x) => x.id))).toEqual([
        'p2',
        'p1',
      ]);
    } finally {
      PLANNER.fetchWhole = saved;
    }
  });

  it('keeps every passage saved under version 2, and makes them searchable', async () => {
    // The database as version 2 of Glossa left it.
    const v2 = new Dexie(DATABASE_NAME);
    v2.version(1).stores({ packs: 'id, origin', entries: 'key, packId', settings: 'key' });
    v2.version(2).stores({ passages: 'id, &dedupe, url, site, savedAt, *tags, *entries' });
    const old = [
      passage(),
      passage({
        id: 'p2',
        savedAt: 5,
        text: 'Second passage about Dushanbe.',
        quote: { ...passage().quote, exact: 'x' },
      }),
    ];
    await v2.table('passages').bulkAdd(old.map((p) => ({ ...p, dedupe: `${p.id}-key` })));
    v2.close();

    closeDatabase();
    expect(await allPassages()).toEqual(old.sort((a, b) => b.savedAt - a.savedAt));
    expect((await searchPassages('dushanbe')).map((p) => p.id)).toEqual(['p2']);
  });
});

/** A small reading list with everything paging and search must cope with: ties in time, accents, common words. */
function corpus(n: number): Passage[] {
  const next = random(3);
  const vocabulary = ['alpha', 'alpine', 'beta', 'gamma', 'delta', 'Dushanbe', 'Kremlin', 'zeta', 'élan', 'Café'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 3 + Math.floor(next() * 5) }, () => (next() < 0.6 ? 'the' : pick(vocabulary)));
    const site = pick(['s1.example', 's2.example', 's3.example']);
    // Ids out of time order, and three passages to each millisecond: ties are broken by id.
    return passage({
      id: `id-${String((i * 7919) % n).padStart(4, '0')}`,
      text: `${words.join(' ')}.`,
      quote: { ...passage().quote, exact: `quote ${i}` },
      url: `https://${site}/${i}`,
      site,
      title: i % 10 === 0 ? 'Weekly digest' : '',
      note: i % 17 === 0 ? 'Célèbre appel' : '',
      tags: pick([[], [], ['a'], ['b'], ['a', 'b']]),
      entries: pick([[], ['pack/x'], ['pack/y'], ['pack/x', 'pack/y']]),
      savedAt: 1_000 + Math.floor(i / 3),
    });
  });
}

async function seed(passages: readonly Passage[]) {
  await database().passages.bulkAdd(passages.map(storedPassage));
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const wordsIn = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** What a query should find, worked out the slow way, independently of the indexes. */
function expected(all: readonly Passage[], q: Omit<PassageQuery, 'limit'>): string[] {
  const want = wordsIn(q.query ?? '');
  const newest = (q.order ?? 'newest') === 'newest';
  return all
    .filter((p) => {
      const words = wordsIn([p.text, p.note, p.tags.join(' '), p.title, p.site].join('\n'));
      return (
        want.every((w) => words.some((x) => x.startsWith(w))) &&
        (!q.site || p.site === q.site) &&
        (!q.tag || p.tags.includes(q.tag)) &&
        (!q.entry || p.entries.includes(q.entry))
      );
    })
    .sort((a, b) => {
      const up = a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1);
      return newest ? -up : up;
    })
    .map((p) => p.id);
}

/** Follows `next` from the first page to the last. */
async function everyPage(q: PassageQuery): Promise<PassagePage[]> {
  const pages: PassagePage[] = [];
  let cursor: PassageCursor | undefined;
  do {
    const page = await listPassages({ ...q, cursor });
    pages.push(page);
    cursor = page.next;
    if (pages.length > 1000) throw new Error('paging does not end');
  } while (cursor);
  return pages;
}

const PLANS = {
  'the default plan': { ...PLANNER },
  // Tiny limits send every query down every path: gathered or tested, read whole or walked, budget stops.
  'a tiny plan': {
    gatherFilter: 8,
    gatherWord: 8,
    fetchWhole: 4,
    keyChunk: 5,
    rowChunk: 3,
    scanBudget: 7,
    keyBudget: 9,
  },
  'a middling plan': {
    gatherFilter: 60,
    gatherWord: 40,
    fetchWhole: 20,
    keyChunk: 16,
    rowChunk: 10,
    scanBudget: 40,
    keyBudget: 50,
  },
  // Every site, tag and entry filter gathered, every word tested: the filters' time indexes lead.
  'a plan for filters': { ...PLANNER, gatherWord: 0, fetchWhole: 4 },
};

const QUERIES: [string, Omit<PassageQuery, 'limit'>][] = [
  ['everything', {}],
  ['everything, oldest first', { order: 'oldest' }],
  ['a word in most passages', { query: 'the' }],
  ['a rarer word', { query: 'dushanbe' }],
  ['a prefix of two words', { query: 'alp' }],
  ['two words, any case', { query: 'ALPINE the' }],
  ['folded accents (query plain)', { query: 'cafe' }],
  ['folded accents (query accented, upper case)', { query: 'ÉLAN' }],
  ['a note', { query: 'célèbre' }],
  ['a title', { query: 'digest' }],
  ['a site', { query: 's2.example' }],
  ['a tag name', { query: 'b' }],
  ['no match', { query: 'nothing' }],
  ['inside a word: no match (words match from their start)', { query: 'shanbe' }],
  ['a site filter', { site: 's1.example' }],
  ['a tag filter', { tag: 'a' }],
  ['an entry filter', { entry: 'pack/x' }],
  ['every filter and a word', { query: 'the', site: 's3.example', tag: 'b', entry: 'pack/y' }],
  ['two words, oldest first', { query: 'gamma delta', order: 'oldest' }],
];

describe('paging and searching the reading list', () => {
  const all = corpus(150);
  const saved = { ...PLANNER };
  beforeEach(async () => {
    await deleteDatabase();
    await seed(all);
  });
  afterEach(async () => {
    Object.assign(PLANNER, saved);
    await deleteDatabase();
  });

  describe.each(Object.entries(PLANS))('with %s', (_, plan) => {
    beforeEach(() => void Object.assign(PLANNER, plan));

    it.each(QUERIES)('%s: every match once, in order, page after page', async (_, q) => {
      const want = expected(all, q);
      for (const limit of [7, 50]) {
        const pages = await everyPage({ ...q, limit });
        const ids = pages.flatMap((p) => p.passages.map((x) => x.id));
        expect(ids).toEqual(want);
        expect(new Set(ids).size).toBe(ids.length);
        for (const page of pages) expect(page.passages.length).toBeLessThanOrEqual(limit);
        // Each cursor is the last passage shown, or (after a budget stop) a point past it.
        expect(pages.at(-1)!.next).toBeUndefined();
        // Counting what is stored walks the whole list: only when asked for (with the facets).
        expect(pages.every((p) => p.stored === undefined && p.facets === undefined)).toBe(true);
        expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
        // A count, when given, is exact.
        if (pages[0]!.total !== undefined) expect(pages[0]!.total).toBe(want.length);
      }
    });
  });

  it('counts what it can count, and says nothing when it would have to read every passage', async () => {
    expect(await listPassages({ limit: 10, facets: true })).toMatchObject({ stored: 150, total: 150 });
    expect((await listPassages({ limit: 10 })).total).toBeUndefined();
    expect((await listPassages({ query: 'the', limit: 10 })).total).toBe(expected(all, { query: 'the' }).length);
    Object.assign(PLANNER, { ...PLANS['a tiny plan'], scanBudget: 1000, keyBudget: 1000 });
    // "the" is too common to gather under the tiny plan: tested passage by passage, not counted.
    const broad = await listPassages({ query: 'the', limit: 10 });
    expect(broad.passages).toHaveLength(10);
    expect(broad.total).toBeUndefined();
    // Rare words are gathered from the index and counted exactly.
    expect((await listPassages({ query: 'célèbre', limit: 10 })).total).toBe(
      expected(all, { query: 'célèbre' }).length,
    );
  });

  it('stops a broad search within its budget, with a cursor to go on from, even before finding anything', async () => {
    Object.assign(PLANNER, { ...PLANS['a tiny plan'], gatherFilter: 0, gatherWord: 0 });
    const oldest = expected(all, { query: 'the', order: 'oldest' })[0]!;
    // Only the oldest passage has both words.
    await updatePassage(oldest, { note: 'unique-marker' });
    const first = await listPassages({ query: 'the unique', limit: 5 });
    expect(first.passages).toEqual([]);
    expect(first.next).toBeDefined();
    const pages = await everyPage({ query: 'the unique', limit: 5 });
    expect(pages.flatMap((p) => p.passages.map((x) => x.id))).toEqual([oldest]);
  });

  it('offers the choices for the filters from the indexes', async () => {
    const { facets, passages, stored } = await listPassages({ limit: 0, facets: true });
    expect(passages).toEqual([]);
    expect(stored).toBe(150);
    expect(facets).toEqual({
      sites: ['s1.example', 's2.example', 's3.example'],
      tags: ['a', 'b'],
      entries: ['pack/x', 'pack/y'],
    });
  });

  it('never answers more than MAX_PAGE passages at once', async () => {
    expect((await listPassages({ limit: MAX_PAGE * 10 })).passages).toHaveLength(150);
    await deleteDatabase();
    await seed(corpus(MAX_PAGE + 5));
    const page = await listPassages({ limit: MAX_PAGE * 10 });
    expect(page.passages).toHaveLength(MAX_PAGE);
    expect(page.next).toEqual({ savedAt: page.passages.at(-1)!.savedAt, id: page.passages.at(-1)!.id });
  });

  it('keeps paging right when passages are deleted and added between pages', async () => {
    const first = await listPassages({ limit: 10 });
    await deletePassage(first.passages[3]!.id);
    await savePassage(input('A passage saved after the first page was shown.'), 999_999);
    const second = await listPassages({ limit: 10, cursor: first.next });
    expect(second.passages.map((p) => p.id)).toEqual(expected(all, {}).slice(10, 20));
  });
});
