/**
 * The reading list's ranked search, as the background keeps it: the passage index
 * (./passage-search) built from the database on the first search, not before, then kept
 * current by every save, edit, restore and delete the background makes. A page of results is
 * a slice of the ranked matches, read from the database by id; the next page starts at a rank.
 */
import { forEachPassageChunk, getPassages, listPassages, type ListCursor, type PassagePage } from '../db/passages';
import type { Passage } from '../passages/schema';
import {
  createPassageIndex,
  type PassageFilters,
  type PassageIndex,
  searchable,
  type SearchablePassage,
} from './passage-search';

export interface RankedQuery extends PassageFilters {
  readonly query: string;
  /** A rank; or a time, for a query of stop words only (answered in time order). */
  readonly cursor?: ListCursor;
  readonly limit: number;
  /** Also answer the filters' choices and how many are stored (as listPassages does). */
  readonly facets?: boolean;
}

export interface ReadingListSearch {
  /**
   * One page of passages matching `query`, best first; `total` is exact. A query of stop words
   * only ("the") cannot be ranked: it is answered in time order by listPassages (word index).
   */
  search(q: RankedQuery): Promise<PassagePage<ListCursor>>;
  /** Builds the index now, if it is not built: the reading list opened, a search may follow. */
  warm(): void;
  /** A passage was saved, restored or edited. */
  saved(passage: SearchablePassage): void;
  deleted(id: string): void;
  /** Many passages changed at once (an import): the index is built again on the next search. */
  forget(): void;
  /** How long the index took to build, and over how many passages: undefined until built. */
  readonly built?: { ms: number; passages: number };
}

export function createReadingListSearch(now: () => number = () => performance.now()): ReadingListSearch {
  let index: Promise<PassageIndex> | undefined;
  let built: { ms: number; passages: number } | undefined;
  // Changes made while the index is being read: applied once it is, whatever the read saw.
  let pending: ((i: PassageIndex) => void)[] = [];

  const build = async (): Promise<PassageIndex> => {
    const started = now();
    const fresh = createPassageIndex();
    const passages = await forEachPassageChunk((chunk) => chunk.forEach(fresh.upsert));
    for (const change of pending) change(fresh);
    pending = [];
    built = { ms: now() - started, passages };
    return fresh;
  };
  const ready = () => {
    if (!index) {
      pending = [];
      const mine = build();
      index = mine;
      // A failed build is tried again on the next search.
      mine.catch(() => index === mine && (index = undefined));
    }
    return index;
  };
  /** Applies a change now if the index is built, once it is if it is being built, else not at all. */
  const change = (apply: (i: PassageIndex) => void) => {
    if (!index) return;
    pending.push(apply);
    void index.then(
      (i) => {
        const at = pending.indexOf(apply);
        if (at < 0) return;
        pending.splice(at, 1);
        apply(i);
      },
      () => undefined,
    );
  };

  return {
    async search({ query, cursor, limit, facets, ...filters }) {
      if (!searchable(query).length) {
        if (cursor && !('savedAt' in cursor)) throw new Error('A search of common words goes on from a time.');
        return listPassages({ query, limit, facets, ...filters, ...(cursor ? { cursor } : {}) });
      }
      if (cursor && !('rank' in cursor)) throw new Error('A ranked search goes on from a rank, not a time.');
      const [i, summary] = await Promise.all([ready(), facets ? listPassages({ limit: 0, facets: true }) : undefined]);
      const hits = i.search(query, filters);
      const from = Math.max(0, cursor?.rank ?? 0);
      const ids = hits.slice(from, from + limit).map((h) => h.id);
      const passages: Passage[] = await getPassages(ids);
      const end = from + ids.length;
      return {
        passages,
        ...(end < hits.length ? { next: { rank: end } } : {}),
        ...(!cursor ? { total: hits.length } : {}),
        ...(summary?.stored !== undefined ? { stored: summary.stored } : {}),
        ...(summary?.facets ? { facets: summary.facets } : {}),
      };
    },
    warm: () => void ready().catch(() => undefined),
    saved: (p) => change((i) => i.upsert(p)),
    deleted: (id) => change((i) => i.remove(id)),
    forget() {
      index = undefined;
      pending = [];
      built = undefined;
    },
    get built() {
      return built;
    },
  };
}
