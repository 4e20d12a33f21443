/** The reading list in IndexedDB. Every write goes through here, in the background. */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { textFragmentLink } from '../anchoring/text-fragment';
import { dedupeKey, type Passage, type PassageInput, PassageInputSchema } from '../passages/schema';
import { database, type StoredPassage } from './database';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor() {
    super(
      'Your browser refused to store more for Glossa (storage quota reached). Nothing was lost; ' +
        'free some disk space or export and delete old passages, then try again.',
    );
  }
}

/** Turns a quota failure, however Dexie wraps it, into one clear error. */
export function explainStorageError(error: unknown): unknown {
  const names = [error, (error as { inner?: unknown })?.inner].map((e) => (e as { name?: string } | undefined)?.name);
  if (names.includes('QuotaExceededError') || names.includes(Dexie.errnames.QuotaExceeded))
    return new StorageFullError();
  return error;
}

function newId(): string {
  return crypto.randomUUID();
}

function strip(stored: StoredPassage): Passage {
  const { dedupe: _dedupe, ...passage } = stored;
  return passage;
}

/**
 * Saves a passage. The same passage (same page, words and context) saved twice is stored
 * once: the second save returns the first, marked as a duplicate.
 */
export async function savePassage(
  input: PassageInput,
  now = Date.now(),
): Promise<{ passage: Passage; duplicate: boolean }> {
  const clean = v.parse(PassageInputSchema, input);
  const url = clean.url.split('#')[0]!;
  const dedupe = dedupeKey({ url, quote: clean.quote });
  const db = database();
  try {
    return await db.transaction('rw', db.passages, async () => {
      const existing = await db.passages.where('dedupe').equals(dedupe).first();
      if (existing) return { passage: strip(existing), duplicate: true };
      const passage: Passage = {
        ...clean,
        url,
        id: newId(),
        site: new URL(url).hostname,
        savedAt: now,
        note: '',
        tags: [],
        link: textFragmentLink(url, clean.quote),
      };
      await db.passages.add({ ...passage, dedupe });
      return { passage, duplicate: false };
    });
  } catch (error) {
    throw explainStorageError(error);
  }
}

export async function getPassage(id: string): Promise<Passage | undefined> {
  const row = await database().passages.get(id);
  return row && strip(row);
}

/** Every passage, newest first. */
export async function listPassages(): Promise<Passage[]> {
  const rows = await database().passages.orderBy('savedAt').reverse().toArray();
  return rows.map(strip);
}

/** Passages saved from one page (URL without fragment). */
export async function passagesForUrl(url: string): Promise<Passage[]> {
  const rows = await database().passages.where('url').equals(url.split('#')[0]!).toArray();
  return rows.map(strip);
}

export async function deletePassage(id: string): Promise<Passage | undefined> {
  const db = database();
  return db.transaction('rw', db.passages, async () => {
    const row = await db.passages.get(id);
    if (row) await db.passages.delete(id);
    return row && strip(row);
  });
}

/** Puts a deleted passage back (undo), keeping its id and time saved. */
export async function restorePassage(passage: Passage): Promise<void> {
  try {
    await database().passages.put({ ...passage, dedupe: dedupeKey(passage) });
  } catch (error) {
    throw explainStorageError(error);
  }
}

export async function updatePassage(id: string, patch: { note?: string; tags?: string[] }): Promise<Passage> {
  const db = database();
  try {
    return await db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (!row) throw new Error('That passage no longer exists; it may have been deleted in another window.');
      const tags = patch.tags && [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
      const next = { ...row, ...(patch.note !== undefined ? { note: patch.note } : {}), ...(tags ? { tags } : {}) };
      await db.passages.put(next);
      return strip(next);
    });
  } catch (error) {
    throw explainStorageError(error);
  }
}
