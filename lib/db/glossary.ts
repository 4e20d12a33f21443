/** The glossary in IndexedDB: seeding packs, reading entries, compiling the matcher. */
import { contentHash } from '../glossary/hash';
import { type Pack, PackError, parsePack } from '../glossary/schema';
import { compileMatcher } from '../match/compile';
import { formKey } from '../text/normalize';
import type { CompiledMatcher } from '../match/compiled';
import { UserError } from '../user-message';
import { database, packsWrites, type StoredEntry, type StoredPack } from './database';

export type SeedOutcome = 'installed' | 'updated' | 'unchanged';

export function entryKey(packId: string, entryId: string): string {
  return `${packId}/${entryId}`;
}

/**
 * Loads a pack shipped with the extension. Validates it first (a corrupted pack throws
 * a PackError and changes nothing), does nothing when its content hash is unchanged, and
 * otherwise swaps the pack's entries in one transaction, so no reader ever sees half a pack.
 * Touches only this pack's rows: other packs, passages and settings are left alone.
 */
export async function seedBundledPack(input: unknown): Promise<SeedOutcome> {
  const pack = parsePack(input, 'The bundled glossary pack');
  const hash = await contentHash(pack);
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const existing = await db.packs.get(pack.id);
    if (existing?.hash === hash) return 'unchanged';
    await db.entries.where('packId').equals(pack.id).delete();
    await db.entries.bulkAdd(toStoredEntries(pack));
    await db.packs.put(toStoredPack(pack, hash, 'bundled'));
    return existing ? 'updated' : 'installed';
  });
}

/**
 * Seeds every pack the extension ships, and removes bundled packs an update no longer ships.
 * Each pack is seeded on its own: one corrupted pack leaves the others (and its own previous
 * data) in place, and its error is reported.
 */
export async function seedBundledPacks(inputs: readonly unknown[]): Promise<Record<string, SeedOutcome | 'removed'>> {
  const outcomes: Record<string, SeedOutcome | 'removed'> = {};
  const errors: Error[] = [];
  const shipped = new Set<string>();
  for (const input of inputs) {
    try {
      const id = (input as { id?: unknown })?.id;
      if (typeof id === 'string') shipped.add(id);
      const outcome = await seedBundledPack(input);
      outcomes[String(id)] = outcome;
    } catch (error) {
      errors.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  const db = database();
  await db.transaction('rw', db.packs, db.entries, async () => {
    for (const pack of await db.packs.where('origin').equals('bundled').toArray()) {
      if (shipped.has(pack.id)) continue;
      await db.entries.where('packId').equals(pack.id).delete();
      await db.packs.delete(pack.id);
      outcomes[pack.id] = 'removed';
    }
  });
  if (errors.length) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  return outcomes;
}

/** A pack the reader chose to import: what is wrong with it is said to the reader (lib/user-message). */
function parseImportedPack(input: unknown): Pack {
  try {
    return parsePack(input, 'The imported pack');
  } catch (error) {
    if (error instanceof PackError) throw new UserError('errorPackInvalid', error.problems);
    throw error;
  }
}

/**
 * Adds or replaces a reader's own pack. Validated with the same schema as bundled packs;
 * a bundled pack of the same id is not replaced (the reader is told to rename theirs).
 */
export async function importUserPack(input: unknown): Promise<{ id: string; entries: number; outcome: SeedOutcome }> {
  const pack = parseImportedPack(input);
  const hash = await contentHash(pack);
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const existing = await db.packs.get(pack.id);
    if (existing?.origin === 'bundled') {
      throw new UserError('errorPackIdBundled', pack.id);
    }
    if (
      (existing && isOwnPageOrigin(existing.origin)) ||
      pack.id.startsWith(PAGE_PACK_PREFIX) ||
      pack.id.startsWith(HAND_PACK_PREFIX)
    ) {
      throw new UserError('errorPackIdReserved', PAGE_PACK_PREFIX, HAND_PACK_PREFIX);
    }
    if (existing?.hash === hash) return { id: pack.id, entries: pack.entries.length, outcome: 'unchanged' as const };
    await db.entries.where('packId').equals(pack.id).delete();
    await db.entries.bulkAdd(toStoredEntries(pack));
    await db.packs.put(toStoredPack(pack, hash, 'user'));
    return {
      id: pack.id,
      entries: pack.entries.length,
      outcome: existing ? ('updated' as const) : ('installed' as const),
    };
  });
}

