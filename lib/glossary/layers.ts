/**
 * One card per entity, its sources in layers. The same entity often sits in several packs
 * (Tajikistan in the World pack and in an article's pack); a card shows it once:
 *
 *   1. what is true anywhere: each `general` line, with the source it names;
 *   2. "In this article": the layer whose source is the page being read;
 *   3. "In «title» (site, date)": what other articles said, newest first.
 *
 * On an unrelated page the Ukraine card thus starts neutral, and the seed story's account of
 * Ukraine appears only as that article's labelled layer.
 */
import { formKey } from '../text/normalize';
import type { EntryKind } from './schema';

/** What layering needs of an entry shown on a card (EntryView has all of it). */
export interface LayerableEntry {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: EntryKind;
  readonly summary?: string;
  readonly general?: { readonly text: string; readonly source: string };
  readonly sameAs?: readonly string[];
  readonly mentions: readonly unknown[];
  readonly pack: {
    readonly origin: string;
    readonly source: { readonly url?: string; readonly published?: string };
  };
}

export interface EntityLayers<E extends LayerableEntry> {
  readonly name: string;
  readonly kind: EntryKind;
  /** Every entry key of the entity, the first being the one to step through mentions by. */
  readonly keys: readonly string[];
  /** Other names, from every layer, without the shown name. */
  readonly aliases: readonly string[];
  /** Neutral lines, each with its source, apart from any article. */
  readonly general: readonly { readonly text: string; readonly source: string }[];
  /** Article layers: `here` when the article is the page being read. Here first, then newest. */
  readonly articles: readonly { readonly entry: E; readonly here: boolean }[];
}

/** A URL without its fragment and trailing slash: the same article however it was linked. */
function pageKey(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/u, '');
  } catch {
    return undefined;
  }
}

/** Whether `entry` was built from (or curated for) the page at `pageUrl`. */
export function isFromPage(entry: LayerableEntry, pageUrl: string | undefined): boolean {
  // Packs built from pages (and entries added by hand on one) carry their page's URL: on that
  // page they are "this article", on any other one of the other articles the reader read.
  const source = entry.pack.source.url;
  return Boolean(pageUrl && source && pageKey(source) === pageKey(pageUrl));
}

/** An entry with something to say: an article layer (a summary or the sentences naming it). */
const isArticleLayer = (e: LayerableEntry) => Boolean(e.summary) || e.mentions.length > 0;

/**
 * Groups entries into entities, joined by their `sameAs` links (either way round; two names
 * alike are not enough: "Moscow" in Russia and in Idaho stay apart). Entities keep the order of
 * their first entry.
 */
export function layerEntries<E extends LayerableEntry>(entries: readonly E[], pageUrl?: string): EntityLayers<E>[] {
  const groupOf = new Map<string, E[]>();
  const groups: E[][] = [];
  for (const e of entries) {
    const linked = [e.key, ...(e.sameAs ?? [])].map((k) => groupOf.get(k)).filter((g): g is E[] => g !== undefined);
    let group = linked[0];
    if (!group) groups.push((group = []));
    // Links may join two groups built so far: fold the later ones into the first.
    for (const other of new Set(linked.slice(1)))
      if (other !== group) {
        group.push(...other);
        groups.splice(groups.indexOf(other), 1);
        for (const o of other) for (const k of [o.key, ...(o.sameAs ?? [])]) groupOf.set(k, group);
      }
    group.push(e);
    for (const k of [e.key, ...(e.sameAs ?? [])]) groupOf.set(k, group);
  }
  return groups.map((group) => {
    const articles = group
      .filter(isArticleLayer)
      .map((entry) => ({ entry, here: isFromPage(entry, pageUrl) }))
      .sort(
        (a, b) =>
          Number(b.here) - Number(a.here) ||
          (b.entry.pack.source.published ?? '').localeCompare(a.entry.pack.source.published ?? ''),
      );
    const lead = articles[0]?.entry ?? group[0]!;
    const general = group.flatMap((e) => (e.general ? [e.general] : []));
    const seen = new Set([formKey(lead.name)]);
    const aliases: string[] = [];
    for (const e of group)
      for (const a of [e.name, ...e.aliases])
        if (!seen.has(formKey(a))) {
          seen.add(formKey(a));
          aliases.push(a);
        }
    const kinds = group.map((e) => e.kind);
    return {
      name: lead.name,
      // The article's kind when it has one; "concept" only when no layer knows better.
      kind: kinds.find((k) => k !== 'concept') ?? lead.kind,
      keys: [lead.key, ...group.filter((e) => e !== lead).map((e) => e.key)],
      aliases,
      general: general.filter((g, i) => general.findIndex((o) => o.text === g.text) === i),
      articles,
    };
  });
}

/** What linking needs of a reference entry (one with a general line and no article of its own). */
export interface ReferenceEntry {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly general?: unknown;
  readonly mentions: readonly unknown[];
  readonly match?: { readonly needsContext?: unknown };
}

/**
 * Links the entries built from a page to the reference entries they name ("Ukraine" to
 * world/ukraine), so a card shows the World line above the article's words. Only names a
 * reference holds without needing context, and only one reference per name: "Georgia" on a
 * page about Atlanta is not linked to the country.
 */
export function linkToReferences<T extends { name: string; aliases: readonly string[]; sameAs?: readonly string[] }>(
  entries: readonly T[],
  references: readonly ReferenceEntry[],
): T[] {
  const byForm = new Map<string, string[]>();
  for (const r of references) {
    if (!r.general || r.mentions.length > 0 || r.match?.needsContext) continue;
    for (const f of new Set([r.name, ...r.aliases].map(formKey))) byForm.set(f, [...(byForm.get(f) ?? []), r.key]);
  }
  return entries.map((e) => {
    const keys = byForm.get(formKey(e.name));
    if (keys?.length !== 1) return e;
    return { ...e, sameAs: [...new Set([...(e.sameAs ?? []), keys[0]!])] };
  });
}
