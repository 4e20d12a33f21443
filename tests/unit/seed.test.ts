import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { database, deleteDatabase } from '@/lib/db/database';
import {
  getEntries,
  importUserPack,
  listEntries,
  listPacks,
  removeUserPack,
  seedBundledPack,
  seedBundledPacks,
} from '@/lib/db/glossary';
import { PackError } from '@/lib/glossary/schema';
import { rejectionText } from '../support/i18n';
import bundled from '@/glossary/generated/tajikistan-moscow-attack.pack.json';

const clone = <T>(v: T): T => structuredClone(v);

describe('seeding the bundled pack', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('installs the pack on first run', async () => {
    expect(await seedBundledPack(bundled)).toBe('installed');
    const entries = await listEntries();
    expect(entries).toHaveLength(bundled.entries.length);
    expect((await listPacks())[0]).toMatchObject({
      id: bundled.id,
      origin: 'bundled',
      entryCount: bundled.entries.length,
    });
  });

  it('does no work when the pack is unchanged', async () => {
    await seedBundledPack(bundled);
    const before = (await listPacks())[0]!.installedAt;
    expect(await seedBundledPack(clone(bundled))).toBe('unchanged');
    expect((await listPacks())[0]!.installedAt).toBe(before);
  });

  it('replaces an older version, dropping entries the new one no longer has', async () => {
    const old = clone(bundled);
    old.version = '0.0.1';
    old.entries.push({ ...clone(old.entries[0]!), id: 'gone-entry', name: 'Gone Entry' });
    await seedBundledPack(old);
    expect(await getEntries([`${bundled.id}/gone-entry`])).toHaveLength(1);
    expect(await seedBundledPack(bundled)).toBe('updated');
    expect(await getEntries([`${bundled.id}/gone-entry`])).toHaveLength(0);
    expect(await listEntries()).toHaveLength(bundled.entries.length);
    expect((await listPacks())[0]!.version).toBe(bundled.version);
  });

  it('refuses a corrupted pack with a clear error and keeps the previous data', async () => {
    await seedBundledPack(bundled);
    const corrupted = clone(bundled) as { entries: unknown[] };
    corrupted.entries[1] = { id: 'Not A Slug', name: '' };
    await expect(seedBundledPack(corrupted)).rejects.toThrow(PackError);
    await expect(seedBundledPack(corrupted)).rejects.toThrow(
      /bundled glossary pack is not a valid Glossa pack: entries\.1\./,
    );
    expect(await listEntries()).toHaveLength(bundled.entries.length);
  });

  it('refuses a pack that is not even an object', async () => {
    await expect(seedBundledPack('{"truncated":')).rejects.toThrow(/not a valid Glossa pack/);
    expect(await listEntries()).toHaveLength(0);
  });

  it('never touches other packs or settings', async () => {
    const db = database();
    await db.settings.put({ key: 'settings', value: { enabled: false } });
    const other = clone(bundled);
    other.id = 'user-pack';
    await seedBundledPack(other);
    await seedBundledPack(bundled);
    const changed = clone(bundled);
    changed.entries[0]!.summary = 'A changed summary.';
    await seedBundledPack(changed);
    expect((await listEntries()).filter((e) => e.packId === 'user-pack')).toHaveLength(other.entries.length);
    expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { enabled: false } });
  });

  it('removes a bundled pack an update no longer ships, but never a user pack', async () => {
    const retired = clone(bundled);
    retired.id = 'retired-pack';
    await seedBundledPacks([bundled, retired]);
    await database().packs.update(bundled.id, { origin: 'user' });
    const outcomes = await seedBundledPacks([]);
    expect(outcomes).toEqual({ 'retired-pack': 'removed' });
    expect((await listPacks()).map((p) => p.id)).toEqual([bundled.id]);
  });
});

describe('reader packs', () => {
  beforeEach(deleteDatabase);
  afterEach(deleteDatabase);

  it('imports, updates and removes a reader pack beside the bundled one', async () => {
    await seedBundledPack(bundled);
    const mine = { ...clone(bundled), id: 'my-pack' };
    expect(await importUserPack(mine)).toEqual({
      id: 'my-pack',
      entries: bundled.entries.length,
      outcome: 'installed',
    });
    expect(await importUserPack(mine)).toMatchObject({ outcome: 'unchanged' });
    mine.entries = mine.entries.slice(0, 3).map((e) => ({ ...e, related: [] }));
    expect(await importUserPack(mine)).toMatchObject({ outcome: 'updated', entries: 3 });
    expect(await listEntries()).toHaveLength(bundled.entries.length + 3);
    expect(await removeUserPack('my-pack')).toBe(true);
    expect(await removeUserPack(bundled.id)).toBe(false);
    expect(await listEntries()).toHaveLength(bundled.entries.length);
  });

  it('refuses a malformed pack with a clear message and changes nothing', async () => {
    await seedBundledPack(bundled);
    expect(await rejectionText(importUserPack({ format: 2, id: 'x' }))).toMatch(
      /^The imported pack is not a valid Glossa pack: format/,
    );
    expect(await rejectionText(importUserPack(bundled))).toBe(
      `A pack named “${bundled.id}” ships with Glossa; give the imported pack another id.`,
    );
    expect(await listPacks()).toHaveLength(1);
  });
});
