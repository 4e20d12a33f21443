/**
 * Glossary search for the popup: forgiving about case, diacritics, dashes, prefixes, typos and
 * transliterations, built on MiniSearch. Results are ranked in tiers, then by MiniSearch's
 * score: exact name > exact alias > prefix of a name or alias > fuzzy name or alias > summary.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { foldForSearch } from '../text/normalize';

export interface SearchableEntry {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly summary?: string;
}

export type MatchTier = 'name' | 'alias' | 'prefix' | 'fuzzy' | 'summary';
const TIER_ORDER: Record<MatchTier, number> = { name: 0, alias: 1, prefix: 2, fuzzy: 3, summary: 4 };

export interface GlossaryHit {
  readonly key: string;
  readonly tier: MatchTier;
  readonly score: number;
}

/** Letters and digits only: "ISIS–K" and "isisk" meet here. */
const compact = (s: string) => foldForSearch(s).replace(/[^\p{L}\p{N}]+/gu, '');

interface Doc {
  id: string;
  name: string;
  aliases: string;
  summary: string;
  compact: string;
}

export interface GlossaryIndex {
  search(query: string, limit?: number): GlossaryHit[];
}

/** Each entry's forms, folded once at indexing: ranking thousands of hits must not fold again. */
interface Folded {
  readonly name: string;
  readonly nameCompact: string;
  readonly aliases: readonly string[];
  readonly aliasesCompact: readonly string[];
  readonly forms: readonly string[];
  readonly formsCompact: readonly string[];
  readonly words: readonly string[];
}

function foldEntry(e: SearchableEntry): Folded {
  const forms = [e.name, ...e.aliases].map(foldForSearch);
  const formsCompact = [e.name, ...e.aliases].map(compact);
  return {
    name: forms[0]!,
    nameCompact: formsCompact[0]!,
    aliases: forms.slice(1),
    aliasesCompact: formsCompact.slice(1),
    forms,
    formsCompact,
    words: forms.flatMap((f) => f.split(/[\s\p{P}]+/u)),
  };
}

export function createGlossaryIndex(entries: readonly SearchableEntry[]): GlossaryIndex {
  const folded = new Map(entries.map((e) => [e.key, foldEntry(e)]));
  const mini = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'summary', 'compact'],
    storeFields: [],
    processTerm: (term) => foldForSearch(term) || null,
    tokenize: (text) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean),
    searchOptions: {
      boost: { name: 4, compact: 3, aliases: 3, summary: 1 },
      prefix: (term) => term.length >= 2,
      // One edit in five letters: "Rahmen" → Rahmon, "Matveev" → Matveyev.
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  mini.addAll(
    entries.map((e) => ({
      id: e.key,
      name: e.name,
      aliases: e.aliases.join(' | '),
      summary: e.summary ?? '',
      compact: [e.name, ...e.aliases].map(compact).join(' '),
    })),
  );

  function tierOf(result: SearchResult, q: string, qCompact: string, qWords: readonly string[]): MatchTier {
    const f = folded.get(result.id as string)!;
    if (f.name === q || f.nameCompact === qCompact) return 'name';
    if (f.aliases.includes(q) || f.aliasesCompact.includes(qCompact)) return 'alias';
    if (f.forms.some((x) => x.startsWith(q)) || f.formsCompact.some((x) => x.startsWith(qCompact))) return 'prefix';
    if (qWords.every((w) => f.words.some((x) => x.startsWith(w)))) return 'prefix';
    const fields = new Set(Object.values(result.match).flat());
    if (fields.has('name') || fields.has('aliases') || fields.has('compact')) return 'fuzzy';
    return 'summary';
  }

  return {
    search(query, limit = 50) {
      const q = foldForSearch(query);
      if (!q) return [];
      const qCompact = compact(query);
      const qWords = q.split(/[\s\p{P}]+/u).filter(Boolean);
      const results = mini.search(query);
      // "isisk": no word of it is a token, but the compact form is.
      if (results.length === 0 && qCompact) results.push(...mini.search(qCompact, { fields: ['compact'] }));
      return results
        .map((r) => ({ key: r.id as string, tier: tierOf(r, q, qCompact, qWords), score: r.score }))
        .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score)
        .slice(0, limit);
    },
  };
}
