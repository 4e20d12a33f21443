/**
 * Finds the named entities of a page's article with no curation and no tagger: capitalised
 * phrases, sorted by what compromise's lexicon knows of their words, merged into one entity
 * per referent. Fast (a few milliseconds for 5,000 words) and general: every rule here is
 * about news prose in general, none about one article.
 *
 *   phrases  "Israeli Prime Minister Benjamin Netanyahu" → title "Israeli Prime Minister"
 *            + name "Benjamin Netanyahu"; sentence-initial words count only when the
 *            article also capitalises them mid-sentence or the lexicon knows them as names
 *   filters  months, days, titles alone, demonyms ("Israeli", "U.S.-Israeli"), common
 *            words capitalised in headlines, function words
 *   kinds    person (a title or honorific before it, a known first or last name), place,
 *            organisation, facility, event (the lexicon, a head word such as "Ministry")
 *   merging  a surname alone joins the one full name it ends ("Netanyahu"), an acronym the
 *            name it abbreviates ("ICC", "U.N."), "Long Name (ACR)" pairs
 */
import { formKey } from '../text/normalize';
import type { EntryKind } from './schema';
import type { Sentence } from './sentences';
import {
  tagsOf,
  isCommonWord,
  isAdjective,
  isDemonym,
  isFirstName,
  isHonorific,
  isLastName,
  isMonthOrDay,
  isNoun,
  isOfficeTitle,
  isOrganizationWord,
  isPartyMember,
  isPlaceWord,
  isTitleWord,
  kindOfHead,
} from './lexicon';

export interface PageEntity {
  readonly name: string;
  readonly kind: EntryKind;
  /** Other forms the article uses for it (surname alone, acronym). */
  readonly aliases: readonly string[];
  /** A title the article puts before the name ("Israeli Prime Minister"), when it has one. */
  readonly title?: string;
  /** Occurrences found while extracting (the builder counts mentions with the matcher). */
  readonly count: number;
}

