import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, database, DATABASE_NAME, deleteDatabase, type StoredEntry } from '@/lib/db/database';
import { listPacks, packEntries, packHash, pagePackId, savePagePack, seedBundledPack } from '@/lib/db/glossary';
import {
  addHandEntry,
  blockedForms,
  blockForm,
  deleteBuiltPack,
  editEntry,
  entriesToMatch,
  forgetArticlesOlderThan,
  mergeEntries,
  readerChanges,
  setHidden,
  splitEntry,
  unblockForm,
} from '@/lib/db/personal';
import type { Pack } from '@/lib/glossary/schema';
import { rejectionText } from '../support/i18n';

async function pagePack(url: string, names: string[]): Promise<Pack> {
  return {
    format: 1,
    id: await pagePackId(url),
    title: `Built from ${url}`,
    version: '1.0.0',
    source: { title: 'A story', site: new URL(url).hostname, url },
    entries: names.map((name) => ({
      id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      name,
      aliases: name.includes(' ') ? [name.split(' ').at(-1)!] : [],
      kind: 'person' as const,
      mentions: [{ paragraph: 0, sentence: `${name} spoke.`, count: 1 }],
      related: [],
      match: { caseSensitive: [] },
    })),
  };
}

const page = { url: 'https://news.example/a', site: 'news.example', title: 'A story' };

