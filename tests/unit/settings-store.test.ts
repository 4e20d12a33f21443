import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsStore } from '@/entrypoints/background/settings-store';
import { closeDatabase, DATABASE_NAME, deleteDatabase } from '@/lib/db/database';
import { legacySettings, writeLegacySettings } from '@/lib/db/settings';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { rejectionText } from '../support/i18n';
import { LOCAL_SITES_KEY, planSettingsWrite, SETTINGS_KEY, siteChunkKey } from '@/lib/settings-sync';
import Dexie from 'dexie';

const hosts = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.news.example`);

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteDatabase();
});
afterEach(deleteDatabase);

describe('the settings store', () => {
  it('reads the defaults from empty storage, and writes nothing until the reader changes something', async () => {
    const store = createSettingsStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    // A fresh install must not write defaults: they could overwrite settings about to arrive by sync.
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('stores a change in sync storage, where a second store (another page, a restarted worker) reads it', async () => {
    await createSettingsStore().update({ highlightStyle: 'solid', disabledSites: ['a.example'] });
    const raw = await fakeBrowser.storage.sync.get(null);
    expect(raw[SETTINGS_KEY]).toMatchObject({ highlightStyle: 'solid', sites: { area: 'sync', chunks: 1 } });
    expect(raw[siteChunkKey(0)]).toEqual(['a.example']);
    expect(await createSettingsStore().get()).toEqual({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'solid',
      disabledSites: ['a.example'],
    });
  });

  it('rejects an invalid patch and keeps what was stored', async () => {
    const store = createSettingsStore();
    await store.update({ hoverDelayMs: 200 });
    await expect(store.update({ hoverDelayMs: -5 })).rejects.toThrow();
    expect((await store.get()).hoverDelayMs).toBe(200);
  });

  it('applies changes made at once one after the other: none is lost', async () => {
    const store = createSettingsStore();
    await Promise.all([
      store.update({ disabledSites: ['a.example'] }),
      store.update({ firstMentionOnly: true }),
      store.update({ highlightStyle: 'background' }),
    ]);
    expect(await store.get()).toMatchObject({
      disabledSites: ['a.example'],
      firstMentionOnly: true,
      highlightStyle: 'background',
    });
  });

  it('keeps a sites list too long to sync on this device, says why, and syncs it again once it fits', async () => {
    const store = createSettingsStore();
    await store.update({ disabledSites: hosts(400) });
    expect(await store.syncState()).toEqual({ sitesSynced: true });
    await store.update({ disabledSites: hosts(6_000) });
    expect((await store.get()).disabledSites).toEqual(hosts(6_000));
    expect(await store.syncState()).toEqual({ sitesSynced: false, sites: 6_000, limitKb: 92 });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => k.startsWith('settings.sites'))).toEqual(
      [],
    );
    await store.update({ disabledSites: hosts(3) });
    expect(await store.syncState()).toEqual({ sitesSynced: true });
    expect(await fakeBrowser.storage.local.get(LOCAL_SITES_KEY)).toEqual({});
    expect((await store.get()).disabledSites).toEqual(hosts(3));
  });

  it('says plainly when the browser refuses a write (a sync quota), and nothing changes', async () => {
    const store = createSettingsStore();
    await store.update({ firstMentionOnly: true });
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    expect(await rejectionText(store.update({ firstMentionOnly: false }))).toBe(
      'The browser did not save the settings (This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.). Nothing was changed.',
    );
    set.mockRestore();
    expect((await store.get()).firstMentionOnly).toBe(true);
  });

  it('a change synced from another browser is read, though settings are kept in memory between reads', async () => {
    const store = createSettingsStore();
    await store.update({ hoverDelayMs: 300 });
    expect((await store.get()).hoverDelayMs).toBe(300);
    // Another browser's write, as sync delivers it: the item and its parts, straight into storage.
    const plan = planSettingsWrite({ ...DEFAULT_SETTINGS, hoverDelayMs: 900, disabledSites: ['b.example'] }, null, 2);
    await fakeBrowser.storage.sync.set(Object.fromEntries(plan.sync.map(({ key, value }) => [key, value])));
    await vi.waitFor(async () =>
      expect(await store.get()).toMatchObject({ hoverDelayMs: 900, disabledSites: ['b.example'] }),
    );
  });

  it('tells a watcher the new settings after each change', async () => {
    const store = createSettingsStore();
    const seen: boolean[] = [];
    const stop = store.watch((s) => seen.push(s.enabled));
    await store.update({ enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]));
    await store.update({ enabled: true });
    await vi.waitFor(() => expect(seen).toEqual([false, true]));
    stop();
    await store.update({ enabled: false });
    expect(seen).toEqual([false, true]);
  });
});

describe('moving settings an earlier version kept in IndexedDB', () => {
  // The profile as the previous version left it: one settings row in the extension's IndexedDB.
  const yesterday = {
    enabled: true,
    disabledSites: ['paywalled.example', 'forum.example'],
    firstMentionOnly: true,
    kinds: ['person', 'organization'],
    highlightStyle: 'background',
    hoverDelayMs: 650,
    buildMode: 'ask',
    forgetAfterMonths: 12,
  };

  it('moves every setting of an upgraded profile into sync storage and deletes the old row', async () => {
    await writeLegacySettings(yesterday);
    const store = createSettingsStore();
    expect(await store.moveLegacySettings()).toBe('moved');
    expect(await store.get()).toEqual(yesterday);
    expect(await legacySettings()).toBeUndefined();
    // Once: a second start finds nothing to move, and the settings stay.
    expect(await createSettingsStore().moveLegacySettings()).toBe('none');
    expect(await createSettingsStore().get()).toEqual(yesterday);
  });

  it('when sync already holds settings (another browser synced them here), those win and the old row goes', async () => {
    await createSettingsStore().update({ hoverDelayMs: 100 });
    await writeLegacySettings(yesterday);
    const store = createSettingsStore();
    expect(await store.moveLegacySettings()).toBe('dropped');
    expect((await store.get()).hoverDelayMs).toBe(100);
    expect(await legacySettings()).toBeUndefined();
  });

  it('a write refused mid-move keeps the old row, to move on the next start', async () => {
    await writeLegacySettings(yesterday);
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(createSettingsStore().moveLegacySettings()).rejects.toThrow(/QUOTA/);
    set.mockRestore();
    expect(await legacySettings()).toEqual(yesterday);
    expect(await createSettingsStore().moveLegacySettings()).toBe('moved');
    expect(await createSettingsStore().get()).toEqual(yesterday);
  });

  it('reads a row written by the previous version’s own schema, before this version opened the database', async () => {
    // The database as its first release created it: an upgrade from there runs every version's upgrade.
    const old = new Dexie(DATABASE_NAME);
    old.version(1).stores({ packs: 'id, origin', entries: 'key, packId', settings: 'key' });
    await old.open();
    await old.table('settings').put({ key: 'settings', value: yesterday });
    old.close();
    await closeDatabase();
    const store = createSettingsStore();
    expect(await store.moveLegacySettings()).toBe('moved');
    expect(await store.get()).toEqual(yesterday);
  });
});