const PARTICLE = /^(?:al|el|ad|as|ash|bin|ibn|abu|de|di|da|van|von)[-‑]/u;
// A name word: capitalised ("Netanyahu", "U.S.", "Urban-Brookings"), an ordinal ("201st"), a
// lower-case particle joined to a capitalised name ("al-Bashir", "bin-Salman", "de-Gaulle"), or
// a brand that opens with one lower-case letter ("iPhone", "eBay", "iOS"; see `LOWER_INITIAL`).
const WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’]*(?:[-.–][\p{Lu}\d][\p{L}\p{M}\d]*)*\.?|\d+(?:st|nd|rd|th)|(?:al|el|ad|as|ash|bin|ibn|abu|de|di|da|van|von)[-‑]\p{Lu}[\p{L}\p{M}'’]*|(?<![\p{L}\p{N}])\p{Ll}\p{Lu}[\p{L}\p{M}'’]+)`;
const CONNECTOR = String.raw`(?:\s+(?:of|the|on|for(?:\s+a)?|de|du|al|bin|van|von|der|da|and))+\s+`;
/** Runs of capitalised words, joined by spaces, hyphens or lower-case connectors ("Council on Foreign Relations"). */
const PHRASE = new RegExp(`${WORD}(?:(?:${CONNECTOR}|\\s+)${WORD})*`, 'gu');

const FUNCTION_WORDS = new Set(
  'the a an but and or in on at for from to with as by also even however thus more most if such there their this that these those it its he she they we our his her what where when who why how after before yet so then while during under over among about against into since until though although because despite mr mrs ms dr'.split(
    ' ',
  ),
);
// "a" only ever joins after "for" ("Committee for a Responsible Federal Budget"); see CONNECTOR.
const CONNECTORS = new Set(['of', 'the', 'on', 'for', 'a', 'de', 'du', 'al', 'bin', 'van', 'von', 'der', 'da', 'and']);

/** Longer capitalised runs are headlines or lists, not one name ("Presidential Council on Interethnic Relations" is 5). */
const MAX_NAME_WORDS = 8;

/**
 * How words of nationality end in English ("Afghan", "Israeli", "Tajik", "Uzbek", "Polish",
 * "Chinese", "Dutch", "Swiss"). Only such words are taken for adjectives when they mostly stand
 * before a noun: "Obama administration" and "Treasury bonds" keep their names.
 */
const NATIONALITY_ENDING = /(?:an|i|ic|ik|ek|ish|ese|ch|ss|ist|im)$/u;

/**
 * Institution words news prose writes in lower case after a name, the name being the
 * institution's: "West Mercia police", "the Ennahda party", "the Bardo museum". Such a phrase
 * is an alias of the name.
 */
const LOWER_CASE_HEADS = new Set(['police', 'party', 'hospital', 'museum', 'airport']);

/** Feasts name dates, like months and days: "Easter", "New Year". */
const HOLIDAY =
  /^(?:Easter|Christmas|Thanksgiving|Halloween|Ramadan|Hanukkah|Passover|Diwali|Eid|New Year|New Year’s|New Year's)$/u;

/** Days named after someone or something: "Valentine’s Day", "Mother’s Day", "St. Patrick’s Day". */
const NAMED_DAY = /^(?:St\.? )?\p{Lu}\p{L}*[’']s Day$/u;

const ORDINAL = /^\d+(?:st|nd|rd|th)$/u;

/**
 * A brand that opens with one lower-case letter: "iPhone", "eBay", "iOS". Not a molecule or a unit
 * ("mRNA", "tRNA": a letter before an acronym of three or more; "kWh", "mAh").
 */
const LOWER_INITIAL = /^\p{Ll}\p{Lu}/u;
const isLowerInitialNoName = (w: string) => /^\p{Ll}\p{Lu}{3,}$/u.test(w) || /^(?:kWh|mAh|mWh)$/u.test(w);

/** Academic degrees after a name ("Michael Shadlen, Ph.D."): letters, not names. */
const DEGREE = /^(?:Ph\.?D|D\.?Phil|M\.?B\.?A|M\.?Phil|LL\.?[BM]|B\.?Sc|M\.?Sc)\.?$/u;

/**
 * Capitalised words of idiom that name no one place: "a ride from Hell", "for Heaven’s sake".
 */
const IDIOM_CAPITALS = new Set(['Hell', 'Heaven']);

/** Initialisms news prose uses as ordinary nouns ("TV networks", "a CEO", "the GPS"). */
const COMMON_INITIALISMS = new Set([
  'TV',
  'PC',
  'CEO',
  'CFO',
  'COO',
  'DVD',
  'GPS',
  'ATM',
  'SUV',
  'UFO',
  'DNA',
  'HIV',
  'IQ',
  'ID',
  // "in VR", "VR combat", "an AR headset", "EV sales": technologies named as common nouns.
  'VR',
  'AR',
  'EV',
  'EVs',
]);

/** Compass words before a demonym: "Central Asian", "South African", "West European". */
const COMPASS =
  /^(?:Central|North|South|East|West|Northern|Southern|Eastern|Western|Northeast|Northwest|Southeast|Southwest)$/u;

/**
 * Time zones and halves of the day after a time ("8:51 p.m. (1451 GMT)", "9 a.m. ET", "8 AM",
 * "12:00 PM PT"): part of the time, not names.
 */
const TIME_WORDS = new Set([
  'AM',
  'PM',
  'GMT',
  'UTC',
  'BST',
  'CET',
  'CEST',
  'EST',
  'EDT',
  'CST',
  'CDT',
  'MST',
  'MDT',
  'PST',
  'PDT',
  'ET',
  'PT',
]);

/**
 * Institution words British and Australian papers capitalise without a name ("the Government
 * has admitted…", "the Administration"): the reader's own country's, never a name of its own.
 */
const GENERIC_INSTITUTIONS = new Set(['Government', 'Governments', 'Administration']);

/** A word without its possessive, and without a sentence's full stop (but "U.S." keeps its own). */
const bare = (word: string) => {
  // ("Mukto Mona’": a closing quote after a name is no part of it.)
  const w = word.replace(/[’']s$|[’']$/u, '');
  return /(?:^|\.)\p{Lu}\.$/u.test(w) ? w : w.replace(/\.$/u, '');
};
const isAcronymWord = (w: string) => /^(?:\p{Lu}\.?){2,6}(?:[-–]\p{Lu}+)?$/u.test(w) && !/^\p{Lu}\.$/u.test(w);

/**
 * A sentence in title case ("How Obama Lost The Argument Over Iran") says nothing about which
 * words are names: every longer word is capitalised, verbs included.
 */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /^\p{L}/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()));
  return words.length >= 4 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * Capitalised words no name is made of: pronouns, forms of "be", "have" and "do", modals,
 * "There", "Like", "Though". Capitalised mid-sentence inside a run of capitals, they mark a work's
 * title written in title case without its italics ("My Name as Though It Were Written on the
 * Surface of the Moon", "You Loved Me Like a Distant Star").
 */
const TITLE_MARKERS = new Set(
  'I Me My You Your We Us Our He Him His She Her It Its They Them Their Is Was Were Be Been Are Am Do Does Did Have Has Had Can Could Would Should Shall Might Must Not Like Though There What When Where Why How Let'.split(
    ' ',
  ),
);
/** Short words a title keeps in lower case between its capitalised words. */
const TITLE_JOINERS = /^(?:a|an|the|of|in|on|to|as|and|for|at|by|with|that|from|into|or)$/u;
const CAP = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’.-]*\s+(?:(?:a|an|the|of|in|on|to|as|and|for|at|by|with|that|from|into|or)\s+)*`;
/** Three capitalised words in a run: most sentences have none, and no title to look for. */
const THREE_CAPITALS = new RegExp(`${CAP}${CAP}\\p{Lu}`, 'u');
/** A verb's past form ("Built", "Written", "Were"): a title's word when capitalised mid-run. */
const isPastVerb = (w: string) => tagsOf(w).some((t) => t === 'PastTense' || t === 'Participle' || t === 'Copula');

/**
 * Where a sentence holds a work's title in title case: a run of at least three capitalised words
 * (short lower-case words between them) with a title marker or a verb's past form inside it,
 * neither first nor last ("A Paradise Built in Hell", "The Kiss Was Beautiful"). Names found only
 * there are pieces of a title, weak evidence of a name of their own.
 */
