/**
 * The bundled "World" pack: every country and every national capital, one neutral line each,
 * built from the open dataset world-countries (mledoze/countries, ODbL-1.0). Pure: the caller
 * (scripts/build-world.ts) reads the dataset and says which names are ambiguous.
 *
 * The output is deterministic: entries sorted by id, aliases in the dataset's order, so
 * regenerating from the same dataset is byte-identical.
 */
import { slugify } from '../text/slug';
import { isAcronym } from '../match/compile';
import { formKey, normalize } from '../text/normalize';
import { type ContextRule, type Entry, PACK_FORMAT, type Pack, parsePack } from './schema';

/** The fields of a world-countries record that the pack reads. */
export interface WorldCountry {
  readonly name: { readonly common: string; readonly official: string };
  readonly cca2: string;
  readonly cca3: string;
  readonly independent: boolean | null;
  readonly altSpellings: readonly string[];
  readonly capital: readonly string[];
  readonly region: string;
  readonly subregion?: string;
  readonly languages?: Readonly<Record<string, string | undefined>>;
  readonly demonyms?: { readonly eng?: { readonly m: string; readonly f: string } };
}

export interface WorldPackOptions {
  /** The dataset's version, named in every entry's source: "5.1.0". */
  readonly datasetVersion: string;
  /** True for a name that is also a person's name or an ordinary English word. */
  readonly isAmbiguous: (name: string) => boolean;
}

/**
 * States the dataset does not flag `independent` (5.1.0: Palestine and Taiwan are
 * "officially-assigned" territories, Kosovo "user-assigned"), included because readers meet
 * them in the news as states. Their line calls them "partially recognised", taking no side.
 */
const PARTIALLY_RECOGNISED = new Set(['PSE', 'UNK', 'TWN']);

/**
 * Names readers use that the dataset may not carry, by cca3. Each was checked against
 * world-countries 5.1.0; those it already has stay listed so a dataset update that drops
 * one does not lose it (duplicates are merged).
 */
export const WELL_KNOWN_NAMES: Readonly<Record<string, readonly string[]>> = {
  // 5.1.0's common name is "Ivory Coast"; "Côte d'Ivoire" is in altSpellings.
  CIV: ["Côte d'Ivoire", "Cote d'Ivoire"],
  // "Czech Republic" is the official name in 5.1.0.
  CZE: ['Czech Republic'],
  // In altSpellings.
  MMR: ['Burma'],
  // In altSpellings.
  TLS: ['East Timor'],
  // The common name is "Cape Verde"; "Cabo Verde" (the official short name since 2013) is
  // only inside the official name.
  CPV: ['Cabo Verde'],
  // In altSpellings.
  SWZ: ['Swaziland'],
  // "US" is two letters, dropped with the ISO codes; "U.S." is how most English news writes it.
  USA: ['US', 'U.S.', 'United States of America', 'USA', 'U.S.A.'],
  // "UK" is two letters; "Britain" is missing from 5.1.0.
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  // The common name is "Türkiye"; "Turkey", what most English readers say, is missing.
  TUR: ['Turkey'],
  // Missing from 5.1.0, common in news about China.
  CHN: ['PRC'],
  // The dataset's "Vatican" equals its demonym, so the demonym rule drops it; it is the name
  // news uses ("the Vatican said"). "Holy See (Vatican City State)" is dropped for its brackets.
  VAT: ['Vatican', 'Holy See'],
  // "Holland" is NOT added: it is a region of the Netherlands (and is dropped, below).
};

/** Capitals' names readers use that the dataset does not carry, by the dataset's name. */
export const WELL_KNOWN_CAPITAL_NAMES: Readonly<Record<string, readonly string[]>> = {
  // The transliteration from Russian, common in English until 2019 and in older articles.
  Kyiv: ['Kiev'],
  // The dataset has the older "Ulan Bator"; Mongolia's own romanisation is now the usual one.
  'Ulan Bator': ['Ulaanbaatar'],
  // How English news names the city: "Washington" alone needs context (the state, the president).
  'Washington D.C.': ['Washington, D.C.', 'Washington DC', 'Washington'],
  "Sana'a": ['Sanaa'],
  Naypyidaw: ['Nay Pyi Taw', 'Naypyitaw'],
};

/**
 * Alternative spellings in the dataset that are not names of the country in English prose,
 * by cca3, with the reason. (Demonyms equal to the country's are dropped by rule as well.)
 */
