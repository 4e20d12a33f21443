/** Reader settings, stored in the extension's IndexedDB by the background. */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, SettingsSchema } from '../settings';
import { database } from './database';

const KEY = 'settings';

/** The stored settings, with defaults for anything missing or no longer valid. */
export async function getSettings(): Promise<Settings> {
  const row = await database().settings.get(KEY);
  const merged = { ...DEFAULT_SETTINGS, ...(row?.value as Partial<Settings> | undefined) };
  const parsed = v.safeParse(SettingsSchema, merged);
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const db = database();
  return db.transaction('rw', db.settings, async () => {
    const next = v.parse(SettingsSchema, { ...(await getSettings()), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
