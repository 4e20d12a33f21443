import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DATABASE_NAME, deleteDatabase } from '@/lib/db/database';
import {
  deletePassage,
  explainStorageError,
  importPassages,
  listPassages,
  passagesForUrl,
  restorePassage,
  savePassage,
  searchPassages,
  StorageFullError,
  updatePassage,
} from '@/lib/db/passages';
import type { PassageInput } from '@/lib/passages/schema';
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
    expect(await listPassages()).toHaveLength(1);
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
    expect(await listPassages()).toHaveLength(0);
    await restorePassage(deleted!);
    expect(await listPassages()).toEqual([deleted]);
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
    expect(await listPassages()).toHaveLength(2);
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
    await expect(savePassage({ ...input(), url })).rejects.toThrow(/web pages|http: or https:/);
    expect(await listPassages()).toHaveLength(0);
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
    expect(result).toEqual({
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
    const stored = await listPassages();
    expect(stored.map((p) => [p.id, p.url, p.site])).toEqual([['good', 'https://news.example/story', 'news.example']]);
    expect(await searchPassages('bank')).toHaveLength(0);
  });

  it('restores only passages from web pages, with the site their URL gives', async () => {
    await expect(restorePassage(passage({ url: 'javascript:alert(1)' }))).rejects.toThrow(/cannot be restored/);
    await restorePassage(passage({ site: 'bank.example' }));
    expect((await listPassages()).map((p) => p.site)).toEqual(['news.example']);
  });

  it('explains a full disk instead of swallowing it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(explainStorageError(quota)).toBeInstanceOf(StorageFullError);
    expect(explainStorageError(new Dexie.AbortError('aborted', quota))).toBeInstanceOf(StorageFullError);
    expect(String((explainStorageError(quota) as Error).message)).toMatch(/storage quota reached\). Nothing was lost/);
    const other = new Error('other');
    expect(explainStorageError(other)).toBe(other);
  });
});

describe('schema upgrades', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

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
    expect(await listPassages()).toEqual(old.sort((a, b) => b.savedAt - a.savedAt));
    expect((await searchPassages('dushanbe')).map((p) => p.id)).toEqual(['p2']);
  });
});
