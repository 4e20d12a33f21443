/** The on-page entity extractor: table-driven, one sentence or a few per row. */
import { describe, expect, it } from 'vitest';
import {
  type Evidence,
  evidenceOf,
  extractPageEntities,
  MIN_EVIDENCE,
  quotedTitleSpans,
  titleSpans,
} from '@/lib/glossary/page-extract';
import { splitSentences } from '@/lib/glossary/sentences';

const entitiesOf = (...paragraphs: string[]) => extractPageEntities(paragraphs.flatMap((p) => splitSentences(p)));
const names = (...paragraphs: string[]) => entitiesOf(...paragraphs).map((e) => e.name);

describe('page entity extraction', () => {
  it.each<[string, string[], string[]]>([
    [
      'a person after a title',
      ['Talks stalled, said Israeli Prime Minister Benjamin Netanyahu on Tuesday.'],
      ['Benjamin Netanyahu'],
    ],
    ['months and days are not names', ['The vote is on Monday, and the count ends in September.'], []],
    ['a title alone is not a name', ['The President spoke to the Minister.'], []],
    ['demonyms are adjectives', ['Russian officials met Tajik migrants and Israeli diplomats.'], []],
    ['a hyphenated demonym is an adjective', ['It stalled Israeli-Palestinian talks.'], []],
    ['a possessive ends a name', ['He joined Netanyahu’s Likud in 1990.'], ['Netanyahu', 'Likud']],
    ['a sentence-initial common word is not a name', ['Image quality improved while Reuters watched.'], ['Reuters']],
    ['a facility by its head word', ['Gunmen stormed Crocus City Hall near the city.'], ['Crocus City Hall']],
    ['a dated phrase loses its date', ['Delegates met in Berlin on Monday.'], ['Berlin']],
    [
      'a name of the form "X of Y"',
      ['She joined the Council on Foreign Relations last year.'],
      ['Council on Foreign Relations'],
    ],
    ['a headline in title case proposes nothing', ['How The Senate Lost Its Way On Taxes'], []],
    [
      '"and" inside an institution\'s name, after "X of/on"',
      ['It went to the Joint Committee on Intelligence and Security this week.'],
      ['Joint Committee on Intelligence and Security'],
    ],
    [
      '"and" inside an institution\'s name, before its head word',
      ['It cited the World Travel and Tourism Council, an industry body.'],
      ['World Travel and Tourism Council'],
    ],
    ['feasts are dates, not names', ['Sales peak at Easter, and again before the New Year.'], []],
    ['"I’ve" is a pronoun and its verb', ['The price is as low as I’ve ever seen, Besecker said.'], ['Besecker']],
    [
      'words of religion or ideology before a noun are adjectives',
      ['It is a Muslim nation.', 'Islamist politicians and Islamist militants met Islamist leaders.'],
      [],
    ],
    ['a lede in capitals is style, not a name', ['A HIGH-powered team from Canberra failed.'], ['Canberra']],
    [
      'a common word that refers back to a longer name is not a name of its own',
      ['The Data Retention Bill passed.', 'A new Bill would follow.', 'The Bill is flawed, and this Bill is late.'],
      ['Data Retention Bill'],
    ],
    [
      'a full name opening its sentence is a name when the article later uses its last word alone',
      ['Ajmi Lourimi, a party member, spoke.', 'He agreed, Lourimi said.'],
      ['Ajmi Lourimi'],
    ],
    [
      '"and" between two places is a list',
      ['Victims came from Italy, Poland, Germany and Spain.'],
      ['Italy', 'Poland', 'Germany', 'Spain'],
    ],
    [
      '"and" after "X of" before a place or a person is a list',
      ['The Ministry of Defence and Russia disagreed, as did the Bank of England and Obama.'],
      ['Ministry of Defence', 'Russia', 'Bank of England', 'Obama'],
    ],
    [
      'a place and a party are two names',
      ['Mark Warner, the Virginia Democrat, objected.', 'Democrats in the Senate agreed.'],
      ['Mark Warner', 'Virginia', 'Democrats'],
    ],
    [
      'party members are names though they end like demonyms',
      ['Republicans pilloried the plan.', 'House Republicans introduced a bill, and Republican leaders cheered.'],
      // "House" only ever heads a sentence here, so it is not marked.
      ['Republicans'],
    ],
    [
      '"for a" joins an organisation\'s name',
      ['said Marc Goldwein, a director at the Committee for a Responsible Federal Budget.'],
      ['Marc Goldwein', 'Committee for a Responsible Federal Budget'],
    ],
    ['a plural possessive ends a name', ['It recalls William Dean Howells’ story.'], ['William Dean Howells']],
    [
      'a common word capitalised twice mid-sentence is an institution',
      ['The bill passed the Senate on a Tuesday.', 'It went back to the Senate floor.'],
      ['Senate'],
    ],
    ['a common word capitalised once mid-sentence is not', ['It is a Budget matter for the committee.'], []],
    [
      'a particle joined to a name',
      ['The court charged Omar Hassan al-Bashir with genocide.'],
      ['Omar Hassan al-Bashir'],
    ],
    ['people of a place are no entity', ['Many New Zealanders voted, and Londoners too.'], []],
    ['a title with no name after it', ['He is the Security Editor of the paper.'], []],
    [
      'the plural of a title capitalised mid-sentence is a name',
      ['A main broke in Flushing, Queens, last week.', 'Crews came from a training center in Queens.'],
      ['Flushing', 'Queens'],
    ],
    ['initialisms that are ordinary nouns', ['The TV networks and a CEO met Reuters.'], ['Reuters']],
    ['a compass word and a demonym are an adjective', ['Central Asian workers met South African envoys.'], []],
    [
      'an adjective after "(ACR)" opening a label is no name',
      ['It bore the Marine Stewardship Council (MSC) Certified Sustainable Seafood label.'],
      ['Marine Stewardship Council'],
    ],
    [
      'a head word alone before a noun, opening a sentence, is a common noun',
      ['Office worker Barry Thomas is stuck in Boston.'],
      ['Barry Thomas', 'Boston'],
    ],
    [
      'an ideology word before a name the article uses alone describes it',
      ['Egypt banned the Islamist Muslim Brotherhood.', 'The Muslim Brotherhood objected.'],
      ['Egypt', 'Muslim Brotherhood'],
    ],
    [
      "an ideology word before a people's word and a name, once",
      ['Egypt banned the Islamist Muslim Brotherhood, and the Communist Party of China watched.'],
      ['Egypt', 'Muslim Brotherhood', 'Communist Party of China'],
    ],
    [
      'time zones are part of a time',
      ['It lifted off at 8:51 p.m. (1451 GMT) from Baikonur, at 9 a.m. ET.'],
      ['Baikonur'],
    ],
    [
      'an institution word capitalised without a name',
      ['The Government has been alarmed by the Press Council.', 'The Government does not deny it.'],
      ['Press Council'],
    ],
    [
      'a word owning one common word is one name',
      ['It docked at Fisherman’s Terminal and sold to Sam’s Club.'],
      ['Fisherman’s Terminal', 'Sam’s Club'],
    ],
    [
      'a surname owning a common word is two names',
      ['It angered Netanyahu’s Cabinet and Russia’s Parliament.'],
      ['Netanyahu', 'Cabinet', 'Russia', 'Parliament'],
    ],
    ['a head word alone opening a sentence is a common noun', ['Street surfaces suffer in Boston, too.'], ['Boston']],
    [
      'a nationality and a word that ends a longer name refer back to it',
      ['The Data Retention Bill passed.', 'The notes of the British Bill differ from the Data Retention Bill.'],
      ['Data Retention Bill'],
    ],
    [
      'a nationality and a head word that ends a longer name is a name',
      ['Fighters joined the Islamic State.', 'The Islamic State claimed it, said the U.S. Department of State.'],
      ['Islamic State', 'U.S. Department of State'],
    ],
    [
      'a longer name without its last word, after "the", is the thing',
      ['It breaks the U.S. Flag Code, she wrote.', 'The code guides the treatment of the U.S. Flag in the country.'],
      ['U.S. Flag Code'],
    ],
    [
      'halves of the day are part of a time',
      ['It was taken between 8 AM and 9 PM in Hollywood.', '12:00 PM PT -- Police came to Hollywood.'],
      ['Hollywood'],
    ],
    ['"ID" is an ordinary noun', ['Officers hope they can ID the culprit, Reuters said.'], ['Reuters']],
    [
      '"and the" opens a second name',
      ['It glows in the Museum of Neon Art and the Neon Museum in Las Vegas.'],
      ['Museum of Neon Art', 'Neon Museum', 'Las Vegas'],
    ],
    ['a closing quote is no part of a name', ['He wrote for the blog ‘Mukto Mona’ for years.'], ['Mukto Mona']],
    [
      'days named after someone are dates',
      ['Tracey Emin made candies for Valentine’s Day and cards for Mother’s Day.'],
      ['Tracey Emin'],
    ],
    [
      'a head word alone opening sentences is a common noun, an organisation’s too',
      ['Society, on the other hand, may choose.', 'Society at large deserves it, Uber said.'],
      ['Uber'],
    ],
    ['a sheriff’s title alone is no name', ['Then Sheriff’s deputies came to the hotel, Reuters said.'], ['Reuters']],
    [
      'a hashtag is one word',
      ['The tweet read “#Hamilton Chicago show interrupted,” said Vulture.'],
      ['Hamilton', 'Vulture'],
    ],
    [
      'a quoted title mid-sentence is seen mid-sentence',
      ['Nintendo surprised fans by announcing “Super Mario Run,” its first phone game.'],
      ['Nintendo', 'Super Mario Run'],
    ],
    [
      'a quoted title opening its sentence is still a title',
      ['Critics liked it.', '“Job Simulator” might be the best of them.'],
      ['Job Simulator'],
    ],
    [
      'a quoted common word mid-sentence is a title',
      ['Soccer meets physics in the weird “Headmaster,” a game.'],
      ['Headmaster'],
    ],
    ['a quoted title keeps its first word', ['The horror game “Until Dawn” was a hit.'], ['Until Dawn']],
    ['a quoted common word opening its sentence is speech', ['“Absolutely,” the minister said.'], []],
    ['a quoted phrase with a contraction is speech', ['“I’m Batman,” you will say.'], []],
    [
      'a nickname in quotes between names is no title',
      ['The hero is William "Bill" Clinton, a lawyer.'],
      ['William', 'Clinton'],
    ],
    [
      'a brand opening with a lower-case letter',
      ['It runs on iPhone and iPad, and later on eBay and iOS.'],
      ['iPhone', 'iPad', 'eBay', 'iOS'],
    ],
    ['a brand opening its sentence', ['iPhone sales fell.', 'The iPhone is old.'], ['iPhone']],
    ['a molecule or a unit is no brand', ['The mRNA vaccine used 5 kWh of power.'], []],
    ['"VR" and "AR" are common nouns', ['Play it in VR or in AR, in VR mode.'], []],
    [
      'a degree after a name is no name',
      ['The study was led by Michael Shadlen, Ph.D., and a PhD student.'],
      ['Michael Shadlen'],
    ],
    ['an idiom’s capital is no place', ['It is a ride from Hell, for Heaven’s sake.'], []],
  ])('%s', (_why, paragraphs, expected) => {
    expect(names(...paragraphs).sort()).toEqual([...expected].sort());
  });

  it.each<[string, string, string[]]>([
    ['a quoted title with a colon', 'It sold “Until Dawn: Rush of Blood” last year.', ['Until Dawn: Rush of Blood”']],
    ['single quotes', 'She wrote for ‘Mukto Mona’, a website.', ['Mukto Mona’']],
    ['speech in lower case is no title', 'He called it “a disaster” on Monday.', []],
    ['a contraction is speech', '“I’m Batman,” you will say.', []],
  ])('finds quoted titles: %s', (_what, sentence, spans) => {
    expect(quotedTitleSpans(sentence).map(([a, b]) => sentence.slice(a, b))).toEqual(spans);
  });

  it.each<[string, string, string[]]>([
    [
      'a title with a pronoun and a verb inside',
      'His 1968 work My Name as Though It Were Written on the Surface of the Moon poked fun at it.',
      ['My Name as Though It Were Written on the Surface of the Moon'],
    ],
    [
      'a quoted title, a past form inside',
      'In her book “A Paradise Built in Hell,” Rebecca Solnit wrote of it.',
      ['A Paradise Built in Hell'],
    ],
    [
      'titles in a list',
      'Titles such as “You Loved Me Like a Distant Star” and “The Kiss Was Beautiful.”',
      ['You Loved Me Like a Distant Star', 'The Kiss Was Beautiful'],
    ],
    [
      'names in a row are no title',
      'It met the Council on Foreign Relations and Prime Minister Benjamin Netanyahu.',
      [],
    ],
    ['a marker first or last is no title', 'It Was said that Robert Mugabe Was there.', []],
  ])('finds works’ titles in title case: %s', (_what, sentence, titles) => {
    expect(titleSpans(sentence).map(([a, b]) => sentence.slice(a, b))).toEqual(titles);
  });

  const weak: Evidence = {
    count: 1,
    words: 1,
    kindKnown: false,
    lexiconName: false,
    initialOnly: false,
    titleOnly: false,
  };
  it.each<[string, Partial<Evidence>, boolean]>([
    ['one word, once, of no known kind, mid-sentence ("Reuters")', {}, true],
    ['the same, only opening its sentence', { initialOnly: true }, false],
    ['a piece of a work’s title ("Distant Star")', { words: 2, titleOnly: true }, false],
    [
      'a place the lexicon knows inside a title ("Manhattan")',
      { kindKnown: true, lexiconName: true, titleOnly: true },
      true,
    ],
    ['a name repeated inside titles', { count: 2, titleOnly: true }, true],
    [
      'a full name opening its sentence ("Ajmi Lourimi, a member…")',
      { words: 2, initialOnly: true, kindKnown: true },
      true,
    ],
  ])('weighs the evidence of a name: %s', (_what, evidence, marked) => {
    expect(evidenceOf({ ...weak, ...evidence }) >= MIN_EVIDENCE).toBe(marked);
  });

  it('drops pieces of a work’s title, keeps the names inside it', () => {
    expect(
      names('The 1968 work My Name as Though It Were Written on the Surface of the Moon poked fun at Paris.'),
    ).toEqual(['Paris']);
  });

  it('merges a lone surname into the one full name it ends', () => {
    const [e] = entitiesOf('Martin Indyk led the talks.', 'Later, Indyk resigned.');
    expect(e).toMatchObject({ name: 'Martin Indyk', kind: 'person', aliases: ['Indyk'] });
  });

  it.each<[string, string[], string, string[]]>([
    [
      '"Department of X" and "X Department"',
      ['The Defense Department asked for more.', 'The Department of Defense denied it, the Defense Department said.'],
      'Defense Department',
      ['Department of Defense'],
    ],
    [
      'a shorter name ending the one longer name',
      ['said the Urban-Brookings Tax Policy Center in a study.', 'The Tax Policy Center said so too.'],
      'Urban-Brookings Tax Policy Center',
      ['Tax Policy Center'],
    ],
    [
      'singular and plural of one word',
      ['Senator Lankford, an Oklahoma Republican, spoke.', 'Then Republicans in the House voted.', 'Republicans won.'],
      'Republicans',
      ['Republican'],
    ],
  ])('merges variants: %s', (_why, paragraphs, name, aliases) => {
    expect(entitiesOf(...paragraphs).find((e) => e.name === name)?.aliases).toEqual(aliases);
  });

  it('gives a name the lower-case institution word the article writes after it as an alias', () => {
    const [police] = entitiesOf('She was seen by West Mercia police on Monday.', 'A West Mercia police officer spoke.');
    expect(police).toMatchObject({ name: 'West Mercia', aliases: ['West Mercia police'] });
  });

  it('takes a full name the article shortens to its last word for a person, the surname its alias', () => {
    const [azzouz] = entitiesOf('“It is grave,” said Lotfi Azzouz, a director.', 'Later, Azzouz said more.');
    expect(azzouz).toMatchObject({ name: 'Lotfi Azzouz', kind: 'person', aliases: ['Azzouz'] });
  });

  it('merges a surname without its particle into the full name', () => {
    const [e] = entitiesOf('The court charged Omar Hassan al-Bashir.', 'Later, Mr. Bashir appealed.');
    expect(e).toMatchObject({ name: 'Omar Hassan al-Bashir', aliases: ['Bashir'] });
  });

  it('merges a first name alone into the one person who has it', () => {
    const [e] = entitiesOf('Dan Goodin wrote it.', 'Later, Dan corrected it.');
    expect(e).toMatchObject({ name: 'Dan Goodin', aliases: ['Dan'] });
  });

  it('leaves a surname two people share unmarked', () => {
    const found = names('George Bush met Laura Bush in Texas.', 'Then Bush left.');
    expect(found).toContain('George Bush');
    expect(found).toContain('Laura Bush');
    expect(found).not.toContain('Bush');
  });

  it('merges an acronym into the name it abbreviates, by initials or by "Name (ACR)"', () => {
    const byInitials = entitiesOf('The International Criminal Court ruled.', 'The ICC will sit again.');
    expect(byInitials).toEqual([expect.objectContaining({ name: 'International Criminal Court', aliases: ['ICC'] })]);
    const byPair = entitiesOf('Islamic State Khorasan Province (ISKP) claimed it.', 'The ISKP denied it.');
    expect(byPair[0]).toMatchObject({ name: 'Islamic State Khorasan Province', aliases: ['ISKP'] });
  });

  it.each<[string, string, string]>([
    ['a country from the lexicon', 'Talks moved to Israel.', 'place'],
    ['an organisation by its head word', 'The Brookings Institution objected.', 'organization'],
    ['a person by a known first name', 'Then Josh Earnest spoke.', 'person'],
    ['an acronym', 'The move worried NATO officials and the NATO summit.', 'organization'],
    ['a place before a party member', 'A Zorblax Republican spoke, and a Zorblax Democrat.', 'place'],
    ['a head word first', 'Then the Council of Economic Advisers met.', 'organization'],
  ])('kind: %s', (_why, text, kind) => {
    expect(entitiesOf(text)[0]?.kind).toBe(kind);
  });

  it('keeps the title the article puts before a name', () => {
    const [e] = entitiesOf('Russian President Vladimir Putin spoke.');
    expect(e).toMatchObject({ name: 'Vladimir Putin', title: 'Russian President', kind: 'person' });
  });
});