/** Removes a reader's pack; bundled packs cannot be removed (they would come back on update). */
export async function removeUserPack(id: string): Promise<boolean> {
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const existing = await db.packs.get(id);
    if (!existing || existing.origin !== 'user') return false;
    await db.entries.where('packId').equals(id).delete();
    await db.packs.delete(id);
    return true;
  });
}

function toStoredEntries(pack: Pack): StoredEntry[] {
  return pack.entries.map((e) => ({ ...e, key: entryKey(pack.id, e.id), packId: pack.id }));
}

function toStoredPack(pack: Pack, hash: string, origin: StoredPack['origin']): StoredPack {
  return {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    source: pack.source,
    hash,
    origin,
    entryCount: pack.entries.length,
    installedAt: Date.now(),
  };
}

export async function listPacks(): Promise<StoredPack[]> {
  return database().packs.toArray();
}

export async function listEntries(): Promise<StoredEntry[]> {
  return database().entries.toArray();
}

/** Entries by key, in the order asked; unknown keys are left out. */
export async function getEntries(keys: readonly string[]): Promise<StoredEntry[]> {
  const rows = await database().entries.bulkGet([...keys]);
  return rows.filter((r): r is StoredEntry => r !== undefined);
}

/** A fingerprint of the whole glossary: the packs' hashes. */
export async function glossaryVersion(): Promise<string> {
  const packs = await database().packs.orderBy('id').toArray();
  return packs.map((p) => `${p.id}@${p.hash.slice(0, 16)}`).join(',');
}

const PAGE_PACK_PREFIX = 'page-';
/** Packs of entries added by hand on a page (lib/db/personal). */
export const HAND_PACK_PREFIX = 'hand-';

const formsCache = new WeakMap<readonly StoredEntry[], Set<string>>();
/** Every form the entries are matched by, folded; cached per list (the public glossary changes rarely). */
function formsOf(entries: readonly StoredEntry[]): Set<string> {
  let forms = formsCache.get(entries);
  if (!forms) {
    forms = new Set(entries.flatMap((e) => [e.name, ...e.aliases].map(formKey)));
    formsCache.set(entries, forms);
  }
  return forms;
}

/** The id of the pack built from the page at `url`: one page, one pack, whatever its title. */
export async function pagePackId(url: string): Promise<string> {
  return `${PAGE_PACK_PREFIX}${(await contentHash(url)).slice(0, 24)}`;
}

/**
 * Stores the pack built from a page, replacing the one built from it before (same id).
 * Validated like every pack; seeding and updates never touch it (its origin is "page").
 */
export async function savePagePack(input: Pack): Promise<SeedOutcome> {
  const pack = parsePack(input, 'The glossary built from this page');
  if (!pack.id.startsWith(PAGE_PACK_PREFIX))
    throw new PackError(`A page's pack id must start with "${PAGE_PACK_PREFIX}".`);
  const hash = await contentHash(pack);
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const existing = await db.packs.get(pack.id);
    if (existing?.hash === hash) {
      // Read again: the retention setting counts from the last reading.
      await db.packs.update(pack.id, { installedAt: Date.now() });
      return 'unchanged';
    }
    await db.entries.where('packId').equals(pack.id).delete();
    await db.entries.bulkAdd(toStoredEntries(pack));
    await db.packs.put(toStoredPack(pack, hash, 'page'));
    return existing ? 'updated' : 'installed';
  });
}

