/**
 * Reading-list search, ranked as the popup ranks the glossary (lib/search/glossary-search):
 * MiniSearch, forgiving about case, diacritics, prefixes and typos, every word required.
 * It runs in the background over an index of every passage's text, note, tags, title and site,
 * built once (lazily, on the first search) and kept current as passages are saved, edited and
 * deleted. The index also keeps each passage's site, tags, entries and time, so the filters
 * and the ranking never read a passage: only the page shown is read from the database.
 */
import MiniSearch from 'minisearch';
import type { Passage } from '../passages/schema';
import { foldForSearch } from '../text/normalize';

/** What the index needs of a passage. */
export type SearchablePassage = Pick<
  Passage,
  'id' | 'text' | 'note' | 'tags' | 'title' | 'site' | 'entries' | 'savedAt'
>;

/** The filters a search may be narrowed by, as the reading list sends them. */
export interface PassageFilters {
  readonly site?: string;
  readonly tag?: string;
  readonly entry?: string;
}

/**
 * The commonest English words: not indexed, and left out of a search. Each is in most passages,
 * so ranking by one would score nearly the whole list (at 100,000 passages, "the" alone took
 * 0.6 s and "the" + a rare word 1.3 s), while telling passages apart by none of them.
 * A search of these words only is answered in time order by the word index (see `searchable`).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in is it its not of on or ' +
    'she that the their them they this to was we were which who will with you'
  ).split(' '),
);

/** The words of a query the index can rank by (folded, stop words left out). */
export function searchable(query: string): string[] {
  return tokenize(foldForSearch(query)).filter((w) => !STOP_WORDS.has(w));
}

const tokenize = (text: string) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean);

export interface PassageHit {
  readonly id: string;
  readonly score: number;
}

export interface PassageIndex {
  /** Adds a passage, or replaces it when its id is indexed already. */
  upsert(passage: SearchablePassage): void;
  /** Removes a passage; nothing happens when it is not indexed. */
  remove(id: string): void;
  has(id: string): boolean;
  readonly size: number;
  /** Every match, best first (ties: newest first), narrowed by the filters; stop words are left out. */
  search(query: string, filters?: PassageFilters): PassageHit[];
}

interface Doc {
  id: string;
  text: string;
  note: string;
  tags: string;
  title: string;
  site: string;
}

/** What the filters and the tie-break read, kept beside the index. */
interface Facts {
  readonly site: string;
  readonly tags: readonly string[];
  readonly entries: readonly string[];
  readonly savedAt: number;
}

const docOf = (p: SearchablePassage): Doc => ({
  id: p.id,
  text: p.text,
  note: p.note,
  tags: p.tags.join(' '),
  title: p.title,
  site: p.site,
});

/** Folded words remembered while indexing: a reading list repeats a vocabulary of some thousands. */
const FOLD_CACHE_SIZE = 50_000;

export function createPassageIndex(passages: Iterable<SearchablePassage> = []): PassageIndex {
  const facts = new Map<string, Facts>();
  // Folding a word (normalising, stripping marks) costs more than indexing it: each distinct word once.
  const folds = new Map<string, string | null>();
  const fold = (term: string): string | null => {
    let folded = folds.get(term);
    if (folded !== undefined) return folded;
    const f = foldForSearch(term);
    folded = f && !STOP_WORDS.has(f) ? f : null;
    if (folds.size >= FOLD_CACHE_SIZE) folds.clear();
    folds.set(term, folded);
    return folded;
  };
  const mini = new MiniSearch<Doc>({
    fields: ['text', 'note', 'tags', 'title', 'site'],
    storeFields: [],
    processTerm: fold,
    tokenize,
    searchOptions: {
      // The passage and the reader's own words first; then tags, then where it is from.
      boost: { text: 3, note: 3, tags: 2, title: 1.5, site: 1 },
      prefix: (term) => term.length >= 2,
      // As the glossary: one edit in five letters ("investigatros" → investigators).
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });

  const upsert = (p: SearchablePassage) => {
    if (facts.has(p.id)) mini.replace(docOf(p));
    else mini.add(docOf(p));
    facts.set(p.id, { site: p.site, tags: [...p.tags], entries: [...p.entries], savedAt: p.savedAt });
  };
  for (const p of passages) upsert(p);

  return {
    upsert,
    remove(id) {
      if (!facts.delete(id)) return;
      mini.discard(id);
    },
    has: (id) => facts.has(id),
    get size() {
      return facts.size;
    },
    search(query, filters = {}) {
      const words = searchable(query);
      if (!words.length) return [];
      const { site, tag, entry } = filters;
      const passes = (f: Facts) =>
        (!site || f.site === site) && (!tag || f.tags.includes(tag)) && (!entry || f.entries.includes(entry));
      const hits: (PassageHit & { savedAt: number })[] = [];
      for (const r of mini.search(words.join(' '))) {
        const f = facts.get(r.id as string);
        if (f && passes(f)) hits.push({ id: r.id as string, score: r.score, savedAt: f.savedAt });
      }
      hits.sort((a, b) => b.score - a.score || b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return hits.map(({ id, score }) => ({ id, score }));
    },
  };
}
