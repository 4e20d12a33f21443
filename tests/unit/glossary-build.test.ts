import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuildError, buildPack } from '@/lib/glossary/build';
import { cleanPlainText } from '@/lib/glossary/clean';
import { parsePack } from '@/lib/glossary/schema';
import { worldPack } from '../../scripts/build-world';
import { buildSource, packFile, serialisePack, sourceFolders } from '../../scripts/glossary-sources';

const article = cleanPlainText('Emomali Rahmon met Vladimir Putin in Moscow. Rahmon then flew home to Dushanbe.');
const curation = (entries: unknown[], exclude: Record<string, string> = {}) => ({
  pack: { id: 'test', version: '1.0.0', source: { title: 'Test' } },
  entries,
  exclude,
});
const complete = [
  { name: 'Emomali Rahmon', kind: 'person', summary: 'Met Vladimir Putin in Moscow.', cites: ['met Vladimir Putin'] },
  { name: 'Vladimir Putin', summary: 'Met Emomali Rahmon in Moscow.', cites: ['met Vladimir Putin'] },
  {
    name: 'Moscow',
    summary: 'Where Emomali Rahmon met Vladimir Putin.',
    cites: ['in Moscow'],
    general: { text: 'Capital of Russia.', source: 'general knowledge' },
  },
  { name: 'Dushanbe', kind: 'place', summary: 'Where Rahmon flew home to.', cites: ['flew home'] },
];

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('glossary builder', () => {
  it('builds a valid pack with automatic aliases and mentions', () => {
    const { pack, report } = buildPack(article, curation(complete));
    expect(() => parsePack(pack)).not.toThrow();
    const rahmon = pack.entries.find((e) => e.id === 'emomali-rahmon')!;
    expect(rahmon.aliases).toEqual(['Rahmon']);
    expect(rahmon.mentions).toEqual([
      { paragraph: 0, sentence: 'Emomali Rahmon met Vladimir Putin in Moscow.', count: 1 },
      { paragraph: 0, sentence: 'Rahmon then flew home to Dushanbe.', count: 1 },
    ]);
    expect(report.entries.find((e) => e.name === 'Vladimir Putin')).toMatchObject({ kindFrom: 'extraction' });
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a curated name the article never uses',
      curation([...complete, { name: 'Kazakhstan', kind: 'place', summary: 'x' }]),
      /"Kazakhstan" \(entry "Kazakhstan"\) never occurs in the article/,
    ],
    [
      'a curated alias the article never uses',
      curation([{ ...complete[0], aliases: ['Emomali'] }, ...complete.slice(1)]),
      /"Emomali" \(entry "Emomali Rahmon"\) never occurs/,
    ],
    [
      'an alias claimed by two entries',
      curation([
        { ...complete[0], aliases: ['Rahmon'] },
        { ...complete[1], readerAliases: ['Rahmon'] },
        ...complete.slice(2),
      ]),
      /"rahmon" is claimed by both "Emomali Rahmon" and "Vladimir Putin"/,
    ],
    [
      'an entry with no summary',
      curation([{ name: 'Emomali Rahmon', kind: 'person' }, ...complete.slice(1)]),
      /entry "Emomali Rahmon" has no summary/,
    ],
    [
      'a candidate nobody reviewed',
      curation(complete.slice(0, 3)),
      /candidate "Dushanbe" \(from .*\) is neither in an entry nor excluded/,
    ],
    [
      'an exclusion that matches nothing',
      curation(complete, { Astana: 'not here' }),
      /the exclusion "Astana" never occurs/,
    ],
    [
      'an unknown related id',
      curation([{ ...complete[0], related: ['nobody'] }, ...complete.slice(1)]),
      /related to unknown id "nobody"/,
    ],
    [
      'a summary with a made-up number',
      curation([{ ...complete[0], summary: 'Met Vladimir Putin 3 times in Moscow.' }, ...complete.slice(1)]),
      /the summary of "Emomali Rahmon" states the number 3, which its sentences do not/,
    ],
    [
      'a summary naming what its sentence does not',
      curation([{ ...complete[0], summary: 'Met Vladimir Putin in Kazan.' }, ...complete.slice(1)]),
      /the summary of "Emomali Rahmon" names "Kazan", which its sentences do not/,
    ],
    [
      'a context rule for a form the entry lacks',
      curation([{ ...complete[0], needsContext: { forms: ['Emomali'], cues: ['Tajikistan'] } }, ...complete.slice(1)]),
      /entry "Emomali Rahmon" needs context for "Emomali", which is none of its forms/,
    ],
    ['a malformed curation file', { entries: 'none' }, /curation/],
  ])('fails loudly on %s', (_label, input, message) => {
    expect(problems(() => buildPack(article, input)).join('\n')).toMatch(message);
  });

  it('carries the general line, context rule and links into the pack', () => {
    const rule = { forms: ['Moscow'], cues: ['Russia', 'Kremlin'] };
    const { pack } = buildPack(
      article,
      curation([
        ...complete.slice(0, 2),
        { ...complete[2], needsContext: rule, sameAs: ['world/moscow'] },
        complete[3],
      ]),
    );
    expect(pack.entries.find((e) => e.id === 'moscow')).toMatchObject({
      general: { text: 'Capital of Russia.', source: 'general knowledge' },
      sameAs: ['world/moscow'],
      match: { needsContext: rule },
    });
  });

  it('reports every problem at once', () => {
    const input = curation([{ name: 'Kazakhstan', kind: 'place' }, ...complete.slice(0, 3)]);
    expect(problems(() => buildPack(article, input)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the bundled glossary', () => {
  const folders = sourceFolders();
  const built = folders.map((dir) => buildSource(dir));
  const pack = built[0]!.pack;
  const byName = new Map(pack.entries.map((e) => [e.name, e]));

  it('is not stale: the committed pack is what `npm run glossary` builds now', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const { pack } of built) {
      const committed = readFileSync(packFile(pack.id), 'utf8');
      expect(committed, `${packFile(pack.id)} is stale: run npm run glossary`).toBe(serialisePack(pack));
    }
  });

  it('covers every person, place, organisation, facility and event the article names', () => {
    const expected = [
      'Emomali Rahmon',
      'Vladimir Putin',
      'Mikhail Matveyev',
      'Alexander Dyukov',
      'Nikola Mikovic',
      'Tajikistan',
      'Russia',
      'Moscow',
      'Dushanbe',
      'Ukraine',
      'Central Asia',
      'Kazakhstan',
      'Armenia',
      'Crocus City Hall',
      '201st military base',
      'Moscow terror attack',
      'ISIS–K',
      'Kremlin',
      'Ministry of Foreign Affairs',
      'U.S. Department of State',
      'Defense Ministry',
      'Ministry of Labor of Tajikistan',
      'Commission of the Presidential Council of the Russian Federation on Interethnic Relations',
      'Diplomatic Courier',
      'Telegram',
    ];
    for (const name of expected) expect(byName.has(name), name).toBe(true);
    expect(pack.entries.length).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['ISIS–K', 'ISIS-K'],
    ['ISIS–K', 'Islamic State–Khorasan Province'],
    ['U.S. Department of State', 'State Department'],
    ['Emomali Rahmon', 'Rahmon'],
    ['201st military base', '201st base'],
    ['Russia', 'Russian Federation'],
  ])('%s has the alias readers meet: %s', (name, alias) => {
    expect(byName.get(name)!.aliases).toContain(alias);
  });

  it.each([
    ['Emomali Rahmon', /President of Tajikistan/],
    ['Moscow terror attack', /22 March 2024.*at least 144 people/],
    ['Crocus City Hall', /at least 144 people on 22 March 2024/],
    ['ISIS–K', /claimed responsibility/],
    ['201st military base', /largest military facility beyond its borders/],
  ])('%s: the summary states what the article says', (name, fact) => {
    expect(byName.get(name)!.summary).toMatch(fact);
  });

  it('gives every entry a kind, a summary and at least one mention from the article', () => {
    for (const e of pack.entries) {
      expect(e.summary?.length ?? 0, e.name).toBeGreaterThan(20);
      expect(e.mentions.length, e.name).toBeGreaterThan(0);
    }
  });

  it('keeps acronyms case-sensitive, so "Isis" is not ISIS–K', () => {
    expect(byName.get('ISIS–K')!.match.caseSensitive).toEqual(expect.arrayContaining(['ISIS–K', 'ISIS-K']));
  });

  it('records the source', () => {
    expect(pack.source).toEqual({
      title: 'Tajikistan and the Moscow terror attack fallout',
      author: 'Nikola Mikovic',
      publisher: 'Diplomatic Courier',
      published: '2024-04-15',
    });
  });
});

describe('the bundled World pack', () => {
  it('is not stale: the committed pack is what `npm run glossary` builds from world-countries now', () => {
    const pack = worldPack();
    expect(pack.id).toBe('world');
    const committed = readFileSync(packFile(pack.id), 'utf8');
    expect(committed, `${packFile(pack.id)} is stale: run npm run glossary`).toBe(serialisePack(pack));
  });
});