export function titleSpans(sentence: string): [number, number][] {
  if (!THREE_CAPITALS.test(sentence)) return [];
  const tokens = [...sentence.matchAll(/[\p{L}\p{M}\p{N}'’.-]+/gu)];
  const spans: [number, number][] = [];
  const capital = (t: string) => /^\p{Lu}/u.test(t);
  let i = 0;
  while (i < tokens.length) {
    if (!capital(tokens[i]![0])) {
      i++;
      continue;
    }
    const caps = [i];
    for (let j = i + 1; j < tokens.length; j++) {
      const prev = tokens[j - 1]!;
      if (!/^\s+$/u.test(sentence.slice(prev.index + prev[0].length, tokens[j]!.index))) break;
      const t = tokens[j]![0];
      if (capital(t)) caps.push(j);
      else if (!TITLE_JOINERS.test(t)) break;
    }
    const inner = caps.slice(1, -1).map((k) => tokens[k]![0].replace(/[.’']+$/u, ''));
    if (caps.length >= 3 && inner.some((w) => TITLE_MARKERS.has(w) || isPastVerb(w))) {
      const last = tokens[caps.at(-1)!]!;
      spans.push([tokens[i]!.index, last.index + last[0].replace(/[.’']+$/u, '').length]);
    }
    i = caps.at(-1)! + 1;
  }
  return spans;
}

/**
 * Where a sentence quotes a title: “Super Mario Run”, “Until Dawn: Rush of Blood,”, ‘Thumper’.
 * The quote holds only capitalised words (short lower-case joiners between them, a colon) and no
 * contraction (“I’m Batman” is speech), and stands between no two names (William "Bill" Cage: a
 * nickname). Its words are capitalised because it is a title, not because a sentence or a
 * quotation opens there. A span runs to the closing quote.
 */
export function quotedTitleSpans(sentence: string): [number, number][] {
  if (!/[“"‘]/u.test(sentence)) return [];
  const spans: [number, number][] = [];
  for (const m of sentence.matchAll(/(?<![\p{L}\p{N}])[“"‘]([^“”"‘’]{1,120}?)[”"’](?![\p{L}\p{N}])/gu)) {
    const content = m[1]!.replace(/[,.!?]+$/u, '');
    const words = content.split(/\s+/u).filter(Boolean);
    if (words.length === 0 || words.length > MAX_NAME_WORDS) continue;
    const end = m.index + m[0].length;
    if (/\p{Lu}[\p{L}.]*\s$/u.test(sentence.slice(0, m.index)) && /^\s\p{Lu}/u.test(sentence.slice(end))) continue;
    const title =
      /^[\p{Lu}\p{N}]|^\p{Ll}\p{Lu}/u.test(words[0]!) &&
      words.every(
        (w) =>
          (/^[\p{Lu}\p{N}]|^\p{Ll}\p{Lu}/u.test(w) || TITLE_JOINERS.test(w)) &&
          !/[’'](?:m|re|ve|ll|d)$|n[’']t$/u.test(w),
      );
    if (title) spans.push([m.index + 1, end]);
  }
  return spans;
}

interface Occurrence {
  readonly words: string[];
  readonly initial: boolean;
  readonly title?: string;
  readonly afterHonorific: boolean;
  readonly beforeNoun: boolean;
  /** Stood where a place stands: "an Oklahoma Republican". */
  readonly placeHint?: boolean;
  /** After a determiner or an adjective: "the Bill", "this Committee", "a new Bill". */
  readonly afterThe?: boolean;
  /** Among the first two words of its sentence ("A HIGH-powered team…"). */
  readonly atStart?: boolean;
  /** A lower-case institution word right after it ("West Mercia police", "the Ennahda party"). */
  readonly head?: string;
  /** Inside a work's title written in title case (see `titleSpans`). */
  readonly inTitle?: boolean;
  /** Inside a quoted title (see `quotedTitleSpans`), not at its sentence's start. */
  readonly quoted?: boolean;
}

/**
 * Splits "Palestinian Authority President Mahmoud Abbas" into title and name. Only where
 * what follows the title can be a person's name: "U.N. General Assembly" stays whole.
 */
function splitTitle(words: string[]): { title?: string; name: string[] } {
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (isTitleWord(bare(words[i]!))) last = i;
  if (last < 0) return { name: words };
  let name = words.slice(last + 1);
  // "Senator Mitch McConnell of Kentucky": the name stops before "of".
  const of = name.indexOf('of');
  if (of > 0) name = name.slice(0, of);
  const personLike =
    name.length <= 4 &&
    !name.some((w) => CONNECTORS.has(w)) &&
    !kindOfHead(name.at(-1)!) &&
    !isPlaceWord(name.join(' '));
  if (!personLike) return { name: words };
  return { title: words.slice(0, last + 1).join(' '), name };
}

/**
 * "and" joins two names into one only inside an institution's name: after "X of/on …"
 * ("Joint Committee on Intelligence and Security", "Academy of … Arts and Sciences") or before
 * the head word that ends it ("World Travel and Tourism Council"). Elsewhere it is a list:
 * "Italy and Spain", "Obama and Netanyahu", "Ministry of Defence and Russia", and always before
 * "the".
 */
function splitAnd(phrase: string): string[] {
  const parts = phrase.split(/\s+and\s+/u);
  if (parts.length === 1) return parts;
  const out = [parts[0]!];
  for (const right of parts.slice(1)) {
    const left = out.at(-1)!.split(/\s+/u);
    const rightWords = right.split(/\s+/u);
    const connector = left.findIndex((w, i) => i > 0 && /^(?:of|on|for)$/u.test(w));
    const first = bare(rightWords[0]!);
    const ofHead = connector > 0 && !isPlaceWord(first) && !isDemonym(first) && !isProperName(first);
    const lastRight = bare(rightWords.at(-1)!);
    const beforeHead =
      connector < 0 &&
      kindOfHead(lastRight) === 'organization' &&
      [...left, ...rightWords.slice(0, -1)].every((w) => !isProperName(w) && !isPlaceWord(bare(w)));
    // "the Museum of Neon Art and the Neon Museum": "and the" opens a second name.
    const second = /^the$/iu.test(rightWords[0]!);
    if ((ofHead || beforeHead) && !second) out[out.length - 1] = `${out.at(-1)!} and ${right}`;
    else out.push(right);
  }
  return out;
}

/** A word the lexicon knows as a person's name or an organisation's. */
const isProperName = (w: string) => isFirstName(bare(w)) || isLastName(bare(w)) || isOrganizationWord(bare(w));

/**
 * A possessive ends a phrase: "Netanyahu’s Likud", "the Howells’ house" are two names. Not
 * when one word that names nobody the lexicon knows of owns one common word: "Fisherman’s
 * Terminal", "Sam’s Club", "Macy’s Parade" are each one name.
 */
function splitPossessives(phrase: string): string[] {
  const parts = phrase.split(/(?<=[’']s|s[’'])\s+/u);
  const out = [parts[0]!];
  for (const right of parts.slice(1)) {
    const left = out.at(-1)!;
    const owner = bare(left);
    const one =
      !/\s/u.test(left) &&
      !/\s/u.test(right) &&
      isCommonWord(bare(right)) &&
      !isLastName(owner) &&
      !isPlaceWord(owner) &&
      !isDemonym(owner) &&
      !isOrganizationWord(owner) &&
      !isAcronymWord(owner);
    if (one) out[out.length - 1] = `${left} ${right}`;
    else out.push(right);
  }
  return out;
}

function occurrencesIn(sentence: string): Occurrence[] {
  const out: Occurrence[] = [];
  const titles = titleSpans(sentence);
  const quotes = quotedTitleSpans(sentence);
  for (const m of sentence.matchAll(PHRASE)) {
    let offset = m.index;
    for (let part of splitPossessives(m[0]).flatMap(splitAnd)) {
      const start = sentence.indexOf(part, offset);
      // "#Hamilton Chicago show": a hashtag is one word; what follows it is not its name.
      if (sentence[start - 1] === '#') part = part.split(/\s+/u)[0]!;
      const after = sentence.slice(start + part.length).match(/^\s+(\p{Ll}+)/u)?.[1];
      const before = sentence.slice(0, start).trimEnd();
      // "the Marine Stewardship Council (MSC) Certified Sustainable Seafood label": an adjective
      // opening a capitalised run right after "(ACR)" and before a noun is a label's wording.
      if (
        /\(\p{Lu}[\p{Lu}\d.]+\)$/u.test(before) &&
        after &&
        isNoun(after) &&
        isAdjective(bare(part.split(/\s+/u)[0]!))
      ) {
        offset = start + part.length;
        continue;
      }
      const quote = quotes.find(([a, b]) => start >= a && start + part.length <= b);
      const occurrence = occurrenceOf(part, before, after, quote && sentence.slice(quote[0], quote[1]));
      const inTitle = titles.some(([a, b]) => start >= a && start + part.length <= b);
      offset = start + part.length;
      if (occurrence) out.push(...splitPartyMember(inTitle ? { ...occurrence, inTitle } : occurrence));
    }
  }
  return out;
}

function occurrenceOf(
  phrase: string,
  before: string,
  after: string | undefined,
  quote?: string,
): Occurrence | undefined {
  const beforeNoun = after !== undefined && isNoun(after);
  let words = phrase.split(/\s+/u).map((w, i, all) => (i === all.length - 1 ? bare(w) : w));
  const opensSentence = !/[\p{L}\p{N}]/u.test(before) || /[.!?:]["“‘]?$/u.test(before);
  // A quoted title ("announcing “Super Mario Run,” the…") is capitalised as a title, wherever it
  // stands; so is a brand with a capital inside ("iPhone sales", "McDonald’s said"). But one
  // word quoted at a sentence's start, then a comma, is speech (“Absolutely,” she said).
  const quotedTitle = quote !== undefined && !(opensSentence && /^\S+[,!?][”"’]$/u.test(quote));
  // (An opening quote opens a quotation; a straight one after a word closes one: William "Bill" Clinton.)
  let initial =
    (opensSentence || /(?:^|\s)["“]$/u.test(before)) && !quotedTitle && !/^\p{L}\p{Ll}*\p{Lu}/u.test(words[0]!);
  const afterHonorific = /\b(?:Mr|Mrs|Ms|Dr|Mx)\.?$/u.test(before);
  const atStart = before.split(/\s+/u).filter(Boolean).length + words.length <= 2;
  const previous = before.match(/(?:^|\s)(\p{Ll}+)$/u)?.[1];
  const afterThe =
    (previous !== undefined && (/^(?:the|this|that|its|a|an)$/u.test(previous) || isAdjective(previous))) ||
    (words.length > 1 && /^(?:the|this|that)$/iu.test(words[0]!));
  // Leading function words ("The Kremlin", "In Moscow"), trailing connectors and dates. (A
  // quoted title keeps its words: “Until Dawn”.)
  while (words.length > 1 && !quotedTitle && FUNCTION_WORDS.has(words[0]!.toLowerCase())) {
    words = words.slice(1);
    initial = false;
  }
  while (
    words.length > 1 &&
    (CONNECTORS.has(words.at(-1)!) || isMonthOrDay(words.at(-1)!) || ORDINAL.test(words.at(-1)!))
  )
    words = words.slice(0, -1);
  const on = words.findIndex((w, i) => i > 0 && CONNECTORS.has(w) && isMonthOrDay(words[i + 1] ?? ''));
  if (on > 0) words = words.slice(0, on);
  if (words.every((w) => isHonorific(w)) || NAMED_DAY.test(words.join(' '))) return undefined;
  while (words.length > 1 && isHonorific(words[0]!)) words = words.slice(1);
  const { title, name } = splitTitle(words);
  if (name.length === 0) return undefined;
  return {
    words: name,
    initial: initial && !title,
    title,
    afterHonorific: afterHonorific || Boolean(title),
    beforeNoun,
    afterThe,
    atStart,
    ...(after && LOWER_CASE_HEADS.has(after) ? { head: after } : {}),
    ...(quotedTitle && !opensSentence ? { quoted: true } : {}),
  };
}

/**
 * "an Oklahoma Republican", "House Democrats": a place or a chamber, then the party its people
 * belong to. Two names, not one.
 */
function splitPartyMember(o: Occurrence): Occurrence[] {
  const last = o.words.at(-1)!;
  if (o.words.length < 2 || !isPartyMember(last)) return [o];
  const rest = o.words.slice(0, -1);
  return [
    { ...o, words: rest, beforeNoun: false, placeHint: !(rest.length === 1 && kindOfHead(rest[0]!)) },
    { words: [last], initial: false, afterHonorific: false, beforeNoun: o.beforeNoun },
  ];
}

/** Whether a phrase can be an entity at all, before counting. */
function isNameLike(words: readonly string[]): boolean {
  const text = words.join(' ');
  if (!/\p{L}/u.test(text) || words.length > MAX_NAME_WORDS) return false;
  if (HOLIDAY.test(text)) return false;
  if (words.every((w) => TIME_WORDS.has(w))) return false;
  if (words.length === 1) {
    const w = words[0]!;
    if (w.length < 2 || FUNCTION_WORDS.has(w.toLowerCase())) return false;
    // A title alone is no name; its plural may be one ("Queens", the borough), if capitalised
    // mid-sentence often enough (see the common-word rule below).
    if (isMonthOrDay(w) || (isTitleWord(w) && !/\p{Ll}s$/u.test(w)) || isHonorific(w)) return false;
    // "TV", "CEO": initialisms that are ordinary nouns, not names.
    if (COMMON_INITIALISMS.has(w)) return false;
    // "the Government" (British and Australian style): an institution word that names nothing alone.
    if (GENERIC_INSTITUTIONS.has(w)) return false;
    // "I’ve", "I’m": a pronoun with its verb.
    if (/^I[’'](?:ve|m|d|ll)$/u.test(w)) return false;
    // "Ph.D.", "MBA": a degree after a name; "a ride from Hell": an idiom's capital.
    if (DEGREE.test(w) || IDIOM_CAPITALS.has(w)) return false;
  }
  if (LOWER_INITIAL.test(words[0]!) && isLowerInitialNoName(bare(words[0]!))) return false;
  // "Israeli", "U.S.-Israeli", "Arab Israeli": adjectives of nationality, not entities.
  const parts = text.split(/[\s\-–]+/u);
  if (
    parts.some((p) => isDemonym(p)) &&
    parts.every((p) => isDemonym(p) || isAcronymWord(p) || isPlaceWord(p) || isAdjective(p) || COMPASS.test(p))
  )
    return false;
  if (/^\d/u.test(text) && words.length === 1) return false;
  // "Security Editor", "Foreign Minister": a title with no name after it.
  if (words.length > 1 && isOfficeTitle(bare(words.at(-1)!))) return false;
  // "New Zealanders", "Londoner": people of a place the lexicon knows, not an entity.
  const stem = text.replace(/ers?$/u, '');
  if (stem !== text && isPlaceWord(stem)) return false;
  return true;
}

function kindOf(words: readonly string[], personHint: boolean): EntryKind | undefined {
  const last = words.at(-1)!;
  const head = kindOfHead(last);
  if (head) return head;
  const text = words.join(' ');
  if (words.length === 1 && isPartyMember(text)) return 'organization';
  // "Council of Economic Advisers", "University of Chicago": the head comes first.
  const firstHead = words.length > 2 && CONNECTORS.has(words[1]!) ? kindOfHead(words[0]!) : undefined;
  if (firstHead) return firstHead;
  // The lexicon knows some names whole ("United States", "New York").
  if (isPlaceWord(text)) return 'place';
  if (isOrganizationWord(text)) return 'organization';
  if (words.length === 1 && isAcronymWord(text)) return 'organization';
  if (words.every((w) => isPlaceWord(w) || CONNECTORS.has(w))) return 'place';
  if (words.length === 1 && isOrganizationWord(text)) return 'organization';
  if (personHint) return 'person';
  if (words.length >= 2 && (isFirstName(words[0]!) || isLastName(last))) return 'person';
  if (words.some((w) => isOrganizationWord(w))) return 'organization';
  if (words.length === 1 && (isFirstName(text) || isLastName(text))) return 'person';
  return undefined;
}

interface Candidate {
  text: string;
  words: string[];
  count: number;
  midSentence: number;
  personHint: boolean;
  placeHint: boolean;
  titles: Map<string, number>;
  /** Occurrences followed by a lower-case noun ("Tajik migrants"). */
  beforeNoun: number;
  afterThe: number;
  atStart: number;
  heads: Map<string, number>;
  inTitle: number;
  /** Occurrences inside a quoted title, not at a sentence's start. */
  quoted: number;
}

/** A surname without its particle: "al-Bashir" is "Bashir" when the article shortens it. */
const surnameOf = (word: string) => word.replace(PARTICLE, '');

/** The initials of a name's capitalised words ("International Criminal Court" → "ICC"). */
const initialsOf = (words: readonly string[]) =>
  words
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => w[0])
    .join('');

interface Merging {
  c: Candidate;
  kind?: EntryKind;
  aliases: Set<string>;
}

/**
 * Variants of one organisation's name, and of one word: "Department of Defense" into "Defense
 * Department", "Tax Policy Center" into the one "Urban-Brookings Tax Policy Center" it ends,
 * "Republican" into "Republicans". The form the article uses most names the entity.
 */
function mergeVariants(entities: Map<string, Merging>): void {
  const merge = (a: Merging, b: Merging) => {
    const [keep, drop] = b.c.count > a.c.count ? [b, a] : [a, b];
    keep.aliases.add(drop.c.text);
    for (const alias of drop.aliases) keep.aliases.add(alias);
    keep.c.count += drop.c.count;
    keep.kind ??= drop.kind;
    entities.delete(formKey(drop.c.text));
  };
  for (const e of [...entities.values()]) {
    if (!entities.has(formKey(e.c.text))) continue;
    const words = e.c.words;
    // "Department of Defense" ↔ "Defense Department".
    if (words.length >= 3 && words[1] === 'of' && kindOfHead(words[0]!) === 'organization') {
      const other = entities.get(formKey([...words.slice(2), words[0]!].join(' ')));
      if (other && other !== e) merge(other, e);
      continue;
    }
    // "Tax Policy Center" inside the one longer name that ends with it.
    if (words.length >= 2 && kindOfHead(words.at(-1)!) === 'organization') {
      const longer = [...entities.values()].filter(
        (o) => o !== e && o.c.words.length > words.length && formKey(o.c.text).endsWith(` ${formKey(e.c.text)}`),
      );
      const hyphenated = [...entities.values()].filter(
        (o) => o !== e && o.c.words.length === words.length && formKey(o.c.text).endsWith(`-${formKey(e.c.text)}`),
      );
      const owners = [...longer, ...hyphenated];
      if (owners.length === 1) merge(owners[0]!, e);
      continue;
    }
    // "Republican" and "Republicans".
    if (words.length === 1) {
      const plural = entities.get(`${formKey(e.c.text)}s`);
      if (plural && plural !== e) merge(plural, e);
    }
  }
}

/** What the article shows of a candidate name, for `evidenceOf`. */
export interface Evidence {
  /** Occurrences, its other forms' included. */
  readonly count: number;
  readonly words: number;
  /** A head word, a title, an honorific or the lexicon told its kind. */
  readonly kindKnown: boolean;
  /** The lexicon knows one of its words as a person's, a place's or an organisation's name. */
  readonly lexiconName: boolean;
  /** Every occurrence opens its sentence. */
  readonly initialOnly: boolean;
  /** Every occurrence lies inside a work's title written in title case (`titleSpans`). */
  readonly titleOnly: boolean;
}

/**
 * Points of evidence that a candidate is a name of the article. Each rule before this one drops
 * what is certainly no name; what is left is weighed here: named again (+2), of a known kind
 * (+1), several words (+1), a word the lexicon knows as a name (+1); opening its sentences only
 * (−1), or found only inside a work's title in title case (−2): a piece of the title.
 */
export function evidenceOf(e: Evidence): number {
  return (
    (e.count >= 2 ? 2 : 0) +
    (e.kindKnown ? 1 : 0) +
    (e.words > 1 ? 1 : 0) +
    (e.lexiconName ? 1 : 0) -
    (e.initialOnly ? 1 : 0) -
    (e.titleOnly ? 2 : 0)
  );
}

/**
 * The least evidence a candidate needs to be marked. Chosen on the tuned-on pages of
 * `npm run quality` (20 articles, 202 core entities): at −2 (everything the rules keep), core
 * 182/202 and 480 of 507 marks right; at −1, 480 of 506; at 0, core 182/202 and 479 of 501 right
 * (pieces of works' titles dropped, one whole title with them); at 1, core 180/202, 428 of 441:
 * nine more wrong marks go, but 51 right ones with them, names the article gives once, one word
 * of no known kind (Reuters, Kyzyl, Sirte, SpaceX, Zanu-PF); at 2, core 169/202. 0 is the knee.
 */
export const MIN_EVIDENCE = 0;

export function extractPageEntities(
  sentences: readonly Sentence[],
  { minEvidence = MIN_EVIDENCE }: { minEvidence?: number } = {},
): PageEntity[] {
  const candidates = new Map<string, Candidate>();
  const acronymPairs: [string, string][] = [];
  for (const s of sentences) {
    for (const m of s.text.matchAll(
      /((?:\p{Lu}[\p{L}\p{M}]*[\s–—-]+){1,6}\p{Lu}[\p{L}\p{M}]*)\s*\(([\p{Lu}][\p{Lu}\d.–—-]*\p{Lu}\.?)\)/gu,
    ))
      acronymPairs.push([m[1]!.trim(), m[2]!]);
    if (isTitleCase(s.text)) continue;
    for (const o of occurrencesIn(s.text)) {
      if (!isNameLike(o.words)) continue;
      const text = o.words.join(' ');
      const k = formKey(text);
      const c = candidates.get(k) ?? {
        text,
        words: o.words,
        count: 0,
        midSentence: 0,
        personHint: false,
        placeHint: false,
        titles: new Map(),
        beforeNoun: 0,
        afterThe: 0,
        atStart: 0,
        heads: new Map(),
        inTitle: 0,
        quoted: 0,
      };
      c.count++;
      if (o.beforeNoun) c.beforeNoun++;
      if (!o.initial) c.midSentence++;
      if (o.afterHonorific) c.personHint = true;
      if (o.placeHint) c.placeHint = true;
      if (o.title) c.titles.set(o.title, (c.titles.get(o.title) ?? 0) + 1);
      if (o.afterThe) c.afterThe++;
      if (o.atStart) c.atStart++;
      if (o.head) c.heads.set(o.head, (c.heads.get(o.head) ?? 0) + 1);
      if (o.inTitle) c.inTitle++;
      if (o.quoted) c.quoted++;
      candidates.set(k, c);
    }
  }

  // Which candidates are names: seen capitalised mid-sentence, or known to the lexicon as one.
  const adjectives = new Set(
    [...candidates.values()]
      .filter((c) => c.words.length === 1 && !isAcronymWord(c.text) && c.beforeNoun * 2 > c.count)
      .map((c) => formKey(c.text)),
  );
  // Single words the article uses alone mid-sentence ("Lourimi said"), and the longer names
  // that end with a word ("Data Retention Bill").
  const usedAlone = new Set(
    [...candidates.values()].filter((c) => c.words.length === 1 && c.midSentence > 0).map((c) => formKey(c.text)),
  );
  const endings = new Set(
    [...candidates.values()].filter((c) => c.words.length > 1).map((c) => formKey(c.words.at(-1)!)),
  );
  // "Islamist Muslim Brotherhood": an ideology's word ("-ist") before a name the article also
  // uses alone, or before a people's word, describes it; the occurrence counts for the name.
  // ("Communist Party of China" keeps its whole name.)
  for (const c of [...candidates.values()]) {
    if (c.words.length < 3 || !/\p{Ll}ist$/u.test(c.words[0]!)) continue;
    const words = c.words.slice(1);
    const rest = candidates.get(formKey(words.join(' ')));
    candidates.delete(formKey(c.text));
    if (rest) {
      rest.count += c.count;
      rest.midSentence += c.midSentence;
    } else if (
      isDemonym(words[0]!) ||
      (NATIONALITY_ENDING.test(words[0]!) && !isProperName(words[0]!) && !isPlaceWord(words[0]!))
    ) {
      // Once only, before a name that opens with a people's word ("Muslim Brotherhood").
      candidates.set(formKey(words.join(' ')), { ...c, text: words.join(' '), words });
    } else candidates.set(formKey(c.text), c);
  }
  const longer = [...candidates.values()].filter((c) => c.words.length > 2).map((c) => formKey(c.text));
  const kept = [...candidates.values()].filter((c) => {
    const single = c.words.length === 1 ? c.words[0]! : undefined;
    if (single && isPartyMember(single)) return true;
    // "A HIGH-powered team": a common word in capitals opening a story is its lede's style.
    if (single && isAcronymWord(single) && single.length > 2 && isCommonWord(single) && c.atStart === c.count)
      return false;
    // "the Bill", "the Committee" after "the Data Retention Bill": a common word that only ever
    // refers back to a longer name of the article is not an entity of its own.
    if (
      single &&
      !isAcronymWord(single) &&
      !c.personHint &&
      c.afterThe === c.count &&
      endings.has(formKey(single)) &&
      !isPlaceWord(single)
    )
      return false;
    // "Street surfaces are…", "Office worker Barry Thomas", "Society, on the other hand, …": a
    // head word alone, only ever opening a sentence, is the common noun.
    if (single && c.midSentence === 0 && !c.personHint && kindOfHead(single)) return false;
    // "the British Bill" after "the Data Retention Bill", "the U.S. Flag" after "the U.S. Flag
    // Code": a nationality or a longer name's first words, then a common word, only ever after
    // "the", refers back to (or stands for) the thing, not to a name of its own.
    if (c.words.length > 1 && !c.personHint && c.afterThe === c.count && isCommonWord(bare(c.words.at(-1)!))) {
      const last = bare(c.words.at(-1)!);
      const key = formKey(c.text);
      const nationality = (w: string) =>
        isDemonym(w) || (NATIONALITY_ENDING.test(w) && !isProperName(w) && !isPlaceWord(w) && !isCommonWord(w));
      // ("the Islamic State" keeps its name: "State" is a head word, a place's or a body's.)
      if (c.words.slice(0, -1).every(nationality) && endings.has(formKey(last)) && !kindOfHead(last)) return false;
      if (longer.some((k) => k.startsWith(`${key} `) && k.split(' ').length === c.words.length + 1)) return false;
    }
    // "US", "WHO": an acronym is a name even when the lexicon knows the word in lower case.
    // A common word capitalised mid-sentence names something ("the Senate", "the Treasury"), at
    // least twice; once may be a caption's or a label's capital.
    // (Quoted, it is a title: the weird “Headmaster,” a game about heading balls.)
    if (
      single &&
      !isAcronymWord(single) &&
      isCommonWord(single) &&
      !c.personHint &&
      c.midSentence < 2 &&
      c.quoted === 0
    )
      return false;
    // "Tajik migrants", "Russian officials": a word that mostly stands before a noun is an adjective.
    // (A word with a capital inside, "DevSecOps", "GitLab", is a brand, never a nationality.)
    // (Acronyms too: "US officials", "NATO summit".)
    if (
      single &&
      !c.personHint &&
      !isPlaceWord(single) &&
      !isAcronymWord(single) &&
      !/\p{Ll}\p{Lu}/u.test(single) &&
      !isPartyMember(single) &&
      NATIONALITY_ENDING.test(single) &&
      c.beforeNoun * 2 > c.count
    )
      return false;
    if (single && !isPartyMember(single) && /s$/u.test(single) && adjectives.has(formKey(single.slice(0, -1))))
      return false;
    if (c.midSentence > 0) return true;
    // "Ajmi Lourimi, a member of…" opens its sentence, and "Lourimi said" follows: a name.
    if (isShortenedName(c)) return true;
    return kindOf(c.words, c.personHint) !== undefined && !isCommonWord(c.words[0]!);
  });

  /** A person's full name the article later shortens to its last word ("Lotfi Azzouz" … "Azzouz said"). */
  function isShortenedName(c: Candidate): boolean {
    return (
      c.words.length >= 2 &&
      c.words.length <= 3 &&
      !c.words.some((w) => CONNECTORS.has(w)) &&
      !kindOfHead(c.words.at(-1)!) &&
      !c.words.some((w) => isPlaceWord(w) || isDemonym(w) || isCommonWord(w) || isAcronymWord(w)) &&
      usedAlone.has(formKey(surnameOf(c.words.at(-1)!)))
    );
  }

  // Merge: a lone surname into the one full name that ends with it; acronyms into their names.
  const entities = new Map<string, Merging>();
  const multi = kept.filter((c) => c.words.length > 1);
  const singles = kept.filter((c) => c.words.length === 1);
  for (const c of multi)
    entities.set(formKey(c.text), {
      c,
      kind: kindOf(c.words, c.personHint) ?? (isShortenedName(c) ? 'person' : undefined),
      aliases: new Set(),
    });
  const personOf = (m: Candidate) => entities.get(formKey(m.text))?.kind === 'person';
  for (const c of singles) {
    const word = c.words[0]!;
    const owners = multi.filter((m) => surnameOf(m.words.at(-1)!) === word && personOf(m));
    if (owners.length === 1) {
      const owner = entities.get(formKey(owners[0]!.text))!;
      owner.aliases.add(word);
      owner.c.count += c.count;
      for (const [t, n] of c.titles) owner.c.titles.set(t, (owner.c.titles.get(t) ?? 0) + n);
      continue;
    }
    // A surname two people share is left unmarked rather than given to the wrong one.
    if (owners.length > 1) continue;
    // "Dan" after "Dan Goodin": a first name alone, when one person of the article has it.
    const firstOf = multi.filter((m) => m.words[0] === word && kindOf(m.words, m.personHint) === 'person');
    if (firstOf.length === 1 && isFirstName(word)) {
      const owner = entities.get(formKey(firstOf[0]!.text))!;
      owner.aliases.add(word);
      owner.c.count += c.count;
      continue;
    }
    const letters = word.replace(/[.\-–]/gu, '');
    if (isAcronymWord(word)) {
      const named = multi.filter((m) => initialsOf(m.words) === letters);
      if (named.length === 1) {
        entities.get(formKey(named[0]!.text))!.aliases.add(word);
        continue;
      }
    }
    entities.set(formKey(c.text), { c, kind: kindOf(c.words, c.personHint), aliases: new Set() });
  }
  for (const [long, short] of acronymPairs) {
    const owner = entities.get(formKey(long));
    const acronym = entities.get(formKey(short));
    if (owner && acronym && owner !== acronym) {
      owner.aliases.add(acronym.c.text);
      entities.delete(formKey(short));
    } else if (owner) owner.aliases.add(short);
  }

  mergeVariants(entities);

  const weighed = [...entities.values()].filter(
    ({ c, kind }) =>
      evidenceOf({
        count: c.count,
        words: c.words.length,
        kindKnown: kind !== undefined,
        lexiconName: c.words.some((w) => isProperName(w) || isPlaceWord(bare(w))),
        initialOnly: c.midSentence === 0,
        titleOnly: c.inTitle === c.count,
      }) >= minEvidence,
  );
  return weighed.map(({ c, kind, aliases }) => {
    const title = [...c.titles].sort((a, b) => b[1] - a[1])[0]?.[0];
    return {
      name: c.text,
      // No rule knew it: a name the article capitalises, of a kind we cannot tell.
      kind: kind ?? (c.placeHint ? 'place' : 'concept'),
      aliases: [...aliases, ...(kind === 'person' ? [] : [...c.heads.keys()].map((h) => `${c.text} ${h}`))].filter(
        (a) => formKey(a) !== formKey(c.text),
      ),
      ...(title ? { title } : {}),
      count: c.count,
    };
  });
}
