/**
 * The reader's settings in the browser's sync storage (`wxt/utils/storage`), laid out by
 * lib/settings-sync: they follow the reader to every browser they sign in to. Open pages follow
 * a change by watching the settings item; only the background writes, after validating.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { dropLegacySettings, legacySettings } from '@/lib/db/settings';
import { type Settings, type SettingsPatch, SettingsSchema } from '@/lib/settings';
import { createSerialQueue } from '@/lib/serial';
import { UserError } from '@/lib/user-message';
import {
  parseStoredSettings,
  planSettingsWrite,
  SETTINGS_KEY,
  settingsFromStored,
  settingsFromValues,
  sitesKeysOf,
  type SettingsSyncState,
  type StoredSettings,
} from '@/lib/settings-sync';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Validates and stores; rejects, with nothing changed, when the browser refuses the write. */
  update(patch: SettingsPatch): Promise<Settings>;
  syncState(): Promise<SettingsSyncState>;
  /** Calls `listener` with the settings after each change, made here or synced from elsewhere. */
  watch(listener: (settings: Settings) => void): () => void;
  /**
   * Moves the settings an earlier version kept in IndexedDB into sync storage, once. Settings
   * already in sync (this profile moved before, or another browser synced them here) win; the
   * legacy row is deleted only after its settings are written.
   */
  moveLegacySettings(): Promise<'moved' | 'dropped' | 'none'>;
}

const sync = (key: string) => `sync:${key}` as StorageItemKey;
const local = (key: string) => `local:${key}` as StorageItemKey;

export function createSettingsStore(now: () => number = Date.now): SettingsStore {
  // Version 1 of the item. A change to its shape bumps the version and adds a migration here:
  // WXT runs it before the first read. (`migrations` must be given for WXT to record versions.)
  const item = storage.defineItem<StoredSettings>(sync(SETTINGS_KEY), { version: 1, migrations: {} });

  const readStored = async () => parseStoredSettings(await item.getValue());

  // Every page asks for the settings on every load: they are read from storage once and kept
  // until any of their items changes (written here, or synced from another browser).
  let cached: Promise<Settings> | undefined;
  const watchers = new Set<(settings: Settings) => void>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!Object.keys(changes).some((k) => k.startsWith(SETTINGS_KEY))) return;
    cached = undefined;
    // Watchers hear of each write once: the settings item changes on every write (it is stamped),
    // after its parts. They get the settings as read once, the read every request then shares.
    if (area === 'sync' && SETTINGS_KEY in changes && watchers.size > 0) {
      get().then(
        (settings) => watchers.forEach((listener) => listener(settings)),
        (e: unknown) => console.warn('Glossa: settings unreadable:', e),
      );
    }
  });
  const get = (): Promise<Settings> => {
    const reading = (cached ??= read());
    // A failed read is not kept: the next request tries again.
    reading.catch(() => {
      if (cached === reading) cached = undefined;
    });
    return reading;
  };

  async function read(): Promise<Settings> {
    const stored = await readStored();
    const keys = sitesKeysOf(stored);
    const parts = await storage.getItems([...keys.sync.map(sync), ...keys.local.map(local)]);
    return settingsFromStored(
      stored,
      parts.map((p) => p.value),
    );
  }

  async function write(settings: Settings): Promise<void> {
    const plan = planSettingsWrite(settings, await readStored(), now());
    // The local part first: the sync item that points at it is written last.
    if (plan.local.length > 0) await storage.setItems(plan.local.map(({ key, value }) => ({ key: local(key), value })));
    // One write for the item and its parts: the browser applies (or refuses) them together.
    await storage.setItems(plan.sync.map(({ key, value }) => ({ key: sync(key), value })));
    if (plan.removeSync.length > 0) await storage.removeItems(plan.removeSync.map(sync));
    if (plan.removeLocal.length > 0) await storage.removeItems(plan.removeLocal.map(local));
  }

  // Updates run one at a time: each reads what the one before it wrote.
  const serially = createSerialQueue();

  return {
    get,
    update: (patch) =>
      serially(async () => {
        const next = v.parse(SettingsSchema, { ...(await get()), ...patch });
        try {
          await write(next);
        } catch (error) {
          const refused = new UserError('settingsNotSaved', error instanceof Error ? error.message : String(error));
          refused.cause = error;
          throw refused;
        }
        // Known at once, whenever the browser reports the change.
        cached = Promise.resolve(next);
        return next;
      }),
    watch(listener) {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
    async syncState() {
      const stored = await readStored();
      return stored?.sites.area === 'local'
        ? { sitesSynced: false, sites: stored.sites.count, limitKb: stored.sites.limitKb }
        : { sitesSynced: true };
    },
    moveLegacySettings: () =>
      serially(async () => {
        const legacy = await legacySettings();
        if (!legacy) return 'none';
        if ((await readStored()) === null) {
          await write(settingsFromValues(legacy));
          cached = undefined;
          await dropLegacySettings();
          return 'moved';
        }
        await dropLegacySettings();
        return 'dropped';
      }),
  };
}
