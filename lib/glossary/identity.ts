/**
 * Which entries, across every pack and every article the reader read, are one entity.
 *
 * Automatic joins are cautious, because two people can share a surname and a wrong join puts
 * one person's story on another's card:
 *   - the same full name (folded: "Vladimir Putin" = "vladimir putin");
 *   - a name that is another entry's alias ("Putin" named alone in one article, "Vladimir Putin"
 *     with alias "Putin" in another), only when that alias belongs to one name in the whole
 *     glossary: "Smith" claimed by "John Smith" and "Jane Smith" joins neither;
 *   - a `sameAs` link the pack itself states ("world/russia").
 * People join only people, and other kinds only other kinds: "Georgia" the state is not a person.
 * The reader has the last word: an entry split off joins nothing automatically, and a merge
 * joins two entries whatever the rules say.
 */
import { formKey } from '../text/normalize';
import type { EntryKind } from './schema';

export interface IdentityEntry {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: EntryKind;
  readonly sameAs?: readonly string[];
}

export interface ReaderLinks {
  /** Pairs of entry keys the reader merged. */
  readonly merges: readonly (readonly [string, string])[];
  /** Entry keys the reader split off: they join other entries only through a merge. */
  readonly alone: ReadonlySet<string>;
}

export const NO_READER_LINKS: ReaderLinks = { merges: [], alone: new Set() };

/** People with people, everything else together (a place and an organisation are often one name). */
const kindClass = (kind: EntryKind) => (kind === 'person' ? 'person' : 'other');

export interface Identity {
  /** The entity of an entry: a stable id (its smallest key), or undefined for an unknown key. */
  entityOf(key: string): string | undefined;
  /** Every entry key of the entity `key` belongs to, itself included. */
  keysOf(key: string): readonly string[];
  /** Every entity, as lists of entry keys. */
  entities(): readonly (readonly string[])[];
}

/** Groups entries into entities (union–find over the joins above). */
export function resolveIdentity(entries: readonly IdentityEntry[], links: ReaderLinks = NO_READER_LINKS): Identity {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path halving keeps later finds short.
    let at = k;
    while (parent.get(at) !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller key is the root: an entity's id does not depend on the order of entries.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const e of entries) parent.set(e.key, e.key);

  const joinable = entries.filter((e) => !links.alone.has(e.key));
  // Full names, per kind class: "person:vladimir putin" → entries named so.
  const byName = new Map<string, string[]>();
  for (const e of joinable) {
    const id = `${kindClass(e.kind)}:${formKey(e.name)}`;
    const list = byName.get(id);
    if (list) list.push(e.key);
    else byName.set(id, [e.key]);
  }
  for (const keys of byName.values()) for (const k of keys.slice(1)) union(keys[0]!, k);

  // An alias that belongs to one name only: "person:putin" → "person:vladimir putin".
  const aliasOwners = new Map<string, Set<string>>();
  for (const e of joinable) {
    const owner = `${kindClass(e.kind)}:${formKey(e.name)}`;
    for (const alias of e.aliases) {
      const id = `${kindClass(e.kind)}:${formKey(alias)}`;
      if (id === owner) continue;
      const owners = aliasOwners.get(id);
      if (owners) owners.add(owner);
      else aliasOwners.set(id, new Set([owner]));
    }
  }
  for (const [alias, owners] of aliasOwners) {
    if (owners.size !== 1) continue;
    const named = byName.get(alias);
    const owner = byName.get([...owners][0]!);
    if (named && owner) union(owner[0]!, named[0]!);
  }

  for (const e of joinable) for (const other of e.sameAs ?? []) if (!links.alone.has(other)) union(e.key, other);
  for (const [a, b] of links.merges) union(a, b);

  const members = new Map<string, string[]>();
  for (const e of entries) {
    const root = find(e.key);
    const list = members.get(root);
    if (list) list.push(e.key);
    else members.set(root, [e.key]);
  }
  return {
    entityOf: (key) => (parent.has(key) ? find(key) : undefined),
    keysOf: (key) => (parent.has(key) ? (members.get(find(key)) ?? [key]) : []),
    entities: () => [...members.values()],
  };
}