/** Packs that mark one page only, and only that page: built from it, or added by hand on it. */
export const isOwnPageOrigin = (origin: StoredPack['origin']) => origin === 'page' || origin === 'hand';

/** The entries that mark every page: bundled and imported packs, not the reader's pages' packs. */
export async function publicEntries(): Promise<StoredEntry[]> {
  const db = database();
  const pagePacks = new Set(await db.packs.where('origin').anyOf('page', 'hand').primaryKeys());
  return (await db.entries.toArray()).filter((e) => !pagePacks.has(e.packId));
}

/**
 * What the packs table held when last read, kept until it is written again (packsWrites): the
 * ids of every pack, and the hashes read since. Every page asks for two hashes (its built pack's
 * and its hand pack's) before its first marks, and most pages have neither; a read from
 * IndexedDB took 1–15 ms in the service worker while a page loaded (median ~4 ms).
 */
let kept: { since: number; ids: Promise<Set<string>>; hashes: Map<string, string | undefined> } | undefined;

/**
 * The hash of one pack (undefined when there is no such pack): enough to find its compiled
 * matcher in a cache without reading its entries (a page's built pack can hold megabytes of sentences).
 * Not to be called inside a write transaction: what it read there would be kept if it aborted.
 */
export async function packHash(id: string): Promise<string | undefined> {
  const since = packsWrites();
  if (kept?.since !== since) {
    const ids = database()
      .packs.toCollection()
      .primaryKeys()
      .then((keys) => new Set(keys));
    const fresh = { since, ids, hashes: new Map<string, string | undefined>() };
    // A failed read is not kept: the next question reads again.
    ids.catch(() => {
      if (kept === fresh) kept = undefined;
    });
    kept = fresh;
  }
  // A write begun meanwhile makes the next question start afresh, so what this one reads, from
  // before the write or after it, is never answered again once the write has begun.
  const { ids, hashes } = kept;
  if (!(await ids).has(id)) return undefined;
  if (!hashes.has(id)) hashes.set(id, (await database().packs.get(id))?.hash);
  return hashes.get(id);
}

/** The entries of one pack, with the pack's hash (undefined when there is no such pack). */
export async function packEntries(id: string): Promise<{ hash: string; entries: StoredEntry[] } | undefined> {
  const db = database();
  const pack = await db.packs.get(id);
  if (!pack) return undefined;
  return { hash: pack.hash, entries: await db.entries.where('packId').equals(id).toArray() };
}

/** Version of the public glossary: the hashes of every pack not built from a page. */
export async function publicGlossaryVersion(): Promise<string> {
  const packs = await database().packs.orderBy('id').toArray();
  return packs
    .filter((p) => !isOwnPageOrigin(p.origin))
    .map((p) => `${p.id}@${p.hash.slice(0, 16)}`)
    .join(',');
}

/**
 * Compiles the matcher for a page: every public entry, plus the entries built from that page.
 * Packs built from other pages never mark it, so a page cannot learn what else was read.
 */
export function compilePageMatcher(
  base: readonly StoredEntry[],
  baseVersion: string,
  page?: { hash: string; entries: readonly StoredEntry[] },
): CompiledMatcher {
  // Where a public entry already names a form, it keeps it: the page's pack adds new names only.
  // (One card that layers both sources is the personal-glossary work.)
  let entries: readonly StoredEntry[] = base;
  if (page) {
    const taken = formsOf(base);
    const added = page.entries.flatMap((e) => {
      if (taken.has(formKey(e.name))) return [];
      return [{ ...e, aliases: e.aliases.filter((a) => !taken.has(formKey(a))) }];
    });
    entries = [...base, ...added];
  }
  return compileMatcher(
    entries.map((entry) => ({ key: entry.key, entry })),
    page ? `${baseVersion}+${page.hash.slice(0, 16)}` : baseVersion,
  );
}