const DROPPED_ALT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  // Holland is the western region of the Netherlands, not the country.
  NLD: ['Holland'],
  // Readers call either Congo "Congo" (the Democratic Republic most often): it names neither.
  COG: ['Congo'],
  // Timor is the island Timor-Leste shares with Indonesia.
  TLS: ['Timor'],
  // Icelandic for Iceland, and an ordinary English word.
  ISL: ['Island'],
  // "Prathet" is Thai for "country"; "Thai" is the demonym and the language.
  THA: ['Prathet', 'Thai'],
  // The people and the language ("Laos" is the country).
  LAO: ['Lao'],
  // A demonym: "Saudi officials".
  SAU: ['Saudi'],
  // Spanish and Portuguese adjectives, not names of the country.
  MEX: ['Mexicanos'],
  PRT: ['Portuguesa'],
  // South Africa's initials are also a cryptosystem and are not on the allow-list below.
  ZAF: ['RSA'],
};

/** Capital letters kept as aliases (case-sensitive): initials English news uses for the country. */
const ALLOWED_CODES = new Set(['USA', 'UAE', 'DRC', 'PRC', 'UK']);

/**
 * Forms that clash with something else readers meet often, beyond what the lexicon knows
 * (compromise tags these as places only): they mark the country or capital only in context.
 * Also never used as a cue.
 */
export const KNOWN_AMBIGUOUS: ReadonlySet<string> = new Set([
  'Georgia', // the US state
  'Georgian', // a resident of the US state; the Georgian era
  'Georgians',
  'Jordan', // a first and last name (Michael Jordan), the river
  'Chad', // a first name
  'Niger', // the river
  'Guinea', // the coin, the guinea pig, the island of New Guinea
  'Victoria', // a first name, the Australian state, the queen (capital of Seychelles)
  'Washington', // the US state, George Washington (alias of Washington D.C.)
  'Kingston', // Kingston upon Thames, Kingston (Ontario), Kingston (New York)
  'Lincoln', // the president, the English city (no capital of that name in 5.1.0)
  'Georgetown', // the Washington neighbourhood and its university (capital of Guyana)
  'Santiago', // a first name, Santiago de Cuba, Santiago de Compostela (capital of Chile)
  'Nassau', // Nassau County, New York (capital of the Bahamas)
  'San José', // San Jose, California (capital of Costa Rica)
  'San Jose',
  "St. George's", // countless churches, schools and hospitals (capital of Grenada)
  'Macedonia', // the Greek region and the ancient kingdom (North Macedonia)
  'Macedonian',
  'Macedonians',
  'Micronesia', // the Pacific region (Federated States of Micronesia)
  'Micronesian',
  'Micronesians',
  'Emirates', // the airline (United Arab Emirates)
]);

/** Subregions that read badly after "in": "Country in the Caribbean". */
const PLACE_PHRASE: Readonly<Record<string, string>> = {
  Caribbean: 'the Caribbean',
  // "Country in Australia and New Zealand" would say Australia lies in itself.
  'Australia and New Zealand': 'Oceania',
};

/** Names an English sentence gives an article: "Capital of the Netherlands". */
const TAKES_THE =
  /\b(?:Republic|Kingdom|States|Emirates|Islands)\b|^(?:Bahamas|Comoros|Gambia|Maldives|Netherlands|Philippines)$/u;
const withArticle = (name: string) => (TAKES_THE.test(name) ? `the ${name}` : name);

const SOURCE_NAME = 'world-countries';
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

