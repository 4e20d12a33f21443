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
    ['a short pointer to a newsletter', 'Keep up with the CityLab Daily newsletter.', 'newsletter'],
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

  it.each<[string, string, string]>([
    [
      'glued to it',
      'Interest could surpass the Defense Department budget.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock',
      'Interest could surpass the Defense Department budget.',
    ],
    [
      'with an initial’s full stop in the name',
      'In 1978, a water main break caused severe flooding in Bushwick, Brooklyn.CreditFred R. Conrad/The New York Times',
      'In 1978, a water main break caused severe flooding in Bushwick, Brooklyn.',
    ],
    [
      'labelled, in capitals, after a caption with no full stop',
      'A man walks past an armoured personnel carrier parked on a street of the capital on Thursday Credit: STR/AFP',
      'A man walks past an armoured personnel carrier parked on a street of the capital on Thursday',
    ],
    [
      'labelled, a name in capitals and an agency',
      'Church leaders met in 2006. Father Mukonori is said to be mediating in the current crisis Credit: DESMOND KWANDE/ AFP',
      'Church leaders met in 2006. Father Mukonori is said to be mediating in the current crisis',
    ],
    [
      'in brackets, a video’s',
      'The BBC contrasts the president’s reactions after mass shootings with gun ownership. (Video by David Botti)',
      'The BBC contrasts the president’s reactions after mass shootings with gun ownership.',
    ],
    [
      'in brackets, a photographer’s and an agency’s',
      'The cargo ship broke up over Siberia, the Russian space agency said.(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)',
      'The cargo ship broke up over Siberia, the Russian space agency said.',
    ],
    [
      'in brackets, a name, a spaced slash and an agency',
      'A student works on a neon sign at the workshop, in 2016. (John Minchillo / AP)',
      'A student works on a neon sign at the workshop, in 2016.',
    ],
  ])('takes a credit run into its caption off the caption: %s', (_what, block, caption) => {
    expect(cleanPageBlocks([block]).paragraphs).toEqual([caption]);
  });

  it.each<[string, string]>([
    [
      'a paragraph about a newsletter',
      'The newsletter, which Roy founded in 2001 with a group of friends, was read by thousands of young Bangladeshis.',
    ],
    [
      'a bracket with a slash that is no credit',
      'The ratio rose sharply (Interest / GDP) in the decade after the war.',
    ],
  ])('keeps a story’s block that looks like boilerplate: %s', (_what, block) => {
    expect(cleanPageBlocks([block]).paragraphs).toEqual([block]);
  });

  it.each<[string, string, string]>([
    [
      'a credit ending in "Source/Agency" before the lede',
      '© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked the world earlier this year by announcing a game for phones.',
      'Nintendo and Apple shocked the world earlier this year by announcing a game for phones.',
    ],
    [
      'a copyright line after the story’s last sentence',
      'The talks in the capital went on late into the night, officials said afterwards. © 2016 Reuters',
      body,
    ],
  ])('cuts a "©" credit off a paragraph of the story: %s', (_what, block, kept) => {
    expect(cleanPageBlocks([block]).paragraphs).toEqual([kept]);
  });

  it.each<[string, string]>([
    ['a credit and a short caption', '© Provided by Business Insider Inc Nintendo/Apple A game on a phone'],
    [
      'a credit with no source to end it',
      '© Provided by Business Insider Inc. The game is out on Thursday, for everyone.',
    ],
  ])('drops a "©" block when no story is left after its credit: %s', (_what, block) => {
    expect(cleanPageBlocks([block, body]).paragraphs).toEqual([body]);
  });

  it.each<[string, string]>([
    [
      'a copyright lawsuit',
      'The studio filed a copyright lawsuit against the game’s maker in a federal court on Monday.',
    ],
    ['copyright law', 'Under copyright law, the estate controls the songs until 2040, its lawyers said.'],
  ])('keeps a story’s paragraph about copyright: %s', (_what, block) => {
    expect(cleanPageBlocks([block]).paragraphs).toEqual([block]);
  });

  it.each<[string, string, boolean]>([
    ['a quoted title with a price', '“Rez Infinite” ($30)', true],
    ['a quoted title with a colon', '“Until Dawn: Rush of Blood”', true],
    ['a related link quoting a title', '‘Skylanders Imaginators’ will let you print figures', false],
    ['a quoted phrase of speech', '“I’m Batman”', false],
    ['a quoted label in lower case', '“dumb teens in the woods”', false],
  ])('keeps a list’s heading that is a quoted title alone: %s', (_what, heading, kept) => {
    expect(cleanPageBlocks([heading, body]).paragraphs.includes(heading)).toBe(kept);
  });

  it('keeps a story’s sentences that mention a credit or a name with initials', () => {
    const story =
      'The bank gave Fred R. Conrad credit for the idea (a photo of it went round). Credit markets fell on Monday, traders said (via email).';
    expect(cleanPageBlocks([story]).paragraphs).toEqual([story]);
  });

  it.each<[string, string]>([
    [
      'a reporter’s box',
      'Corey Kilgannon is a Metro reporter covering news and human interest stories. He was part of the team that won the 2009 Pulitzer Prize for Breaking News. @coreykilgannon • Facebook',
    ],
    ['a correspondent’s box', 'Jane Smith is the chief Europe correspondent of the paper, based in Brussels.'],
    ['an author’s box', 'Sarah Archer is the author of The Midcentury Kitchen.'],
    ['an author’s contact line', 'Ben Silverman is on Twitter at ben_silverman.'],
    ['a pointer to the author’s account', 'Follow Jane Smith on Twitter for more.'],
    ['an author who can be reached', 'Jane Smith can be reached at jsmith@example.com.'],
  ])('drops an author box at the end of the story: %s', (_what, box) => {
    const clean = cleanPageBlocks([body, box]);
    expect(clean.paragraphs).toEqual([body]);
    expect(clean.dropped).toContainEqual({ text: box, reason: 'author box' });
  });

  it('keeps a paragraph of the story about a reporter', () => {
    const about = 'Evan Gershkovich is a reporter for the Journal who was detained in March, his editors said.';
    const story = [
      about,
      body,
      body.replace('capital', 'city'),
      body.replace('night', 'day'),
      body.replace('late', 'early'),
    ];
    expect(cleanPageBlocks(story).paragraphs).toEqual(story);
  });

  it('removes soft hyphens and zero-width characters that split names', () => {
    const clean = cleanPageBlocks([`Vladi\u00admir Pu\u200btin spoke at length to the press in the capital today.`]);
    expect(clean.paragraphs).toEqual(['Vladimir Putin spoke at length to the press in the capital today.']);
  });
});