describe('the personal glossary store', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('keeps the reader’s edits, hidden entries and splits when the article is built again', async () => {
    const pack = await pagePack(page.url, ['Vladimir Putin', 'Ann Lee']);
    await savePagePack(pack);
    const [putin, lee] = [`${pack.id}/vladimir-putin`, `${pack.id}/ann-lee`];
    await editEntry(putin, {
      summary: '  President of Russia. ',
      aliases: ['Putin', 'Putin', ' VVP '],
      kind: 'person',
    });
    await setHidden([lee], true);
    await splitEntry(putin);
    // The article changed and was built again: its pack is replaced, the edits are not.
    await savePagePack({ ...pack, entries: [...pack.entries].reverse() });
    const changes = await readerChanges();
    const stored = (await packEntries(pack.id))!;
    // The hash alone, without the entries, is the one read with them.
    expect(await packHash(pack.id)).toBe(stored.hash);
    const rows = stored.entries;
    const matched = entriesToMatch(rows, changes);
    expect(matched.map((e) => [e.name, e.summary, e.aliases])).toEqual([
      ['Vladimir Putin', 'President of Russia.', ['Putin', 'VVP']],
    ]);
    expect(changes.links.alone.has(putin)).toBe(true);
  });

  it('keeps the reader’s edit of a bundled entry through an update of the bundled pack', async () => {
    const v1 = { ...(await pagePack('https://news.example/seed', ['Ann Lee'])), id: 'seed-pack' };
    await seedBundledPack(v1);
    await editEntry('seed-pack/ann-lee', { summary: 'My own note on her.' });
    await seedBundledPack({ ...v1, version: '1.0.1', title: 'Seed, updated' });
    const rows = (await packEntries('seed-pack'))!.entries;
    expect(entriesToMatch(rows, await readerChanges()).map((e) => e.summary)).toEqual(['My own note on her.']);
  });

  it('refuses an edit that empties the name, and changes nothing', async () => {
    expect(await rejectionText(editEntry('x/y', { name: '   ' }))).toBe('An entry needs a name.');
    expect((await readerChanges()).edits.size).toBe(0);
  });

  it('merges two entries once whichever way round, and a split undoes the merge', async () => {
    await mergeEntries('b/x', 'a/y');
    await mergeEntries('a/y', 'b/x');
    expect((await readerChanges()).links.merges).toEqual([['a/y', 'b/x']]);
    await splitEntry('b/x');
    const changes = await readerChanges();
    expect(changes.links.merges).toEqual([]);
    expect([...changes.links.alone]).toEqual(['b/x']);
  });

  it('never marks a blocked word: the entry keeps its other names, or goes', async () => {
    await blockForm(' Putin ');
    await blockForm('Ann Lee');
    expect((await blockedForms()).map((b) => b.text)).toEqual(['Ann Lee', 'Putin']);
    const entry = (name: string, aliases: string[]) =>
      ({
        key: `p/${name}`,
        packId: 'p',
        id: 'x',
        name,
        aliases,
        kind: 'person',
        mentions: [],
        related: [],
      }) as unknown as StoredEntry;
    const matched = entriesToMatch(
      [entry('Vladimir Putin', ['Putin', 'Mr. Putin']), entry('Ann Lee', []), entry('PUTIN', ['Vova'])],
      await readerChanges(),
    );
    expect(matched.map((e) => [e.name, e.aliases])).toEqual([
      ['Vladimir Putin', ['Mr. Putin']],
      ['Vova', []],
    ]);
    await unblockForm('putin');
    expect((await blockedForms()).map((b) => b.text)).toEqual(['Ann Lee']);
    expect(await rejectionText(blockForm('  '))).toMatch(/^Say which word/);
  });

  it('adds an entry by hand with its sentence, and adds later sentences to the same entry', async () => {
    const first = await addHandEntry({
      name: ' Crocus  City Hall ',
      kind: 'facility',
      sentence: 'The attack on Crocus City Hall.',
      page,
    });
    expect(first).toMatchObject({
      name: 'Crocus City Hall',
      kind: 'facility',
      mentions: [{ sentence: 'The attack on Crocus City Hall.' }],
    });
    const again = await addHandEntry({
      name: 'crocus city hall',
      kind: 'facility',
      sentence: 'Crocus City Hall reopened.',
      page,
    });
    expect(again.key).toBe(first.key);
    expect(again.mentions.map((m) => m.sentence)).toEqual([
      'The attack on Crocus City Hall.',
      'Crocus City Hall reopened.',
    ]);
    const other = await addHandEntry({ name: 'Dushanbe', kind: 'place', sentence: '', page });
    expect(other.mentions[0]!.sentence).toBe('Dushanbe');
    const packs = await listPacks();
    expect(packs.map((p) => [p.origin, p.entryCount, p.source.url])).toEqual([['hand', 2, page.url]]);
    expect(await rejectionText(addHandEntry({ name: ' ', kind: 'place', sentence: 'x', page }))).toMatch(
      /^Select the name/,
    );
  });

  it('deletes what was built from one article, and never a bundled or imported pack', async () => {
    const pack = await pagePack(page.url, ['Ann Lee']);
    await savePagePack(pack);
    await database().packs.put({ ...(await database().packs.get(pack.id))!, id: 'bundled-x', origin: 'bundled' });
    expect(await deleteBuiltPack('bundled-x')).toBe(false);
    expect(await deleteBuiltPack(pack.id)).toBe(true);
    expect(await packEntries(pack.id)).toBeUndefined();
    expect(await packHash(pack.id)).toBeUndefined();
    expect(await database().entries.where('packId').equals(pack.id).count()).toBe(0);
  });

  it('forgets articles older than the retention, keeping newer ones and hand-made entries', async () => {
    const now = Date.UTC(2026, 10, 26);
    const old = await pagePack('https://news.example/old', ['Ann Lee']);
    const recent = await pagePack('https://news.example/new', ['Bo Chen']);
    await savePagePack(old);
    await savePagePack(recent);
    const hand = await addHandEntry({ name: 'Dushanbe', kind: 'place', sentence: 'In Dushanbe.', page });
    await database().packs.update(old.id, { installedAt: Date.UTC(2026, 3, 1) });
    await database().packs.update(hand.packId, { installedAt: Date.UTC(2020, 0, 1) });
    expect(await forgetArticlesOlderThan(0, now)).toBe(0);
    expect(await forgetArticlesOlderThan(6, now)).toBe(1);
    expect((await listPacks()).map((p) => p.id).sort()).toEqual([hand.packId, recent.id].sort());
  });
});