/** The name without its diacritics ("Bogotá" → "Bogota"), as English news often writes it. */
function withoutDiacritics(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Latin letters only (with the punctuation, spaces and marks any script shares). */
const LATIN = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+$/u;

/** Why the dataset's alternative spelling is not an alias, or undefined when it is one. */
function altSpellingProblem(alt: string, country: WorldCountry): string | undefined {
  if (DROPPED_ALT_SPELLINGS[country.cca3]?.includes(alt)) return 'curated out';
  if (/^\p{Lu}{2,3}$/u.test(alt)) {
    // ISO codes (AF, TJK) are no names; a few initials are.
    return ALLOWED_CODES.has(alt) ? undefined : 'a code';
  }
  if (alt.length < 3) return 'too short';
  if (!LATIN.test(alt) || !/\p{Script=Latin}/u.test(alt)) return 'not Latin script';
  // "the Abode of Peace", "weSwatini", "al-Jumhūriyyah …": fragments and transliterations
  // with a lower-case article, not how an English text names the country.
  if (/^\p{Ll}/u.test(alt)) return 'starts in lower case';
  // ISO's inverted forms ("Korea, Republic of") and "Holy See (Vatican City State)".
  if (/[,()]/u.test(alt)) return 'a list form';
  const demonym = country.demonyms?.eng;
  if (demonym && (alt === demonym.m || alt === demonym.f)) return 'the demonym';
  return undefined;
}

/** Adds forms not yet present (compared by formKey), keeping the first spelling. */
function addForms(into: string[], forms: Iterable<string>, taken: Set<string>): void {
  for (const form of forms) {
    const key = formKey(form);
    if (!key || taken.has(key)) continue;
    taken.add(key);
    into.push(form);
  }
}

/** The English demonyms with a plural: "Jordanian", "Jordanians". "French" has none with -s. */
function demonymsOf(country: WorldCountry): string[] {
  const eng = country.demonyms?.eng;
  if (!eng) return [];
  // "Antiguan, Barbudan", "Kittitian or Nevisian": two demonyms in one field.
  const singles = [eng.m, eng.f].flatMap((d) => d.split(/,\s*|\s+or\s+/u)).filter((d) => d.trim().length > 0);
  const out: string[] = [];
  for (const d of singles) {
    out.push(d);
    if (!/(?:s|x|z|sh|tch|nch|ese)$/u.test(d)) out.push(`${d}s`);
  }
  return [...new Set(out)];
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

interface Draft {
  id: string;
  name: string;
  aliases: string[];
  text: string;
  related: string[];
  /** What a page names when it speaks of this entry, before the ambiguity filter. */
  cueCandidates: string[];
}

const COUNTRY_LINE = /^(?:Country|Partially recognised state) in /u;

/** Whether an entry of the World pack is a country (else it is a capital), by its line. */
export function isCountryEntry(entry: Pick<Entry, 'general'>): boolean {
  return COUNTRY_LINE.test(entry.general?.text ?? '');
}

export function buildWorldPack(countries: readonly WorldCountry[], options: WorldPackOptions): Pack {
  const source = `${SOURCE_NAME} ${options.datasetVersion} (ODbL-1.0)`;
  const included = countries
    .filter((c) => c.independent === true || PARTIALLY_RECOGNISED.has(c.cca3))
    .slice()
    .sort((a, b) => a.cca3.localeCompare(b.cca3));

  const drafts: Draft[] = [];
  const usedIds = new Set<string>();
  const claimId = (wanted: string, fallback: string) => {
    // A capital whose slug a country already has gets its country's slug after it.
    const id = usedIds.has(wanted) ? `${wanted}-${fallback}` : wanted;
    if (usedIds.has(id)) throw new Error(`world pack: two entries would both have the id "${id}"`);
    usedIds.add(id);
    return id;
  };

  // Demonyms two countries share ("Congolese", "Dominican") say nothing of which one is meant.
  const demonymCount = new Map<string, number>();
  for (const c of included)
    for (const d of demonymsOf(c)) demonymCount.set(formKey(d), (demonymCount.get(formKey(d)) ?? 0) + 1);
  const ownDemonyms = (c: WorldCountry) => demonymsOf(c).filter((d) => demonymCount.get(formKey(d)) === 1);

  // Countries first, so their ids take precedence over capitals' in a clash.
  const countryIds = new Map<string, string>();
  for (const c of included) countryIds.set(c.cca3, claimId(slugify(c.name.common), c.cca3.toLowerCase()));

  for (const c of included) {
    const id = countryIds.get(c.cca3)!;
    const name = c.name.common;
    const taken = new Set([formKey(name)]);
    const aliases: string[] = [];
    const alts = c.altSpellings.filter((a) => altSpellingProblem(a, c) === undefined);
    const official = /[,()]/u.test(c.name.official) ? [] : [c.name.official];
    addForms(aliases, [...official, withoutDiacritics(name), ...alts, ...(WELL_KNOWN_NAMES[c.cca3] ?? [])], taken);

    // A capital named like its country (Singapore, Monaco, Djibouti, Vatican City) is no
    // second entry: the same form cannot mark two things, and the country's line says so.
    const sameNamed = (capital: string) => taken.has(formKey(capital));
    const capitals = c.capital.filter((k) => !sameNamed(k));
    const capitalPhrase =
      c.capital.length === 0
        ? ''
        : c.capital.some(sameNamed) && c.capital.length === 1
          ? '; its capital has the same name'
          : `; ${c.capital.length > 1 ? 'capitals' : 'capital'} ${listOf(c.capital)}`;
    const languages = Object.values(c.languages ?? {}).filter((l): l is string => typeof l === 'string');
    const languagePhrase =
      languages.length === 0
        ? ''
        : `; ${languages.length > 1 ? 'languages' : 'language'}: ${languages.slice(0, 3).join(', ')}` +
          (languages.length > 3 ? ` and ${languages.length - 3} more` : '');
    const where = c.subregion || c.region;
    const what = PARTIALLY_RECOGNISED.has(c.cca3) ? 'Partially recognised state' : 'Country';
    const text = `${what} in ${PLACE_PHRASE[where] ?? where}${capitalPhrase}${languagePhrase}.`;

    const capitalIds: string[] = [];
    for (const capital of capitals) {
      const capitalId = claimId(slugify(capital), id);
      capitalIds.push(capitalId);
      const capitalAliases: string[] = [];
      addForms(
        capitalAliases,
        [withoutDiacritics(capital), ...(WELL_KNOWN_CAPITAL_NAMES[capital] ?? [])],
        new Set([formKey(capital)]),
      );
      const others = c.capital.filter((k) => k !== capital);
      const capitalText =
        c.capital.length > 1
          ? `One of the ${NUMBER_WORDS[c.capital.length] ?? c.capital.length} capitals of ${withArticle(name)} (with ${listOf(others)}).`
          : `Capital of ${withArticle(name)}.`;
      drafts.push({
        id: capitalId,
        name: capital,
        aliases: capitalAliases,
        text: capitalText,
        related: [id],
        // For a capital: the country's names and demonyms.
        cueCandidates: [name, c.name.official, ...(WELL_KNOWN_NAMES[c.cca3] ?? []), ...ownDemonyms(c)],
      });
    }
    drafts.push({
      id,
      name,
      aliases,
      text,
      related: capitalIds,
      // For a country: its capitals, its own other names and its demonyms.
      cueCandidates: [...c.capital, name, ...aliases, ...ownDemonyms(c)],
    });
  }

  // No form may mark two entries. An alias two entries claim is dropped from both (none in
  // 5.1.0 once the curated drops above are made; a later dataset may bring one); an alias that
  // is another entry's name is dropped from the entry that has it as an alias. Two entries with
  // the same name would be two places no form can tell apart: the build fails, asking for a
  // curated rule.
  const names = new Map<string, string>();
  for (const d of drafts) {
    const key = formKey(d.name);
    if (names.has(key)) throw new Error(`world pack: "${d.name}" names both ${names.get(key)} and ${d.id}`);
    names.set(key, d.id);
  }
  const aliasClaims = new Map<string, Set<string>>();
  for (const d of drafts)
    for (const a of d.aliases) {
      const key = formKey(a);
      aliasClaims.set(key, (aliasClaims.get(key) ?? new Set()).add(d.id));
    }
  const clashes = new Set([...aliasClaims].filter(([key, ids]) => ids.size > 1 || names.has(key)).map(([key]) => key));
  for (const d of drafts) d.aliases = d.aliases.filter((a) => !clashes.has(formKey(a)));

  // Every form any entry claims, to keep cues from naming another entry.
  const owner = new Map<string, string>();
  for (const d of drafts) for (const f of [d.name, ...d.aliases]) owner.set(formKey(f), d.id);

  const isAmbiguous = (form: string) =>
    KNOWN_AMBIGUOUS.has(form) ||
    // An acronym matches only as written: "US" is not the pronoun "us" the lexicon knows.
    (!isAcronym(normalize(form)) && options.isAmbiguous(form));

  const entries: Entry[] = drafts.map((d) => {
    const forms = [d.name, ...d.aliases];
    const ambiguous = forms.filter(isAmbiguous);
    let needsContext: ContextRule | undefined;
    if (ambiguous.length > 0) {
      const ambiguousKeys = new Set(ambiguous.map(formKey));
      const cues: string[] = [];
      addForms(
        cues,
        d.cueCandidates.filter((cue) => {
          const key = formKey(cue);
          if (ambiguousKeys.has(key) || isAmbiguous(cue)) return false;
          // A cue that is another entry's form would let that entry's name confirm this one.
          const claimedBy = owner.get(key);
          return claimedBy === undefined || claimedBy === d.id || d.related.includes(claimedBy);
        }),
        new Set(),
      );
      if (cues.length === 0) throw new Error(`world pack: ${d.name} needs context but has no unambiguous cue`);
      needsContext = { forms: ambiguous, cues: cues.slice(0, 50) };
    }
    return {
      id: d.id,
      name: d.name,
      aliases: d.aliases,
      kind: 'place',
      general: { text: d.text, source },
      mentions: [],
      related: [...d.related].sort(),
      match: {
        caseSensitive: forms.filter((f) => isAcronym(normalize(f))),
        ...(needsContext ? { needsContext } : {}),
      },
    };
  });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return parsePack(
    {
      format: PACK_FORMAT,
      id: 'world',
      title: 'World: countries and capitals',
      version: '1.0.0',
      source: {
        title: SOURCE_NAME,
        publisher: 'Mohammed Le Doze and contributors',
        url: 'https://github.com/mledoze/countries',
        license: 'ODbL-1.0',
        attribution:
          'Country data © Mohammed Le Doze and contributors (mledoze/countries), Open Database License 1.0; ' +
          `bundled via the world-countries npm package ${options.datasetVersion}`,
      },
      entries,
    },
    'world pack',
  );
}
