/** Cleaning a page's article blocks before the on-page builder reads them. */
import { describe, expect, it } from 'vitest';
import { cleanPageBlocks } from '@/lib/glossary/page-clean';

const body = 'The talks in the capital went on late into the night, officials said afterwards.';

describe('page cleaning', () => {
  it.each<[string, string, string]>([
    ['a byline', 'By Jane Smith and John Doe', 'byline'],
    ['a photo credit', 'Photo credit: Jane Smith for the paper, all day long in the rain today.', 'photo credit'],
    [
      'a caption ending in a credit',
      'The prime minister visits the wall on March 18 after the vote. (Thomas Coex/AFP/Getty Images)',
      'photo caption',
    ],
    ['a newsletter box', 'Sign up for our morning newsletter and get the news in your inbox every day.', 'newsletter'],
    ['a related-links label', 'Related: five things to know about the talks in the capital this week.', 'boilerplate'],
    ['a copyright line', '© 2024 The Daily Paper. All rights reserved, everywhere, for ever and ever.', 'copyright'],
    [
      'a print-edition note',
      'A version of this article appears in print on Page A1 with the headline: What May Soon Exceed Cost of Military?',
      'print edition',
    ],
    [
      'a reference with a backlink',
      '^ Fischer, Russ (2011-02-02). "Just How Long Was Phil Stuck in a Loop?"',
      'citation',
    ],
    [
      'a reference by author and year',
      'Moore, Roger (2018). "Can this couple recapture the magic?" Movie Nation.',
      'citation',
    ],
    ['a reference with a retrieval date', '"Time loops on screen". The Guardian. Retrieved 3 May 2020.', 'citation'],
  ])('drops %s', (_what, block, reason) => {
    const clean = cleanPageBlocks([block, body]);
    expect(clean.paragraphs).toEqual([body]);
    expect(clean.dropped).toContainEqual({ text: block, reason });
  });

  it('takes a dateline off the head of a paragraph, keeping the story', () => {
    const clean = cleanPageBlocks([`MOSCOW (AP) — ${body}`, `WASHINGTON — ${body.replace('capital', 'city')}`]);
    expect(clean.paragraphs).toEqual([body, body.replace('capital', 'city')]);
    expect(clean.datelines).toEqual(['MOSCOW', 'WASHINGTON']);
  });

  it('takes a credit run into its caption off the caption', () => {
    const clean = cleanPageBlocks([
      'Interest could surpass the Defense Department budget.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock',
    ]);
    expect(clean.paragraphs).toEqual(['Interest could surpass the Defense Department budget.']);
  });

  it('removes soft hyphens and zero-width characters that split names', () => {
    const clean = cleanPageBlocks([`Vladi\u00admir Pu\u200btin spoke at length to the press in the capital today.`]);
    expect(clean.paragraphs).toEqual(['Vladimir Putin spoke at length to the press in the capital today.']);
  });
});