describe('pack hashes, kept between writes to the packs table', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  const url = 'https://news.example/kept';
  it.each<[string, (id: string) => Promise<unknown>, 'changed' | 'gone']>([
    ['built again, differently', async () => savePagePack(await pagePack(url, ['Ann Lee', 'Bo Chen'])), 'changed'],
    ['deleted', (id) => deleteBuiltPack(id), 'gone'],
    ['forgotten by the retention setting', () => forgetArticlesOlderThan(1, Date.now() + 400 * 86_400_000), 'gone'],
    [
      'written by a path no function knows of',
      (id) => database().packs.update(id, { hash: 'written-directly' }),
      'changed',
    ],
    [
      'written in a transaction',
      (id) => database().transaction('rw', database().packs, () => database().packs.delete(id)),
      'gone',
    ],
    ['gone with the whole database', () => deleteDatabase(), 'gone'],
  ])('a hash read before the pack is %s is not answered after', async (_why, write, expected) => {
    const pack = await pagePack(url, ['Ann Lee']);
    await savePagePack(pack);
    const before = await packHash(pack.id);
    expect(before).toBeDefined();
    // Read twice: the second answer is the kept one.
    expect(await packHash(pack.id)).toBe(before);
    await write(pack.id);
    const after = await packHash(pack.id);
    expect(after).toBe(expected === 'gone' ? undefined : (await database().packs.get(pack.id))!.hash);
    expect(after).not.toBe(before);
  });

  it('a pack that did not exist is found once it is built', async () => {
    const pack = await pagePack(url, ['Ann Lee']);
    expect(await packHash(pack.id)).toBeUndefined();
    await savePagePack(pack);
    expect(await packHash(pack.id)).toBe((await database().packs.get(pack.id))!.hash);
  });

  it('a failed read is not kept: the next question reads again', async () => {
    const pack = await pagePack(url, ['Ann Lee']);
    await savePagePack(pack);
    const failing = { primaryKeys: () => Promise.reject(new Error('UnknownError: the disk hiccuped')) };
    const spy = vi.spyOn(database().packs, 'toCollection').mockReturnValueOnce(failing as never);
    await expect(packHash(pack.id)).rejects.toThrow('UnknownError');
    spy.mockRestore();
    expect(await packHash(pack.id)).toBe((await database().packs.get(pack.id))!.hash);
  });

  it('a read under way while the pack is written is not kept', async () => {
    const pack = await pagePack(url, ['Ann Lee']);
    await savePagePack(pack);
    const reading = packHash(pack.id);
    const writing = database().packs.update(pack.id, { hash: 'written-meanwhile' });
    await Promise.all([reading, writing]);
    expect(await packHash(pack.id)).toBe('written-meanwhile');
  });
});

describe('schema upgrade to version 5', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('keeps every pack, entry, setting and passage of version 4, and adds the personal tables', async () => {
    const v4 = new Dexie(DATABASE_NAME);
    v4.version(1).stores({ packs: 'id, origin', entries: 'key, packId', settings: 'key' });
    v4.version(4).stores({
      passages:
        'id, &dedupe, url, site, savedAt, [savedAt+id], [site+savedAt+id], *tags, *entries, *tagTimes, *entryTimes, *words',
    });
    await v4.table('packs').add({
      id: 'p',
      title: 'P',
      origin: 'page',
      installedAt: 5,
      hash: 'h',
      version: '1.0.0',
      source: { title: 'P' },
      entryCount: 1,
    });
    await v4.table('entries').add({
      key: 'p/a',
      packId: 'p',
      id: 'a',
      name: 'Ann Lee',
      aliases: [],
      kind: 'person',
      mentions: [],
      related: [],
    });
    await v4.table('settings').add({ key: 'settings', value: { hoverDelayMs: 300 } });
    v4.close();

    closeDatabase();
    const db = database();
    expect(await db.packs.where('installedAt').below(10).primaryKeys()).toEqual(['p']);
    expect((await db.entries.get('p/a'))?.name).toBe('Ann Lee');
    expect((await db.settings.get('settings'))?.value).toEqual({ hoverDelayMs: 300 });
    await editEntry('p/a', { name: 'Ann B. Lee' });
    expect((await readerChanges()).edits.get('p/a')?.name).toBe('Ann B. Lee');
    expect(db.verno).toBe(5);
  });
});
