/** The reading list in IndexedDB. Every write goes through here, in the background. */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { textFragmentLink } from '../anchoring/text-fragment';
import { type ImportedPassage, type ImportProblem, newPassages, vetImport } from '../passages/export';
import { dedupeKey, type Passage, type PassageInput, PassageInputSchema, searchTextOf } from '../passages/schema';
import { siteOf, webPageUrl, webUrlProblem } from '../passages/url';
import { database, searchWordsOf, type StoredPassage, timeKeysOf } from './database';
import { UserError, userMessage } from '../user-message';

export class StorageFullError extends UserError {
  override name = 'StorageFullError';
  constructor() {
    super('errorStorageFull');
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

/** A passage as the database keeps it (with its dedupe key and search words): for bulk seeding too. */
export function storedPassage(passage: Passage): StoredPassage {
  return {
    ...passage,
    dedupe: dedupeKey(passage),
    words: searchWordsOf(searchTextOf(passage)),
    ...timeKeysOf(passage),
  };
}

function strip(row: StoredPassage): Passage {
  const { dedupe: _dedupe, words: _words, tagTimes: _tagTimes, entryTimes: _entryTimes, ...passage } = row;
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
  if (url === undefined)
    throw new UserError('errorKeepsWebPagesOnly', webUrlProblem(clean.url) ?? userMessage('urlMalformed'));
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
      await db.passages.add(storedPassage(passage));
      return { passage, duplicate: false };
    }),
  );
}

export async function getPassage(id: string): Promise<Passage | undefined> {
  const row = await database().passages.get(id);
  return row && strip(row);
}

/** Where a page of the reading list ends: the next page starts just past this passage. */
export interface PassageCursor {
  savedAt: number;
  id: string;
}

/** Which passages to list, and which page of them. */
export interface PassageQuery {
  /** Words, each the start of a word of the passage's text, note, tags, title or site (folded). */
  query?: string;
  site?: string;
  tag?: string;
  /** A glossary entry key the passage mentions. */
  entry?: string;
  /** Newest first (the default) or oldest first; ties in time go by id. */
  order?: 'newest' | 'oldest';
  /** Where the previous page ended (its `next`); absent for the first page. */
  cursor?: PassageCursor;
  /** Passages per page, at most MAX_PAGE; 0 for none (the counts and choices only). */
  limit: number;
  /**
   * Also answer the choices for the site, tag and entry filters, and how many passages are
   * stored. Both cost time proportional to the list (IndexedDB counts by walking), so the
   * reading list asks for them in a request of their own, and the first page does not wait.
   */
  facets?: boolean;
}

/** The choices for the filters, read from their indexes (no passage is loaded). */
export interface PassageFacets {
  sites: string[];
  tags: string[];
  entries: string[];
}

/** Where a page of ranked search results ends: the next page starts at this rank (0: the best). */
export interface RankCursor {
  rank: number;
}

/** Where a page of the reading list ends: in time order, or in rank order for a search. */
export type ListCursor = PassageCursor | RankCursor;

export interface PassagePage<C extends ListCursor = PassageCursor> {
  passages: Passage[];
  /** Where the next page starts; absent when there is no more. */
  next?: C;
  /**
   * How many passages match a filter or search, on a first page (no cursor) only, and only when
   * it is known: a search whose every word is very common is not counted (see listPassages).
   */
  total?: number;
  /** How many passages are stored in all, whatever the filters: asked for with `facets`. */
  stored?: number;
  facets?: PassageFacets;
}

/** The largest page: what the reading list shows at once is far smaller; exports read these. */
export const MAX_PAGE = 1000;
/**
 * How listPassages plans its reads; the costs behind it are Chromium's (see the bench): reading
 * an index key costs about a fortieth of reading a passage by its id, and a passage read in a
 * range (several at once, in index order) a fifth. Tests shrink these to reach every path.
 */
