/**
 * The personal glossary as the reader sees it: every entry of every pack (bundled, built from
 * pages, imported, added by hand), with the reader's edits applied, grouped into entities
 * (identity.ts), searchable with the popup's ranking, filterable by source.
 */
import { createGlossaryIndex, type GlossaryIndex } from '../search/glossary-search';
import { type Identity, type ReaderLinks, resolveIdentity } from './identity';
import type { EntryKind } from './schema';

export const ENTRY_ORIGINS = ['bundled', 'user', 'page', 'hand'] as const;
export type EntryOrigin = (typeof ENTRY_ORIGINS)[number];

export interface PersonalEntry {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: EntryKind;
  readonly summary?: string;
  readonly sameAs?: readonly string[];
  readonly mentions: readonly unknown[];
  readonly hidden?: boolean;
  readonly edited?: boolean;
  readonly pack: { readonly origin: EntryOrigin; readonly installedAt?: number };
}

export interface EntitySummary {
  /** The entity's id: its smallest entry key. */
  readonly id: string;
  readonly name: string;
  readonly kind: EntryKind;
  readonly aliases: readonly string[];
  /** The lead entry's summary, else the first one any of its entries has. */
  readonly summary?: string;
  readonly keys: readonly string[];
  readonly origins: readonly EntryOrigin[];
  /** Articles (page packs) that name it. */
  readonly articles: number;
  /** Every entry of it is hidden. */
  readonly hidden: boolean;
}

export interface PersonalGlossary {
  readonly identity: Identity;
  readonly entities: readonly EntitySummary[];
  entity(key: string): EntitySummary | undefined;
  /** Builds the search index now (it is otherwise built by the first search). */
  warmSearch(): void;
  query(q: { query?: string; origin?: EntryOrigin; includeHidden?: boolean; offset?: number; limit?: number }): {
    entities: EntitySummary[];
    total: number;
  };
}

/** The name an entity goes by: one the reader gave, else a reference pack's, else the fullest. */
function rank(e: PersonalEntry): number {
  if (e.edited) return 0;
  if (e.pack.origin === 'hand') return 1;
  if (e.pack.origin === 'bundled' || e.pack.origin === 'user') return 2;
  return 3;
}

function summarise(id: string, members: readonly PersonalEntry[]): EntitySummary {
  const lead = [...members].sort((a, b) => rank(a) - rank(b) || b.name.length - a.name.length)[0]!;
  const aliases = new Set<string>();
  for (const m of members) for (const n of [m.name, ...m.aliases]) if (n !== lead.name) aliases.add(n);
  const summary = lead.summary ?? members.find((m) => m.summary)?.summary;
  return {
    id,
    name: lead.name,
    kind: lead.kind,
    aliases: [...aliases],
    ...(summary ? { summary } : {}),
    keys: members.map((m) => m.key),
    origins: [...new Set(members.map((m) => m.pack.origin))],
    articles: members.filter((m) => m.pack.origin === 'page').length,
    hidden: members.every((m) => m.hidden),
  };
}

export function buildPersonalGlossary(entries: readonly PersonalEntry[], links: ReaderLinks): PersonalGlossary {
  const identity = resolveIdentity(entries, links);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const entities = identity
    .entities()
    .map((keys) =>
      summarise(
        identity.entityOf(keys[0]!)!,
        keys.map((k) => byKey.get(k)!),
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const byId = new Map(entities.map((e) => [e.id, e]));
  let index: GlossaryIndex | undefined;
  const searchIndex = () =>
    (index ??= createGlossaryIndex(entities.map((e) => ({ key: e.id, name: e.name, aliases: e.aliases }))));
  return {
    warmSearch: () => void searchIndex(),
    identity,
    entities,
    entity: (key) => {
      const id = identity.entityOf(key);
      return id === undefined ? undefined : byId.get(id);
    },
    query({ query, origin, includeHidden = true, offset = 0, limit = 100 }) {
      let list: readonly EntitySummary[] = entities;
      const q = query?.trim();
      if (q) {
        list = searchIndex()
          .search(q, 1000)
          .flatMap((hit) => byId.get(hit.key) ?? []);
      }
      const filtered = list.filter((e) => (!origin || e.origins.includes(origin)) && (includeHidden || !e.hidden));
      return { entities: filtered.slice(offset, offset + limit), total: filtered.length };
    },
  };
}
