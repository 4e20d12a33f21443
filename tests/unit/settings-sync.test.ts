import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import {
  LOCAL_SITES_KEY,
  parseStoredSettings,
  planSettingsWrite,
  SETTINGS_KEY,
  settingsFromStored,
  settingsFromValues,
  siteChunkKey,
  sitesKeysOf,
  splitSites,
  SYNC_QUOTA,
  type StoredSettings,
} from '@/lib/settings-sync';

/** `n` distinct hostnames of `length` characters. */
const hosts = (n: number, length = 20) =>
  Array.from({ length: n }, (_, i) => `${String(i).padStart(6, '0')}.${'x'.repeat(length - 11)}.com`);
/** Chrome's measure of an item: its key's length plus its value as JSON, in bytes. */
const itemBytes = (key: string, value: unknown) =>
  new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;

describe('splitSites', () => {
  it.each([
    ['no sites', 0, 20, 0],
    ['one', 1, 20, 1],
    ['a few hundred short names: one item', 300, 20, 1],
    ['a thousand: several items', 1_000, 20, 3],
    ['4,000 of 20 characters: 92 KB, still under the total', 4_000, 20, 12],
  ])('%s', (_, count, length, chunks) => {
    const sites = hosts(count, length);
    const split = splitSites(sites, SYNC_QUOTA);
    expect(split?.length).toBe(chunks);
    // Nothing lost, nothing reordered, and every item within the per-item quota.
    expect(split?.flat()).toEqual(sites);
    for (const [i, chunk] of (split ?? []).entries()) {
      expect(itemBytes(siteChunkKey(i), chunk)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    }
  });

  it('fills each item as far as the quota allows: an item of one more site would not fit', () => {
    const split = splitSites(hosts(1_000), SYNC_QUOTA)!;
    const [first, second] = split;
    expect(itemBytes(siteChunkKey(0), [...first!, second![0]!])).toBeGreaterThan(SYNC_QUOTA.itemBytes);
  });

  it('counts bytes, not characters: non-ASCII names take more room', () => {
    const ascii = splitSites(Array(400).fill('a'.repeat(30)), SYNC_QUOTA)!;
    const wide = splitSites(Array(400).fill('é'.repeat(30)), SYNC_QUOTA)!;
    expect(wide.length).toBeGreaterThan(ascii.length);
  });

  it('gives up when the list passes what sync holds in all', () => {
    expect(splitSites(hosts(5_000, 20), SYNC_QUOTA)).toBeUndefined();
    expect(splitSites(hosts(10, 20), { itemBytes: 100, sitesBytes: 150 })).toBeUndefined();
  });
});

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('planSettingsWrite', () => {
  it('writes everything but the sites as one item, the sites beside it, and stamps the item', () => {
    const plan = planSettingsWrite(settings({ disabledSites: ['a.example'], hoverDelayMs: 200 }), null, 1234);
    expect(plan.sync.map((w) => w.key)).toEqual([SETTINGS_KEY, siteChunkKey(0)]);
    expect(plan.sync[0]!.value).toMatchObject({
      hoverDelayMs: 200,
      sites: { area: 'sync', chunks: 1, count: 1 },
      writtenAt: 1234,
    });
    expect(plan.sync[0]!.value).not.toHaveProperty('disabledSites');
    expect(plan.sync[1]!.value).toEqual(['a.example']);
    expect(plan).toMatchObject({ local: [], removeSync: [], removeLocal: [] });
  });

  it('removes the parts a shorter list no longer needs', () => {
    const before = planSettingsWrite(settings({ disabledSites: hosts(1_000) }), null, 1).settings;
    const after = planSettingsWrite(settings({ disabledSites: hosts(10) }), before, 2);
    expect(after.removeSync).toEqual([siteChunkKey(1), siteChunkKey(2)]);
  });

  it('keeps a list too long to sync on this device, says why, and clears the sync parts', () => {
    const before = planSettingsWrite(settings({ disabledSites: hosts(1_000) }), null, 1).settings;
    const plan = planSettingsWrite(settings({ disabledSites: hosts(5_000) }), before, 2);
    expect(plan.settings.sites).toEqual({ area: 'local', count: 5_000, limitKb: 92 });
    expect(plan.sync.map((w) => w.key)).toEqual([SETTINGS_KEY]);
    expect(plan.local).toEqual([{ key: LOCAL_SITES_KEY, value: hosts(5_000) }]);
    expect(plan.removeSync).toEqual([siteChunkKey(0), siteChunkKey(1), siteChunkKey(2)]);
    // And back: once the list fits again, the local copy goes.
    const back = planSettingsWrite(settings({ disabledSites: [] }), plan.settings, 3);
    expect(back.removeLocal).toEqual([LOCAL_SITES_KEY]);
    expect(back.settings.sites).toEqual({ area: 'sync', chunks: 0, count: 0 });
  });
});

describe('reading stored settings', () => {
  const stored = (patch: Partial<Settings> = {}) =>
    planSettingsWrite(settings(patch), null, 5).settings as StoredSettings;

  it('round-trips through a plan', () => {
    const original = settings({ disabledSites: hosts(700), kinds: ['person'], highlightStyle: 'solid' });
    const plan = planSettingsWrite(original, null, 9);
    const parts = plan.sync.slice(1).map((w) => w.value);
    expect(settingsFromStored(parseStoredSettings(plan.sync[0]!.value), parts)).toEqual(original);
  });

  it.each<[string, unknown, Settings]>([
    ['nothing stored: the defaults', undefined, DEFAULT_SETTINGS],
    ['not an object', 'on', DEFAULT_SETTINGS],
    ['no sites place', { enabled: false }, DEFAULT_SETTINGS],
    [
      'one value no longer valid takes its default alone',
      { ...stored({ enabled: false }), hoverDelayMs: 99_999 },
      settings({ enabled: false }),
    ],
    [
      'a setting this version does not know is ignored',
      { ...stored({ firstMentionOnly: true }), futureSetting: 1 },
      settings({ firstMentionOnly: true }),
    ],
  ])('%s', (_, raw, expected) => {
    expect(settingsFromStored(parseStoredSettings(raw), [])).toEqual(expected);
  });

  it('reads the parts where the item says they are', () => {
    expect(sitesKeysOf(null)).toEqual({ sync: [], local: [] });
    expect(sitesKeysOf(stored({ disabledSites: hosts(1_000) }))).toEqual({
      sync: [siteChunkKey(0), siteChunkKey(1), siteChunkKey(2)],
      local: [],
    });
    expect(sitesKeysOf(stored({ disabledSites: hosts(5_000) }))).toEqual({ sync: [], local: [LOCAL_SITES_KEY] });
  });

  it('a part missing or damaged (synced half-way) loses only its own sites', () => {
    const item = parseStoredSettings(stored({ disabledSites: ['a.example', 'b.example'] }));
    expect(settingsFromStored(item, [['a.example'], undefined, 'junk']).disabledSites).toEqual(['a.example']);
  });
});

describe('settingsFromValues', () => {
  it('keeps every valid value of a legacy record and defaults the rest', () => {
    expect(
      settingsFromValues({ enabled: false, disabledSites: ['x.example'], highlightStyle: 'neon', kinds: ['place'] }),
    ).toEqual(settings({ enabled: false, disabledSites: ['x.example'], kinds: ['place'] }));
  });
});