export const PLANNER = {
  /**
   * Index entries read for a site, tag or entry filter, and for a search word, before calling it
   * "broad". Up to this many, the ids it matches are gathered (keys only) and intersected with
   * the others'; past it, the filter is tested on the passages read instead.
   */
  gatherFilter: 10_000,
  gatherWord: 4000,
  /** Candidates this few are read whole and sorted; more are met in time order through an index. */
  fetchWhole: 300,
  /** Ids read at a time when walking the list in time order (keys only). */
  keyChunk: 2000,
  /** Passages read at a time when walking an index in time order (the first step may be smaller). */
  rowChunk: 250,
  /**
   * Per request, at most this many passages read and tested, or ids walked: past it, a request
   * answers what it found so far, maybe nothing, with a cursor to go on from (the reading list
   * asks again as the reader scrolls). So every answer stays quick, whatever the search.
   */
  scanBudget: 1000,
  keyBudget: 10_000,
};

const ORDER = '[savedAt+id]';

/** The words of a search, folded as the index is; a word that starts another one is implied by it. */
export function queryWords(query: string): string[] {
  const words = searchWordsOf(searchTextOf({ text: query, note: '', tags: [], title: '', site: '' }));
  return words.filter((w) => !words.some((other) => other !== w && other.startsWith(w)));
}

type Table = ReturnType<typeof database>['passages'];
type Rows = ReturnType<Table['orderBy']>;
type Order = NonNullable<PassageQuery['order']>;

interface Filter {
  /** The ids of the passages that pass, from an index; undefined past the gathering limit. */
  ids(): Promise<Set<string> | undefined>;
  test(row: StoredPassage): boolean;
  /** Site, tag and entry filters: their own passages in listing order, from a time-ordered index. */
  inOrder?(order: Order, from?: PassageCursor): Rows;
}

async function idsUpTo(collection: Rows, limit: number): Promise<Set<string> | undefined> {
  const keys = await collection.limit(limit + 1).primaryKeys();
  return keys.length > limit ? undefined : new Set(keys);
}

/**
 * The passages of one site, tag or entry in listing order, just past `from`: its index holds
 * [value, savedAt, id] for each passage, so this is a range of it.
 */
function valueInOrder(
  table: Table,
  index: '[site+savedAt+id]' | 'tagTimes' | 'entryTimes',
  value: string,
  order: Order,
  from?: PassageCursor,
): Rows {
  const [low, high, at] = [[value], [value, Infinity], from && [value, from.savedAt, from.id]];
  const range = !at
    ? table.where(index).between(low, high, true, true)
    : order === 'newest'
      ? table.where(index).between(low, at, true, false)
      : table.where(index).between(at, high, false, true);
  return order === 'newest' ? range.reverse() : range;
}

/** The filters, likely narrowest first: an entry, a tag, a site, then search words, longest first. */
function filtersOf(table: Table, q: PassageQuery): Filter[] {
  const filters: Filter[] = [];
  const { site, tag, entry } = q;
  const gather = PLANNER.gatherFilter;
  if (entry)
    filters.push({
      ids: () => idsUpTo(table.where('entries').equals(entry), gather),
      test: (r) => r.entries.includes(entry),
      inOrder: (order, from) => valueInOrder(table, 'entryTimes', entry, order, from),
    });
  if (tag)
    filters.push({
      ids: () => idsUpTo(table.where('tags').equals(tag), gather),
      test: (r) => r.tags.includes(tag),
      inOrder: (order, from) => valueInOrder(table, 'tagTimes', tag, order, from),
    });
  if (site)
    filters.push({
      ids: () => idsUpTo(table.where('site').equals(site), gather),
      test: (r) => r.site === site,
      inOrder: (order, from) => valueInOrder(table, '[site+savedAt+id]', site, order, from),
    });
  for (const word of queryWords(q.query ?? '').sort((a, b) => b.length - a.length))
    filters.push({
      ids: () => idsUpTo(table.where('words').startsWith(word), PLANNER.gatherWord),
      test: (r) => r.words.some((w) => w.startsWith(word)),
    });
  return filters;
}

const cursorOf = (p: Pick<Passage, 'savedAt' | 'id'>): PassageCursor => ({ savedAt: p.savedAt, id: p.id });

/** Listing order: negative when `a` comes before `b`. Ids compare as IndexedDB compares strings. */
function compare(order: Order, a: PassageCursor, b: PassageCursor): number {
  const ascending = a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return order === 'newest' ? -ascending : ascending;
}

