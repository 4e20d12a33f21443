import { describe, expect, it } from 'vitest';
import { type IdentityEntry, type ReaderLinks, resolveIdentity } from '@/lib/glossary/identity';

const person = (key: string, name: string, aliases: string[] = []): IdentityEntry => ({
  key,
  name,
  aliases,
  kind: 'person',
});
const place = (key: string, name: string, aliases: string[] = [], sameAs?: string[]): IdentityEntry => ({
  key,
  name,
  aliases,
  kind: 'place',
  ...(sameAs ? { sameAs } : {}),
});

/** The entities as sorted lists of keys, sorted: easy to compare. */
function groups(entries: IdentityEntry[], links?: ReaderLinks): string[][] {
  return resolveIdentity(entries, links)
    .entities()
    .map((g) => [...g].sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('resolveIdentity', () => {
  const cases: { name: string; entries: IdentityEntry[]; links?: ReaderLinks; want: string[][] }[] = [
    {
      name: 'the same full name in two articles is one entity, however it is cased',
      entries: [person('a/putin', 'Vladimir Putin', ['Putin']), person('b/putin', 'vladimir PUTIN')],
      want: [['a/putin', 'b/putin']],
    },
    {
      name: 'a surname named alone joins the one full name that claims it',
      entries: [person('a/putin', 'Vladimir Putin', ['Putin', 'Mr. Putin']), person('b/putin', 'Putin')],
      want: [['a/putin', 'b/putin']],
    },
    {
      name: 'a surname two people claim joins neither',
      entries: [
        person('a/john', 'John Smith', ['Smith']),
        person('b/jane', 'Jane Smith', ['Smith']),
        person('c/smith', 'Smith'),
      ],
      want: [['a/john'], ['b/jane'], ['c/smith']],
    },
    {
      name: 'two different full names sharing a surname stay apart',
      entries: [person('a/john', 'John Smith', ['Smith']), person('b/jane', 'Jane Smith', ['Smith'])],
      want: [['a/john'], ['b/jane']],
    },
    {
      name: 'an acronym alias joins the entry named by it (ISKP)',
      entries: [
        { key: 'seed/isis-k', name: 'ISIS–K', aliases: ['ISKP', 'Islamic State Khorasan'], kind: 'group' },
        { key: 'b/iskp', name: 'ISKP', aliases: [], kind: 'organization' },
      ],
      want: [['b/iskp', 'seed/isis-k']],
    },
    {
      name: 'a person and a place of the same name stay apart',
      entries: [person('a/georgia', 'Georgia'), place('world/georgia', 'Georgia')],
      want: [['a/georgia'], ['world/georgia']],
    },
    {
      name: 'sameAs links join entries of other names',
      entries: [
        place('world/tajikistan', 'Tajikistan'),
        place('a/tj', 'Republic of Tajikistan', [], ['world/tajikistan']),
      ],
      want: [['a/tj', 'world/tajikistan']],
    },
    {
      name: 'an entry split off joins nothing automatically',
      entries: [
        person('a/putin', 'Vladimir Putin'),
        person('b/putin', 'Vladimir Putin'),
        person('c/putin', 'Vladimir Putin'),
      ],
      links: { merges: [], alone: new Set(['b/putin']) },
      want: [['a/putin', 'c/putin'], ['b/putin']],
    },
    {
      name: 'a reader merge joins entries the rules keep apart',
      entries: [person('a/john', 'John Smith'), person('c/smith', 'Smith')],
      links: { merges: [['a/john', 'c/smith']], alone: new Set() },
      want: [['a/john', 'c/smith']],
    },
    {
      name: 'a merge beats a split',
      entries: [person('a/x', 'Ann Lee'), person('b/x', 'Ann Lee')],
      links: { merges: [['a/x', 'b/x']], alone: new Set(['b/x']) },
      want: [['a/x', 'b/x']],
    },
    {
      name: 'merges naming unknown keys are ignored',
      entries: [person('a/x', 'Ann Lee')],
      links: { merges: [['a/x', 'gone/y']], alone: new Set() },
      want: [['a/x']],
    },
  ];
  for (const c of cases) it(c.name, () => expect(groups(c.entries, c.links)).toEqual(c.want));

  it('answers the entity of a key, its keys, and nothing for an unknown key', () => {
    const id = resolveIdentity([person('b/putin', 'Putin'), person('a/putin', 'Vladimir Putin', ['Putin'])]);
    expect(id.entityOf('b/putin')).toBe('a/putin');
    expect([...id.keysOf('b/putin')].sort()).toEqual(['a/putin', 'b/putin']);
    expect(id.entityOf('nope')).toBeUndefined();
    expect(id.keysOf('nope')).toEqual([]);
  });

  it('groups 30,000 entries in well under a second', () => {
    const entries = Array.from({ length: 30_000 }, (_, i) =>
      person(`p${i % 1000}/e${i}`, `Name ${i % 3000}`, [`N${i % 3000}`]),
    );
    const started = performance.now();
    const id = resolveIdentity(entries);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(id.entities()).toHaveLength(3000);
  });
});
