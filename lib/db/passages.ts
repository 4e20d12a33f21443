/** The reading list in IndexedDB. Every write goes through here, in the background. */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { textFragmentLink } from '../anchoring/text-fragment';
import { type ImportedPassage, type ImportProblem, newPassages, vetImport } from '../passages/export';
import { dedupeKey, type Passage, type PassageInput, PassageInputSchema, searchTextOf } from '../passages/schema';
import { siteOf, webPageUrl, webUrlProblem } from '../passages/url';
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

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw explainStorageError(error);
  }
}

function stored(passage: Passage): StoredPassage {
  return { ...passage, dedupe: dedupeKey(passage), search: searchTextOf(passage) };
}

function strip(row: StoredPassage): Passage {
  const { dedupe: _dedupe, search: _search, ...passage } = row;
  return passage;
}

const withoutFragment = (url: string) => url.split('#')[0]!;

/**
 * Saves a passage. The same passage (same page, words and context) saved twice is stored
 * once: the second save returns the first, marked as a duplicate. Only web pages (http:,
 * https:; see lib/passages/url) can hold passages: any other URL throws, as the schema says.
 */
export async function savePassage(
  input: PassageInput,
  now = Date.now(),
): Promise<{ passage: Passage; duplicate: boolean }> {
  const clean = v.parse(PassageInputSchema, input);
  const url = webPageUrl(clean.url);
  if (url === undefined) throw new Error(`Glossa keeps passages from web pages only: ${webUrlProblem(clean.url)}.`);
  const dedupe = dedupeKey({ url, quote: clean.quote });
  const db = database();
  return guarded(() =>
    db.transaction('rw', db.passages, async () => {
      const existing = await db.passages.where('dedupe').equals(dedupe).first();
      if (existing) return { passage: strip(existing), duplicate: true };
      const passage: Passage = {
        ...clean,
        url,
        id: crypto.randomUUID(),
        site: siteOf(url),
        savedAt: now,
        note: '',
        tags: [],
        link: textFragmentLink(url, clean.quote),
      };
      await db.passages.add(stored(passage));
      return { passage, duplicate: false };
    }),
  );
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

/** Passages whose every query word occurs in their text, note, tags, title or site. */
export async function searchPassages(query: string): Promise<Passage[]> {
  const words = searchTextOf({ text: query, note: '', tags: [], title: '', site: '' }).split(/\s+/).filter(Boolean);
  const rows = await database().passages.orderBy('savedAt').reverse().toArray();
  return rows.filter((r) => words.every((w) => r.search.includes(w))).map(strip);
}

/** Passages saved from one page (URL without fragment). */
export async function passagesForUrl(url: string): Promise<Passage[]> {
  const rows = await database().passages.where('url').equals(withoutFragment(url)).toArray();
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

/**
 * Puts a deleted passage back (undo), keeping its id and time saved. Like an import, it must be
 * from a web page, and its site and link are derived from its URL, not taken as given.
 */
export async function restorePassage(passage: Passage): Promise<void> {
  const url = webPageUrl(passage.url);
  if (url === undefined) throw new Error(`This passage cannot be restored: ${webUrlProblem(passage.url)}.`);
  const clean: Passage = { ...passage, url, site: siteOf(url), link: textFragmentLink(url, passage.quote) };
  await guarded(() => database().passages.put(stored(clean)));
}

export async function updatePassage(id: string, patch: { note?: string; tags?: string[] }): Promise<Passage> {
  const db = database();
  return guarded(() =>
    db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (!row) throw new Error('That passage no longer exists; it may have been deleted in another window.');
      const tags = patch.tags && [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
      const next: Passage = {
        ...strip(row),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(tags ? { tags } : {}),
      };
      await db.passages.put(stored(next));
      return next;
    }),
  );
}

/** Records whether a passage was found on its page. */
export async function recordFound(id: string, found: Passage['found']): Promise<void> {
  await guarded(async () => {
    const db = database();
    await db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (row) await db.passages.put({ ...row, found });
    });
  });
}

export interface ImportResult {
  /** Passages stored. */
  added: number;
  /** Passages left out because they are here already (same id, or same page, words and context). */
  skipped: number;
  /** Passages left out because they are unsafe: a URL that is not a web page (http:, https:). */
  rejected: number;
  /** Why, for the first few rejected (see MAX_IMPORT_PROBLEMS). */
  problems: ImportProblem[];
}

/**
 * Adds the passages of an export that are not here yet; all or nothing. Each passage is vetted
 * first (vetImport): one whose URL is not a web page is left out and reported, and every
 * site and link is derived from the URL, never taken from the file.
 */
export async function importPassages(incoming: readonly ImportedPassage[]): Promise<ImportResult> {
  const { passages, rejected, problems } = vetImport(incoming);
  const db = database();
  return guarded(() =>
    db.transaction('rw', db.passages, async () => {
      const existing = (await db.passages.toArray()).map(strip);
      const fresh = newPassages(existing, passages);
      await db.passages.bulkAdd(fresh.map(stored));
      return { added: fresh.length, skipped: passages.length - fresh.length, rejected, problems };
    }),
  );
}