/** Every passage from just past `from`, in listing order, through the `[savedAt+id]` index. */
function inOrder(table: Table, order: Order, from?: PassageCursor): Rows {
  const key = from && [from.savedAt, from.id];
  const range = !key
    ? table.orderBy(ORDER)
    : order === 'newest'
      ? table.where(ORDER).below(key)
      : table.where(ORDER).above(key);
  return order === 'newest' ? range.reverse() : range;
}

/**
 * The distinct keys of an index, jumping from each to the next (one lookup per distinct key)
 * rather than walking every entry, as a "nextunique" cursor does in Chromium: a site filter
 * over 100,000 passages from 300 sites reads 300 keys, not 100,000.
 */
async function distinctKeys(table: Table, index: 'site' | 'tags' | 'entries'): Promise<string[]> {
  const keys: string[] = [];
  for (let last: string | undefined; ;) {
    const next = await (last === undefined ? table.orderBy(index) : table.where(index).above(last)).limit(1).keys();
    if (!next.length) return keys;
    last = String(next[0]);
    keys.push(last);
  }
}

async function facetsOf(table: Table): Promise<PassageFacets> {
  const [sites, tags, entries] = await Promise.all([
    distinctKeys(table, 'site'),
    distinctKeys(table, 'tags'),
    distinctKeys(table, 'entries'),
  ]);
  return { sites, tags, entries };
}

/**
 * One page of the reading list, newest first (or oldest first), filtered by site, tag, entry
 * and search words, read through indexes; no request reads every passage.
 *
 *  - No filter: the page is read straight from the `[savedAt+id]` index.
 *  - Filters: each reads the ids it matches from its index (site, tags, entries, words; a
 *    search word matches every word it starts), keys only, up to a limit (PLANNER), and these
 *    are intersected, until the candidates are few. Few candidates are read whole and sorted.
 *    Otherwise the passages are met in time order: through the time index of the narrowest
 *    site, tag or entry filter (each has one), or else by walking the ids in time order and
 *    reading only candidates. Filters too broad to gather are tested on the passages read.
 *  - Every request stops after PLANNER.scanBudget passages read (or keyBudget ids walked):
 *    a page may then hold fewer passages than asked, even none, and still have a `next`.
 *
 * Counts: the number matching comes on first pages (no cursor) when it is known without
 * reading more (not when a filter had to be tested passage by passage); the number stored
 * comes with `facets`.
 */
export async function listPassages(q: PassageQuery): Promise<PassagePage> {
  const db = database();
  const table = db.passages;
  const order = q.order ?? 'newest';
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(q.limit)));
  return db.transaction('r', table, async () => {
    const [stored, facets] = q.facets ? await Promise.all([table.count(), facetsOf(table)]) : [];
    const page = await findPage(table, q, order, limit, stored);
    return { ...page, ...(stored !== undefined ? { stored } : {}), ...(facets ? { facets } : {}) };
  });
}

type Found = Pick<PassagePage, 'passages' | 'next' | 'total'>;

/** What a walk through an index found, and why it stopped. */
interface Walk {
  found: StoredPassage[];
  /** The list ended: nothing more matches. */
  ended?: boolean;
  /** Out of budget: the last passage walked, where the next request goes on. */
  stoppedAt?: PassageCursor;
}

