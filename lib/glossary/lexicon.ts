/**
 * Word knowledge for the on-page builder: what a capitalised word is likely to be. The word
 * lists come from compromise's lexicon (its "one" build: first names, surnames, countries,
 * cities, organisations, titles, months, demonyms; about 25,000 words, no tagger), looked up
 * in O(1). The page builder needs no part-of-speech tagging, which costs compromise 1–2 s on a
 * 5,000-word article here; the measured comparison is in `npm run bench`.
 */
import nlp from 'compromise/two';

type Lexicon = Record<string, string | string[] | undefined>;

let lexicon: Lexicon | undefined;
function lex(): Lexicon {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon;
}

/** compromise's tags for a word (lower-cased), empty when it does not know the word. */
export function tagsOf(word: string): readonly string[] {
  const tags = lex()[word.toLowerCase()];
  if (!tags) return [];
  return Array.isArray(tags) ? tags : tags.split(',');
}

const has = (word: string, ...wanted: string[]) => tagsOf(word).some((t) => wanted.includes(t));

export const isFirstName = (w: string) => has(w, 'MaleName', 'FemaleName', 'FirstName');
export const isLastName = (w: string) => has(w, 'LastName');
export const isPlaceWord = (w: string) => has(w, 'Country', 'City', 'Region', 'Place');
/**
 * An ordinary noun ("migrants", "officials", "administration"), not a verb ("said"). A lower-case
 * word the lexicon does not know counts as a noun: its verbs and function words are all known.
 */
export const isNoun = (w: string) => {
  const tags = tagsOf(w);
  if (tags.length === 0) return /^\p{Ll}+$/u.test(w);
  return (
    tags.some((t) => t === 'Noun' || t === 'Singular' || t === 'Plural' || t === 'Actor' || t === 'Uncountable') &&
    !tags.some((t) => /Tense|Infinitive|Gerund|Verb|Modal|Copula/u.test(t))
  );
};
export const isAdjective = (w: string) => has(w, 'Adjective', 'Comparable');
export const isOrganizationWord = (w: string) => has(w, 'Organization', 'SportsTeam', 'Company');
export const isHonorific = (w: string) => has(w.replace(/\.$/u, ''), 'Honorific');
export const isMonthOrDay = (w: string) => has(w, 'Month', 'WeekDay') || w === 'March' || w === 'May';
/** "Russian", "Israelis", "Palestinian": adjectives and groups, not entities of their own. */
export const isDemonym = (w: string) => has(w, 'Demonym') || (/s$/u.test(w) && has(w.slice(0, -1), 'Demonym'));

/** Titles that stand before a name ("President", "Prime Minister", "spokesman"). */
const EXTRA_TITLES = new Set(
  'president minister secretary chancellor senator governor premier mayor spokesman spokeswoman spokesperson ambassador envoy general admiral colonel commander chief chairman chairwoman director leader king queen prince princess pope rabbi imam sheikh judge lawmaker congressman congresswoman rep sen gov gen col lt sgt editor correspondent columnist sheriff deputy detective inspector constable superintendent commissioner prosecutor'.split(
    ' ',
  ),
);
export const isTitleWord = (w: string) => EXTRA_TITLES.has(w.toLowerCase()) || has(w, 'Actor');
/** An office proper ("Minister", "Editor"), not any word for a person ("Courier", "Stranger"). */
export const isOfficeTitle = (w: string) => EXTRA_TITLES.has(w.toLowerCase());

/**
 * A word compromise knows as an ordinary word (noun, verb, adjective…) and not as a name:
 * "Image", "Credit", "Tax" capitalised at the start of a headline are not entities.
 */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.length === 0) return false;
  const proper = ['Person', 'MaleName', 'FemaleName', 'FirstName', 'LastName', 'Country', 'City', 'Region', 'Place'];
  return !tags.some((t) => proper.includes(t) || t === 'Organization' || t === 'ProperNoun');
}

/**
 * Members of a political party, named by the party ("Democrat", "Republicans", "Tories"): names
 * a reader may want explained, though they end like adjectives of nationality.
 */
const PARTY_MEMBERS = new Set(
  'democrat democrats republican republicans tory tories conservatives liberals socialists communists'.split(' '),
);
export const isPartyMember = (w: string) => PARTY_MEMBERS.has(w.toLowerCase());

/** Last words that make a phrase an organisation, a facility, an event or a place. */
const ORGANIZATION_HEADS = new Set(
  'academy administration agency alliance army assembly association authority bank board brigade bureau cabinet caucus center centre church coalition college commission committee company congress corporation nations corps council court department directorate division embassy federation force forces foundation front fund group guard inc institute institution league legion ltd ministry movement navy office organisation organization parliament party police reserve senate service society team tribunal union university'.split(
    ' ',
  ),
);
const FACILITY_HEADS = new Set(
  'airport arena avenue base bridge building house camp castle cathedral cosmodrome dam hall highway hospital hotel mosque museum palace pad plant port prison railway road square stadium station street temple theater theatre tower'.split(
    ' ',
  ),
);
const EVENT_HEADS = new Set(
  'attack attacks bombing championship conference cup election elections festival games massacre olympics revolution siege summit war'.split(
    ' ',
  ),
);
const PLACE_HEADS = new Set(
  'bay basin city coast county desert district island islands lake mountain mountains ocean peninsula province region republic river sea state strait territory valley village'.split(
    ' ',
  ),
);

export type HeadKind = 'organization' | 'facility' | 'event' | 'place';

/** The kind a phrase's last word gives it ("… Ministry" → organization), if any. */
export function kindOfHead(word: string): HeadKind | undefined {
  const w = word.toLowerCase();
  if (ORGANIZATION_HEADS.has(w)) return 'organization';
  if (FACILITY_HEADS.has(w)) return 'facility';
  if (EVENT_HEADS.has(w)) return 'event';
  if (PLACE_HEADS.has(w)) return 'place';
  return undefined;
}
