import { describe, expect, it } from 'vitest';
import { createPassageIndex } from '@/lib/search/passage-search';
import { passage } from '../support/passages';

const at = (minute: number) => Date.UTC(2026, 0, 1) + minute * 60_000;
const LIST = [
  passage({
    title: 'A story',
    id: 'rahmon',
    text: 'Tajikistan President Emomali Rahmon spoke with his Russian counterpart.',
    note: '',
    tags: ['diplomacy'],
    savedAt: at(1),
  }),
  passage({
    title: 'A story',
    id: 'investigators',
    text: 'Russian investigators questioned families of the suspects.',
    note: 'Compare with the Kremlin readout.',
    tags: [],
    entries: ['pack/kremlin'],
    savedAt: at(2),
  }),
  passage({
    id: 'crocus',
    text: 'The attack on Crocus City Hall killed 145 people.',
    note: '',
    tags: ['attack'],
    site: 'other.example',
    url: 'https://other.example/crocus',
    title: 'Crocus City Hall',
    savedAt: at(3),
  }),
  passage({
    title: 'A story',
    id: 'mention',
    text: 'Investigators said the attack was planned abroad.',
    note: '',
    tags: [],
    savedAt: at(4),
  }),
];

describe('reading-list search, ranked', () => {
  const index = createPassageIndex(LIST);
  it.each<[string, string, object, string[]]>([
    ['an exact word', 'crocus', {}, ['crocus']],
    ['a typo, one edit in five letters (the shorter passage first)', 'investigatros', {}, ['mention', 'investigators']],
    ['a prefix', 'rahm', {}, ['rahmon']],
    ['case and diacritics folded', 'RAHMÓN', {}, ['rahmon']],
    ['every word required', 'attack abroad', {}, ['mention']],
    ['stop words left out', 'the attack was abroad', {}, ['mention']],
    ['stop words only: nothing to rank by', 'the of', {}, []],
    ['the note is searched', 'readout', {}, ['investigators']],
    ['a tag is searched', 'diplomacy', {}, ['rahmon']],
    ['the passage text outranks the title', 'crocus', { site: 'other.example' }, ['crocus']],
    ['narrowed by site', 'attack', { site: 'news.example' }, ['mention']],
    ['narrowed by tag', 'attack', { tag: 'attack' }, ['crocus']],
    ['narrowed by entry', 'russian', { entry: 'pack/kremlin' }, ['investigators']],
    ['no match', 'zzzzqx', {}, []],
    ['an empty query matches nothing', '   ', {}, []],
  ])('%s: %s', (_label, query, filters, ids) => {
    expect(index.search(query, filters).map((h) => h.id)).toEqual(ids);
  });

  it('ranks a passage naming the word more than once, in its text and note, above a passing mention', () => {
    const i = createPassageIndex([
      passage({
        id: 'passing',
        text: 'A long sentence that mentions Dushanbe once among many other words here.',
        note: '',
        tags: [],
      }),
      passage({ id: 'about', text: 'Dushanbe, Dushanbe.', note: 'Dushanbe', tags: [], savedAt: 0 }),
    ]);
    expect(i.search('dushanbe').map((h) => h.id)).toEqual(['about', 'passing']);
  });

  it('ties go to the newest passage', () => {
    const i = createPassageIndex([
      passage({ id: 'old', text: 'Same words.', note: '', tags: [], savedAt: at(1) }),
      passage({ id: 'new', text: 'Same words.', note: '', tags: [], savedAt: at(2) }),
    ]);
    expect(i.search('same').map((h) => h.id)).toEqual(['new', 'old']);
  });

  it('stays current: add, edit, remove, each idempotent', () => {
    const i = createPassageIndex(LIST);
    i.upsert(passage({ id: 'new', text: 'Dushanbe airport reopened.', note: '', tags: [] }));
    expect(i.search('dushanbe').map((h) => h.id)).toEqual(['new']);
    i.upsert(passage({ id: 'new', text: 'Dushanbe airport reopened.', note: 'runway', tags: [] }));
    expect(i.search('runway').map((h) => h.id)).toEqual(['new']);
    expect(i.size).toBe(LIST.length + 1);
    i.remove('new');
    i.remove('new');
    expect(i.search('dushanbe')).toEqual([]);
    i.upsert(passage({ id: 'rahmon', text: 'Edited text.', note: '', tags: [] }));
    expect(i.search('rahmon').map((h) => h.id)).toEqual([]);
    expect(i.size).toBe(LIST.length);
  });
});
