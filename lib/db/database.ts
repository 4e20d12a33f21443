/**
 * The Dexie schema: every table, every version, every upgrade, in one place.
 * Only modules in lib/db import this file; the rest of Glossa calls their functions.
 * The database lives in the extension's origin and is opened only by the background
 * and extension pages, never by content scripts (a page's IndexedDB belongs to the site).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Entry, PackSource } from '../glossary/schema';
import { type Passage, searchTextOf } from '../passages/schema';

export interface StoredPack {
  id: string;
  title: string;
  version: string;
  source: PackSource;
  /** SHA-256 of the pack's canonical JSON: seeding skips unchanged packs. */
  hash: string;
  /**
   * Shipped with the extension (replaced on update), imported by the reader, or built on the
   * reader's machine from a page they read (marked on that page only).
   */
  origin: 'bundled' | 'user' | 'page';
  entryCount: number;
  installedAt: number;
}

export interface StoredEntry extends Entry {
  /** `${packId}/${id}`: unique across packs. */
  key: string;
  packId: string;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/** A passage as stored: the record plus its dedupe key (unique index) and search text. */
export interface StoredPassage extends Passage {
  dedupe: string;
  /** Folded text, note, tags, title and site: what reading-list search looks in. Since version 3. */
  search: string;
}

export const DATABASE_NAME = 'glossa';

export type GlossaDexie = Dexie & {
  packs: EntityTable<StoredPack, 'id'>;
  entries: EntityTable<StoredEntry, 'key'>;
  settings: EntityTable<StoredSetting, 'key'>;
  passages: EntityTable<StoredPassage, 'id'>;
};

function createDatabase(name: string): GlossaDexie {
  const db = new Dexie(name) as GlossaDexie;
  // Version 1: the glossary and settings.
  db.version(1).stores({
    packs: 'id, origin',
    entries: 'key, packId',
    settings: 'key',
  });
  // Version 2: the reading list.
  db.version(2).stores({
    passages: 'id, &dedupe, url, site, savedAt, *tags, *entries',
  });
  // Version 3: full-text search over passages and notes. Same indexes; every stored passage
  // gets its search text, so passages saved under version 2 are found like new ones.
  db.version(3)
    .stores({ passages: 'id, &dedupe, url, site, savedAt, *tags, *entries' })
    .upgrade((tx) =>
      tx
        .table<StoredPassage>('passages')
        .toCollection()
        .modify((p) => {
          p.search = searchTextOf(p);
        }),
    );
  return db;
}

let instance: GlossaDexie | undefined;

/** The one database of this extension context, opened on first use. */
export function database(): GlossaDexie {
  instance ??= createDatabase(DATABASE_NAME);
  return instance;
}

/** Closes and forgets the database (tests, and recovery after a failed open). */
export function closeDatabase(): void {
  instance?.close();
  instance = undefined;
}

/** Deletes the whole database: tests only. */
export async function deleteDatabase(): Promise<void> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
}
