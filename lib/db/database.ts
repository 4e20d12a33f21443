/**
 * The Dexie schema: every table, every version, every upgrade, in one place.
 * Only modules in lib/db import this file; the rest of Glossa calls their functions.
 * The database lives in the extension's origin and is opened only by the background
 * and extension pages, never by content scripts (a page's IndexedDB belongs to the site).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Entry, EntryKind, PackSource } from '../glossary/schema';
import { type Passage, searchTextOf } from '../passages/schema';

export interface StoredPack {
  id: string;
  title: string;
  version: string;
  source: PackSource;
  /** SHA-256 of the pack's canonical JSON: seeding skips unchanged packs. */
  hash: string;
  /**
   * Shipped with the extension (replaced on update), imported by the reader, built on the
   * reader's machine from a page they read (marked on that page only), or added by hand from a
   * page ("Add to glossary": also marked on that page only, never replaced by a rebuild nor
   * forgotten by the retention setting).
   */
  origin: 'bundled' | 'user' | 'page' | 'hand';
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

/** A passage as stored: the record plus its dedupe key (unique index) and search words. */
export interface StoredPassage extends Passage {
  dedupe: string;
  /**
   * The distinct words of its text, note, tags, title and site, folded (searchWordsOf): what
   * reading-list search looks in, through a multi-entry index. Since version 4; version 3
   * kept the folded text whole in a `search` field instead, which version 4 drops.
   */
  words: string[];
  /** [tag, savedAt, id] for each tag: a tag's passages in time order, through a multi-entry index. Since version 4. */
  tagTimes: TimeKey[];
  /** [entry, savedAt, id] for each glossary entry it mentions, likewise. Since version 4. */
  entryTimes: TimeKey[];
}

/** A value (tag, entry) with the time and id of a passage that has it: ordered by value, then time. */
export type TimeKey = [value: string, savedAt: number, id: string];

/** The time-ordered keys of a passage's tags and entries. */
export function timeKeysOf(p: Pick<Passage, 'tags' | 'entries' | 'savedAt' | 'id'>): {
  tagTimes: TimeKey[];
  entryTimes: TimeKey[];
} {
  return {
    tagTimes: p.tags.map((t) => [t, p.savedAt, p.id]),
    entryTimes: p.entries.map((e) => [e, p.savedAt, p.id]),
  };
}

/** Longer words are indexed (and searched for) by their first this many characters. */
const MAX_WORD_LENGTH = 40;

// Han and kana text has no spaces between words: each of its characters is a word of its own.
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;

/**
 * The distinct words of a folded text (searchTextOf), as the `words` index holds them: runs of
 * letters and digits, so "ISIS–K" is "isis" and "k", and "news.example" is "news" and "example".
 */
export function searchWordsOf(folded: string): string[] {
  return [...new Set(Array.from(folded.matchAll(WORD), (m) => m[0].slice(0, MAX_WORD_LENGTH)))];
}

/**
 * The reader's changes to one entry, kept apart from the entry itself: rebuilding an article,
 * updating the bundled packs or upgrading the schema replaces entries, never these.
 */
export interface StoredEdit {
  /** The entry's key. */
  key: string;
  name?: string;
  summary?: string;
  /** Replaces the entry's aliases. */
  aliases?: string[];
  kind?: EntryKind;
  /** Hidden everywhere: not marked, not searched, not shown. */
  hidden?: boolean;
  /** Split off: joins other entries only through a merge the reader makes. */
  alone?: boolean;
  editedAt: number;
}

/** Two entries the reader said are one entity. `id` is the two keys, sorted, joined by a space. */
export interface StoredMerge {
  id: string;
  a: string;
  b: string;
  at: number;
}

/** A word the reader never wants marked, by its folded form (formKey). */
export interface StoredBlockedForm {
  form: string;
  /** As the reader typed it, for the glossary page. */
  text: string;
  at: number;
}

export const DATABASE_NAME = 'glossa';

export type GlossaDexie = Dexie & {
  packs: EntityTable<StoredPack, 'id'>;
  entries: EntityTable<StoredEntry, 'key'>;
  settings: EntityTable<StoredSetting, 'key'>;
  passages: EntityTable<StoredPassage, 'id'>;
  edits: EntityTable<StoredEdit, 'key'>;
  merges: EntityTable<StoredMerge, 'id'>;
  blockedForms: EntityTable<StoredBlockedForm, 'form'>;
};

function createDatabase(name: string): GlossaDexie {
  const db = new Dexie(name) as GlossaDexie;
  // Version 1: the glossary and settings. Settings have since moved to the browser's sync
  // storage (entrypoints/background/settings-store.ts); the table stays so that the move can
  // read what an earlier version left in it, and is empty after that.
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
        .table<Passage & { search: string }>('passages')
        .toCollection()
        .modify((p) => {
          p.search = searchTextOf(p);
        }),
    );
  // Version 4: the reading list is read a page at a time, through indexes, never whole.
  // `[savedAt+id]` orders it (the id breaks ties, so no page boundary skips or repeats a
  // passage); `[site+savedAt+id]`, `*tagTimes` and `*entryTimes` order each site's, tag's and
  // entry's passages the same way; `*words` holds each passage's distinct folded words, for
  // word-prefix search. Every stored passage gets its words and time keys; the whole folded text
  // of version 3 (`search`) goes.
  db.version(4)
    .stores({
      passages:
        'id, &dedupe, url, site, savedAt, [savedAt+id], [site+savedAt+id], *tags, *entries, *tagTimes, *entryTimes, *words',
    })
    .upgrade((tx) =>
      tx
        .table<StoredPassage>('passages')
        .toCollection()
        .modify((p: StoredPassage & { search?: string }) => {
          p.words = searchWordsOf(searchTextOf(p));
          Object.assign(p, timeKeysOf(p));
          delete p.search;
        }),
    );
  // Version 5: the personal glossary. The reader's edits, merges and blocked words live in
  // tables of their own, so rebuilding an article (which replaces its pack) loses none of them;
  // packs gain an index on when they were built, for the retention setting. Nothing to migrate.
  db.version(5).stores({
    packs: 'id, origin, installedAt',
    edits: 'key',
    merges: 'id, a, b',
    blockedForms: 'form',
  });
  // Every write to the packs table, whatever the function or transaction, counts (see packsWrites).
  db.use({
    stack: 'dbcore',
    name: 'glossa-packs-writes',
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        if (tableName !== 'packs') return table;
        return {
          ...table,
          mutate(request) {
            writes++;
            // Counted again once done: a read that began during the write does not keep its answer.
            return table.mutate(request).finally(() => writes++);
          },
        };
      },
    }),
  });
  return db;
}

let instance: GlossaDexie | undefined;
/** Writes to the packs table begun or ended so far in this context, and databases opened or closed. */
let writes = 0;

/**
 * A number that changes whenever the packs table may have: a write to it begins or ends, or the
 * database is opened or closed. A value read from the table while it stays the same may be kept
 * (lib/db/glossary.ts's packHash). The background is the only context that writes the database.
 */
export function packsWrites(): number {
  return writes;
}

/** The one database of this extension context, opened on first use. */
export function database(): GlossaDexie {
  if (!instance) {
    instance = createDatabase(DATABASE_NAME);
    writes++;
  }
  return instance;
}

/** Closes and forgets the database (tests, and recovery after a failed open). */
export function closeDatabase(): void {
  instance?.close();
  instance = undefined;
  writes++;
}

/** Deletes the whole database: tests only. */
export async function deleteDatabase(): Promise<void> {
  closeDatabase();
  await Dexie.delete(DATABASE_NAME);
}