async function findPage(table: Table, q: PassageQuery, order: Order, limit: number, stored?: number): Promise<Found> {
  const first = !q.cursor;
  const filters = filtersOf(table, q);
  // A page and one more: the one more says whether there is a next page.
  const want = limit + 1;
  const done = (rows: readonly StoredPassage[], total: number | undefined): Found => {
    const passages = rows.slice(0, limit).map(strip);
    return {
      passages,
      ...(rows.length > limit ? { next: cursorOf(passages.at(-1)!) } : {}),
      ...(first && total !== undefined ? { total } : {}),
    };
  };
  const finish = (walk: Walk, total: number | undefined): Found => {
    const known = total ?? (first && walk.ended ? walk.found.length : undefined);
    if (walk.stoppedAt && walk.found.length <= limit) {
      // Out of budget before a full page: the next request goes on from where this one stopped.
      return {
        passages: walk.found.map(strip),
        next: walk.stoppedAt,
        ...(first && known !== undefined ? { total: known } : {}),
      };
    }
    return done(walk.found, known);
  };

  if (!filters.length) return done(limit ? await inOrder(table, order, q.cursor).limit(want).toArray() : [], stored);
  if (!limit) return { passages: [] };

  let candidates: Set<string> | undefined;
  const tests: Filter['test'][] = [];
  // Site, tag and entry filters whose ids were gathered, with how many: the narrowest leads.
  const gathered: { filter: Filter; size: number }[] = [];
  const broad: Filter[] = [];
  for (const filter of filters) {
    // Once the candidates are few, reading them is cheaper than gathering more ids.
    if (candidates && candidates.size <= PLANNER.fetchWhole) {
      tests.push(filter.test);
      continue;
    }
    const ids = await filter.ids();
    if (!ids) {
      tests.push(filter.test);
      broad.push(filter);
      continue;
    }
    if (filter.inOrder) gathered.push({ filter, size: ids.size });
    if (!candidates) candidates = ids;
    else {
      const [small, large] = candidates.size <= ids.size ? [candidates, ids] : [ids, candidates];
      candidates = new Set([...small].filter((id) => large.has(id)));
    }
  }
  const passes = (row: StoredPassage | undefined): row is StoredPassage => !!row && tests.every((t) => t(row));
  // The count is known when every filter was gathered.
  const total = candidates && !tests.length ? candidates.size : undefined;

  if (candidates && candidates.size <= PLANNER.fetchWhole) {
    // Few enough to read whole: every match is known, so the count is exact.
    const rows = (await table.bulkGet([...candidates])).filter(passes).sort((a, b) => compare(order, a, b));
    return done(q.cursor ? rows.filter((r) => compare(order, r, q.cursor!) > 0) : rows, rows.length);
  }
  const within = candidates;
  const keep = (row: StoredPassage) => (!within || within.has(row.id)) && passes(row);
  const narrowest = gathered.sort((a, b) => a.size - b.size)[0]?.filter;
  if (narrowest?.inOrder) {
    // Through the narrowest gathered filter's own time index: every passage read is one of its own.
    return finish(await walkRows((from, n) => narrowest.inOrder!(order, from).limit(n), q.cursor, want, keep), total);
  }
  if (within) {
    // Candidates from search words: walk the ids in time order (keys only), reading only candidates.
    return finish(await walkKeys(table, order, q.cursor, want, within, passes), total);
  }
  // Every filter is broad: read passages in time order, through a site, tag or entry filter's
  // time index if there is one, and test them.
  const lead = broad.find((f) => f.inOrder);
  const source = lead?.inOrder
    ? (from: PassageCursor | undefined, n: number) => lead.inOrder!(order, from).limit(n)
    : (from: PassageCursor | undefined, n: number) => inOrder(table, order, from).limit(n);
  return finish(await walkRows(source, q.cursor, want, keep), undefined);
}

/**
 * Walks the ids in listing order (keys only), in growing chunks up to PLANNER.keyChunk, reading
 * the candidates among them (no more than the page still needs) and keeping those that pass,
 * until `want` are kept, the list ends, or PLANNER.keyBudget ids were walked.
 */
async function walkKeys(
  table: Table,
  order: Order,
  from: PassageCursor | undefined,
  want: number,
  candidates: ReadonlySet<string>,
  passes: (row: StoredPassage | undefined) => row is StoredPassage,
): Promise<Walk> {
  const found: StoredPassage[] = [];
  let walked = 0;
  for (
    let position = from, size = Math.min(PLANNER.keyChunk, 4 * want);
    ;
    size = Math.min(4 * size, PLANNER.keyChunk)
  ) {
    const ids = await inOrder(table, order, position).limit(size).primaryKeys();
    const hits = ids.filter((id) => candidates.has(id));
    for (let i = 0; i < hits.length && found.length < want;) {
      const batch = hits.slice(i, (i += Math.max(want - found.length, 16)));
      found.push(...(await table.bulkGet(batch)).filter(passes));
    }
    if (found.length >= want) return { found };
    if (ids.length < size) return { found, ended: true };
    walked += ids.length;
    const last = await table.get(ids.at(-1)!);
    if (!last) return { found, ended: true };
    position = cursorOf(last);
    if (walked >= PLANNER.keyBudget) return { found, stoppedAt: position };
  }
}

/**
 * Reads passages in listing order from `source` and keeps those that pass, a chunk at a time
 * (the first one small: when most pass, a page is found at once), until `want` are kept, the
 * source ends, or PLANNER.scanBudget passages were read.
 */
