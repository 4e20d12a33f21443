/**
 * The personal glossary's own records: the reader's edits, merges, splits, hidden entries and
 * blocked words, entries added by hand, and forgetting old articles. Entries themselves live in
 * packs (lib/db/glossary); what the reader changes lives here, apart, so a rebuild, an update or
 * a schema upgrade never loses it.
 */
import type { Entry, EntryKind, Pack } from '../glossary/schema';
import { parsePack } from '../glossary/schema';
import type { ReaderLinks } from '../glossary/identity';
import { contentHash } from '../glossary/hash';
import { slugify } from '../text/slug';
import { formKey } from '../text/normalize';
import { UserError } from '../user-message';
import { HAND_PACK_PREFIX } from './glossary';
import { database, type StoredBlockedForm, type StoredEdit, type StoredEntry } from './database';

/** What the reader may change of an entry. */
export interface EntryPatch {
  name?: string;
  summary?: string;
  aliases?: string[];
  kind?: EntryKind;
}

/** Everything the reader changed, as the background applies it. */
export interface ReaderChanges {
  readonly edits: ReadonlyMap<string, StoredEdit>;
  readonly links: ReaderLinks;
  /** Folded forms never marked. */
  readonly blocked: ReadonlySet<string>;
}

export async function readerChanges(): Promise<ReaderChanges> {
  const db = database();
  const [edits, merges, blocked] = await Promise.all([
    db.edits.toArray(),
    db.merges.toArray(),
    db.blockedForms.toArray(),
  ]);
  return {
    edits: new Map(edits.map((e) => [e.key, e])),
    links: {
      merges: merges.map((m) => [m.a, m.b] as const),
      alone: new Set(edits.filter((e) => e.alone).map((e) => e.key)),
    },
    blocked: new Set(blocked.map((b) => b.form)),
  };
}

async function patchEdit(key: string, patch: Partial<Omit<StoredEdit, 'key' | 'editedAt'>>): Promise<StoredEdit> {
  const db = database();
  return db.transaction('rw', db.edits, async () => {
    const next: StoredEdit = { ...(await db.edits.get(key)), ...patch, key, editedAt: Date.now() };
    await db.edits.put(next);
    return next;
  });
}

/** Saves the reader's edit of an entry's name, summary, aliases or kind. */
export async function editEntry(key: string, patch: EntryPatch): Promise<StoredEdit> {
  const clean: EntryPatch = {};
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (!name) throw new UserError('errorEntryNeedsName');
    clean.name = name;
  }
  if (patch.summary !== undefined) clean.summary = patch.summary.trim();
  if (patch.aliases !== undefined) clean.aliases = [...new Set(patch.aliases.map((a) => a.trim()).filter(Boolean))];
  if (patch.kind !== undefined) clean.kind = patch.kind;
  return patchEdit(key, clean);
}

/** Hides entries everywhere (or shows them again). */
export async function setHidden(keys: readonly string[], hidden: boolean): Promise<void> {
  for (const key of keys) await patchEdit(key, { hidden });
}

/** The reader says two entries are one entity. */
export async function mergeEntries(a: string, b: string): Promise<void> {
  if (a === b) return;
  const [x, y] = [a, b].sort() as [string, string];
  await database().merges.put({ id: `${x} ${y}`, a: x, b: y, at: Date.now() });
}

/** Splits an entry off its entity: its merges go, and it joins nothing automatically. */
export async function splitEntry(key: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.merges, db.edits, async () => {
    await db.merges.where('a').equals(key).delete();
    await db.merges.where('b').equals(key).delete();
    await db.edits.put({ ...(await db.edits.get(key)), key, alone: true, editedAt: Date.now() });
  });
}

/** "Never mark this word": the folded form is marked nowhere. */
export async function blockForm(text: string): Promise<StoredBlockedForm> {
  const form = formKey(text.trim());
  if (!form) throw new UserError('errorWhichWord');
  const row = { form, text: text.trim(), at: Date.now() };
  await database().blockedForms.put(row);
  return row;
}

export async function unblockForm(form: string): Promise<void> {
  await database().blockedForms.delete(form);
}

export async function blockedForms(): Promise<StoredBlockedForm[]> {
  return database().blockedForms.orderBy('form').toArray();
}

/** Applies the reader's edit to an entry (hidden entries are the caller's to drop). */
export function editedEntry<E extends StoredEntry>(entry: E, edit: StoredEdit | undefined): E {
  if (!edit) return entry;
  return {
    ...entry,
    ...(edit.name !== undefined ? { name: edit.name } : {}),
    ...(edit.summary !== undefined ? (edit.summary ? { summary: edit.summary } : { summary: undefined }) : {}),
    ...(edit.aliases !== undefined ? { aliases: edit.aliases } : {}),
    ...(edit.kind !== undefined ? { kind: edit.kind } : {}),
  };
}

