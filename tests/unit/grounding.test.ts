/** The grounding check: a curated summary states nothing its cited sentences do not. */
import { describe, expect, it } from 'vitest';
import { checkGrounding, factsOf } from '@/lib/glossary/grounding';

const ARTICLE = [
  'Gunmen killed at least 144 people at Crocus City Hall near Moscow on 22 March 2024.',
  'Tajik Labor Ministry data show a rising number of migrants wish to leave Russia, fearing for their safety.',
  'Russian lawmaker Mikhail Matveyev asked: “Where are the Tajik battalions?”',
];

const check = (summary: string, cites: string[], forms = ['Crocus City Hall']) =>
  checkGrounding({ forms, summary, cites }, ARTICLE).problems;

describe('grounding of curated summaries', () => {
  it.each<[string, string, string[], string[]]>([
    [
      'a grounded summary',
      'Concert hall near Moscow where gunmen killed at least 144 people.',
      ['killed at least 144'],
      [],
    ],
    [
      'a made-up number',
      'Concert hall near Moscow where gunmen killed 150 people.',
      ['killed at least 144'],
      ['states the number 150, which its sentences do not'],
    ],
    [
      'a number inside a bigger one',
      'Concert hall where 14 died.',
      ['killed at least 144'],
      ['states the number 14, which its sentences do not'],
    ],
    [
      'a name the sentence lacks',
      'Concert hall near Moscow, owned by Aras Agalarov.',
      ['killed at least 144'],
      ['names "Aras", which its sentences do not', 'names "Agalarov", which its sentences do not'],
    ],
    [
      'a demonym for a country',
      'Concert hall in Russia.',
      ['killed at least 144'],
      ['names "Russia", which its sentences do not'],
    ],
    ['an opening ordinary word', 'Venue of the attack near Moscow.', ['killed at least 144'], []],
    [
      'a quote the sentence does not hold',
      'Where Putin said “never again”.',
      ['killed at least 144'],
      ['quotes “never again”, which its sentences do not say', 'names "Putin", which its sentences do not'],
    ],
    [
      'a cite found nowhere',
      'Concert hall near Moscow.',
      ['killed at most 10'],
      [
        'cites "killed at most 10", which is in no sentence of the article',
        'names "Moscow", which its sentences do not',
      ],
    ],
    [
      'no cite at all',
      'Concert hall near Moscow.',
      [],
      ['cites no sentence of the article', 'names "Moscow", which its sentences do not'],
    ],
    [
      'facts spread over two cited sentences',
      'Hall near Moscow; afterwards a rising number of migrants wished to leave Russia.',
      ['killed at least 144', 'a rising number'],
      [],
    ],
  ])('%s', (_why, summary, cites, problems) => {
    expect(check(summary, cites)).toEqual(problems);
  });

  it('lets an entry name itself without a citation', () => {
    expect(
      check('Mikhail Matveyev asked “Where are the Tajik battalions?”', ['Where are the Tajik'], ['Mikhail Matveyev']),
    ).toEqual([]);
  });

  it('returns the cited sentences in article order', () => {
    const { sentences } = checkGrounding({ forms: [], summary: 'x', cites: ['Where are', 'killed at least'] }, ARTICLE);
    expect(sentences).toEqual([ARTICLE[0], ARTICLE[2]]);
  });

  it('reads quotes, numbers and names out of a summary', () => {
    expect(factsOf('The Tajik ministry said 1,200 left, “fearing for their safety”.')).toEqual({
      quotes: ['fearing for their safety'],
      numbers: ['1,200'],
      names: ['Tajik'],
    });
  });
});
