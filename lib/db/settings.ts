/**
 * Settings as Glossa stored them before they moved to the browser's sync storage: one row in the
 * extension's IndexedDB. Read once, by the move, then deleted.
 */
import { database } from './database';

const KEY = 'settings';

/** The settings row an earlier version stored, if this profile still has one. */
export async function legacySettings(): Promise<Record<string, unknown> | undefined> {
  const row = await database().settings.get(KEY);
  const value = row?.value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** Deletes the legacy row, once its settings are safely in sync storage. */
export async function dropLegacySettings(): Promise<void> {
  await database().settings.delete(KEY);
}

/** Writes a legacy row, as an earlier version did: for the tests that upgrade such a profile. */
export async function writeLegacySettings(value: Record<string, unknown>): Promise<void> {
  await database().settings.put({ key: KEY, value });
}