/**
 * The entries as the reader wants them matched: edited, without hidden ones, without blocked
 * forms (an entry left with no form to match is dropped).
 */
export function entriesToMatch<E extends StoredEntry>(entries: readonly E[], changes: ReaderChanges): E[] {
  return entries.flatMap((raw) => {
    const edit = changes.edits.get(raw.key);
    if (edit?.hidden) return [];
    const e = editedEntry(raw, edit);
    if (changes.blocked.size === 0) return [e];
    const aliases = e.aliases.filter((a) => !changes.blocked.has(formKey(a)));
    if (!changes.blocked.has(formKey(e.name))) return [{ ...e, aliases }];
    // The name is blocked: the entry matches by its other names, the first standing in as name.
    const [first, ...rest] = aliases;
    return first ? [{ ...e, name: first, aliases: rest }] : [];
  });
}

/** The id of the pack of entries added by hand on the page at `url`. */
export async function handPackId(url: string): Promise<string> {
  return `${HAND_PACK_PREFIX}${(await contentHash(url)).slice(0, 24)}`;
}

export interface HandEntryInput {
  readonly name: string;
  readonly kind: EntryKind;
  /** The sentence the name was selected in: the entry's first source. */
  readonly sentence: string;
  readonly page: { readonly url: string; readonly site: string; readonly title: string };
}

/**
 * "Add to glossary": an entry made by hand from a selection, with its sentence as its first
 * source, in the pack of hand-made entries of that page. Adding the same name again adds the
 * sentence to it.
 */
export async function addHandEntry(input: HandEntryInput): Promise<StoredEntry> {
  const name = input.name.replace(/\s+/gu, ' ').trim();
  if (!name) throw new UserError('errorSelectNameFirst');
  if (name.length > 200) throw new UserError('errorNameTooLong');
  const id = await handPackId(input.page.url);
  const db = database();
  // Read and hash outside the write: a transaction would commit while the hash is awaited.
  const existing = await db.entries.where('packId').equals(id).toArray();
  const sentence = input.sentence.replace(/\s+/gu, ' ').trim().slice(0, 2000) || name;
  const same = existing.find((e) => formKey(e.name) === formKey(name));
  const mention = { paragraph: 0, sentence, count: 1 };
  const own = existing.map(({ key: _k, packId: _p, ...e }) => e as Entry);
  let entries: Entry[];
  let key: string;
  if (same) {
    key = same.key;
    entries = own.map((e) =>
      e.id === same.id && !e.mentions.some((m) => m.sentence === sentence)
        ? { ...e, mentions: [...e.mentions, mention] }
        : e,
    );
  } else {
    const slug = slugify(name) || 'entry';
    let entryId = slug;
    for (let n = 2; existing.some((e) => e.id === entryId); n++) entryId = `${slug}-${n}`;
    key = `${id}/${entryId}`;
    entries = [
      ...own,
      {
        id: entryId,
        name,
        aliases: [],
        kind: input.kind,
        mentions: [mention],
        related: [],
        match: { caseSensitive: [] },
      },
    ];
  }
  const pack: Pack = parsePack(
    {
      format: 1,
      id,
      title: `Added by hand on ${input.page.site}`,
      version: '1.0.0',
      source: { title: input.page.title || input.page.site, site: input.page.site, url: input.page.url },
      entries,
    },
    'The hand-made entry',
  );
  const hash = await contentHash(pack);
  return db.transaction('rw', db.packs, db.entries, async () => {
    await db.entries.where('packId').equals(id).delete();
    await db.entries.bulkAdd(pack.entries.map((e) => ({ ...e, key: `${id}/${e.id}`, packId: id })));
    await db.packs.put({
      id,
      title: pack.title,
      version: pack.version,
      source: pack.source,
      hash,
      origin: 'hand',
      entryCount: pack.entries.length,
      installedAt: Date.now(),
    });
    return (await db.entries.get(key))!;
  });
}

/** Deletes everything built from one article (a page's pack); the reader's own entries stay. */
export async function deleteBuiltPack(id: string): Promise<boolean> {
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const pack = await db.packs.get(id);
    if (!pack || (pack.origin !== 'page' && pack.origin !== 'hand')) return false;
    await db.entries.where('packId').equals(id).delete();
    await db.packs.delete(id);
    return true;
  });
}

/**
 * The retention setting: forgets articles built more than `months` months before `now`.
 * Only packs built from pages; hand-made entries and the reader's edits are kept.
 */
export async function forgetArticlesOlderThan(months: number, now = Date.now()): Promise<number> {
  if (months <= 0) return 0;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const db = database();
  return db.transaction('rw', db.packs, db.entries, async () => {
    const old = await db.packs
      .where('installedAt')
      .below(cutoff.getTime())
      .filter((p) => p.origin === 'page')
      .toArray();
    for (const pack of old) await db.entries.where('packId').equals(pack.id).delete();
    await db.packs.bulkDelete(old.map((p) => p.id));
    return old.length;
  });
}
