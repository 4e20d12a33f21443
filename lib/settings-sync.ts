/**
 * How the reader's settings are laid out in the browser's sync storage, which follows the reader
 * to every browser they sign in to, within small quotas: 8 KB an item, 100 KB in all (Chrome and
 * Firefox alike). Everything but the list of turned-off sites is a few hundred bytes, one item.
 * The sites list can grow past an item's quota: it is split across items, and when even that
 * would pass what sync holds it is kept in local storage, on this device only, with the reason
 * shown in the options. Pure: the background binds it to `wxt/utils/storage`.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from './settings';

/** The sync item holding every setting but the sites list, plus where that list is. */
export const SETTINGS_KEY = 'settings';
/** The sync item holding the `index`th part of the sites list. */
export const siteChunkKey = (index: number) => `settings.sites.${index}`;
/** The local item holding the whole sites list when it does not fit in sync. */
export const LOCAL_SITES_KEY = 'settings.sites';

export interface SyncQuota {
  /** Largest item: its key's length plus its value as JSON, in bytes. */
  readonly itemBytes: number;
  /** Bytes the sites list may use in all, across its items. */
  readonly sitesBytes: number;
}

/**
 * The browsers' sync quotas (QUOTA_BYTES_PER_ITEM 8,192; QUOTA_BYTES 102,400). The sites list
 * may use all but 8 KB of the total: that keeps room for the settings item, WXT's version
 * record and settings added later, at the cost of syncing ~300 fewer hostnames of 25 characters.
 */
export const SYNC_QUOTA: SyncQuota = { itemBytes: 8_192, sitesBytes: 102_400 - 8_192 };

/**
 * Where the sites list is: in `chunks` sync items, or in local storage because its `count` sites
 * need more than the `limitKb` sync holds (the options page says so, in the reader's language).
 */
export type SitesPlace =
  { area: 'sync'; chunks: number; count: number } | { area: 'local'; count: number; limitKb: number };

/** The settings item as stored in sync: version 1 of `sync:settings`. */
export type StoredSettings = Omit<Settings, 'disabledSites'> & {
  sites: SitesPlace;
  /** When it was written: the item changes on every write, so watching it alone sees every change. */
  writtenAt: number;
};

/** Where the turned-off sites are kept, and why when it is not sync: the options page says so. */
export type SettingsSyncState =
  { readonly sitesSynced: true } | { readonly sitesSynced: false; readonly sites: number; readonly limitKb: number };

/** What to write: items by key (no area prefix), and the keys to remove from each area. */
export interface SettingsWrite {
  readonly settings: StoredSettings;
  readonly sync: ReadonlyArray<{ key: string; value: unknown }>;
  readonly local: ReadonlyArray<{ key: string; value: unknown }>;
  readonly removeSync: readonly string[];
  readonly removeLocal: readonly string[];
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** The sites split into lists that each fit in one sync item; none when they would pass the total. */
export function splitSites(sites: readonly string[], quota: SyncQuota): string[][] | undefined {
  const chunks: string[][] = [];
  let current: string[] = [];
  // The item's size, counted as it grows: key, brackets, each site as JSON, commas between.
  let currentBytes = 0;
  let total = 0;
  const close = () => {
    total += currentBytes;
    chunks.push(current);
  };
  for (const site of sites) {
    const siteBytes = utf8Bytes(JSON.stringify(site));
    if (current.length > 0 && currentBytes + 1 + siteBytes > quota.itemBytes) {
      close();
      current = [];
    }
    currentBytes =
      current.length === 0 ? utf8Bytes(siteChunkKey(chunks.length)) + 2 + siteBytes : currentBytes + 1 + siteBytes;
    // A hostname is at most 253 characters, far under an item's quota: a chunk of one always fits.
    current.push(site);
  }
  if (current.length > 0) close();
  return total > quota.sitesBytes ? undefined : chunks;
}

/**
 * The writes that store `settings`, given what is stored now (`previous`, to remove parts the
 * list no longer needs). `now` stamps the item.
 */
export function planSettingsWrite(
  settings: Settings,
  previous: StoredSettings | null,
  now: number,
  quota: SyncQuota = SYNC_QUOTA,
): SettingsWrite {
  const { disabledSites, ...rest } = settings;
  const chunks = splitSites(disabledSites, quota);
  const sites: SitesPlace = chunks
    ? { area: 'sync', chunks: chunks.length, count: disabledSites.length }
    : { area: 'local', count: disabledSites.length, limitKb: Math.round(quota.sitesBytes / 1024) };
  const stored: StoredSettings = { ...rest, sites, writtenAt: now };
  const before = previous?.sites.area === 'sync' ? previous.sites.chunks : 0;
  const after = chunks?.length ?? 0;
  return {
    settings: stored,
    sync: [
      { key: SETTINGS_KEY, value: stored },
      ...(chunks ?? []).map((chunk, i) => ({ key: siteChunkKey(i), value: chunk })),
    ],
    local: chunks ? [] : [{ key: LOCAL_SITES_KEY, value: disabledSites }],
    removeSync: Array.from({ length: Math.max(0, before - after) }, (_, i) => siteChunkKey(after + i)),
    removeLocal: chunks && previous?.sites.area === 'local' ? [LOCAL_SITES_KEY] : [],
  };
}

/** The keys that hold the sites list of a stored settings item, by area. */
export function sitesKeysOf(stored: StoredSettings | null): { sync: string[]; local: string[] } {
  if (!stored) return { sync: [], local: [] };
  if (stored.sites.area === 'local') return { sync: [], local: [LOCAL_SITES_KEY] };
  return { sync: Array.from({ length: stored.sites.chunks }, (_, i) => siteChunkKey(i)), local: [] };
}

const StoredPlaceSchema = v.union([
  v.object({
    area: v.literal('sync'),
    chunks: v.pipe(v.number(), v.integer(), v.minValue(0)),
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.object({
    area: v.literal('local'),
    count: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limitKb: v.pipe(v.number(), v.minValue(0)),
  }),
]);

/** A stored settings item, or null when what is stored is missing or not one. */
export function parseStoredSettings(raw: unknown): StoredSettings | null {
  if (!raw || typeof raw !== 'object') return null;
  const place = v.safeParse(StoredPlaceSchema, (raw as { sites?: unknown }).sites);
  if (!place.success) return null;
  const writtenAt = (raw as { writtenAt?: unknown }).writtenAt;
  return { ...(raw as StoredSettings), sites: place.output, writtenAt: typeof writtenAt === 'number' ? writtenAt : 0 };
}

/**
 * The settings from a stored item and the parts of its sites list, as read. Each setting that is
 * missing or no longer valid (written by another version, synced half-way) takes its default,
 * alone: one bad value never resets the others.
 */
export function settingsFromStored(stored: StoredSettings | null, siteParts: readonly unknown[]): Settings {
  if (!stored) return DEFAULT_SETTINGS;
  const sites = siteParts.flatMap((part) => (Array.isArray(part) ? part : []));
  const { sites: _place, writtenAt: _at, ...rest } = stored as StoredSettings & Record<string, unknown>;
  return settingsFromValues({ ...rest, disabledSites: sites });
}

/** Settings from loose values (a stored item, a legacy record): each invalid one takes its default. */
export function settingsFromValues(values: Record<string, unknown>): Settings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [name, schema] of Object.entries(SettingsSchema.entries)) {
    const parsed = v.safeParse(schema, values[name]);
    if (parsed.success) result[name] = parsed.output;
  }
  return result as Settings;
}