async function walkRows(
  source: (from: PassageCursor | undefined, n: number) => Rows,
  from: PassageCursor | undefined,
  want: number,
  keep: (row: StoredPassage) => boolean,
): Promise<Walk> {
  const found: StoredPassage[] = [];
  let read = 0;
  for (let position = from, size = Math.min(PLANNER.rowChunk, 2 * want); ; size = PLANNER.rowChunk) {
    const rows = await source(position, size).toArray();
    read += rows.length;
    found.push(...rows.filter(keep));
    if (found.length >= want) return { found };
    if (rows.length < size) return { found, ended: true };
    position = cursorOf(rows.at(-1)!);
    if (read >= PLANNER.scanBudget) return { found, stoppedAt: position };
  }
}

/** Passages by id, in the order asked, those that exist. */
export async function getPassages(ids: readonly string[]): Promise<Passage[]> {
  const rows = await database().passages.bulkGet([...ids]);
  return rows.filter((r): r is StoredPassage => r !== undefined).map(strip);
}

/** Passages read at a time when every passage is read (to build the search index). */
const READ_ALL_CHUNK = 2000;

/**
 * Every passage, a chunk at a time in id order, each chunk in a transaction of its own (so
 * saves are not held up while a large list is read): what the reading list's search index is
 * built from. A passage saved or deleted meanwhile may or may not be seen.
 */
export async function forEachPassageChunk(visit: (chunk: Passage[]) => void): Promise<number> {
  const table = database().passages;
  let count = 0;
  for (let last: string | undefined; ;) {
    const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last))
      .limit(READ_ALL_CHUNK)
      .toArray();
    if (rows.length) visit(rows.map(strip));
    count += rows.length;
    if (rows.length < READ_ALL_CHUNK) return count;
    last = rows.at(-1)!.id;
  }
}

/** Every passage, newest first, read a page at a time: for exports and tests, never for display. */
export async function allPassages(): Promise<Passage[]> {
  const out: Passage[] = [];
  let cursor: PassageCursor | undefined;
  do {
    const page = await listPassages({ limit: MAX_PAGE, cursor });
    out.push(...page.passages);
    cursor = page.next;
  } while (cursor);
  return out;
}

/** Every passage matching a search, newest first (all pages of listPassages). */
export async function searchPassages(query: string): Promise<Passage[]> {
  const out: Passage[] = [];
  let cursor: PassageCursor | undefined;
  do {
    const page = await listPassages({ query, limit: MAX_PAGE, cursor });
    out.push(...page.passages);
    cursor = page.next;
  } while (cursor);
  return out;
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
 * from a web page, and its site and link are derived from its URL, not taken as given: the
 * passage as stored is returned.
 */
export async function restorePassage(passage: Passage): Promise<Passage> {
  const url = webPageUrl(passage.url);
  if (url === undefined)
    throw new UserError('errorCannotRestore', webUrlProblem(passage.url) ?? userMessage('urlMalformed'));
  const clean: Passage = { ...passage, url, site: siteOf(url), link: textFragmentLink(url, passage.quote) };
  await guarded(() => database().passages.put(storedPassage(clean)));
  return clean;
}

export async function updatePassage(id: string, patch: { note?: string; tags?: string[] }): Promise<Passage> {
  const db = database();
  return guarded(() =>
    db.transaction('rw', db.passages, async () => {
      const row = await db.passages.get(id);
      if (!row) throw new UserError('errorPassageDeletedElsewhere');
      const tags = patch.tags && [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))];
      const next: Passage = {
        ...strip(row),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(tags ? { tags } : {}),
      };
      await db.passages.put(storedPassage(next));
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
      // Only the stored passages an incoming one could duplicate (same id, or same dedupe key).
      const [byId, byKey] = await Promise.all([
        db.passages.bulkGet(passages.map((p) => p.id)),
        db.passages.where('dedupe').anyOf(passages.map(dedupeKey)).toArray(),
      ]);
      const existing = [...byId, ...byKey].filter((r): r is StoredPassage => r !== undefined).map(strip);
      const fresh = newPassages(existing, passages);
      await db.passages.bulkAdd(fresh.map(storedPassage));
      return { added: fresh.length, skipped: passages.length - fresh.length, rejected, problems };
    }),
  );
}
