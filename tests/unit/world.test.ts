import { describe, expect, it } from 'vitest';
import countries from 'world-countries/countries.json';
import dataset from 'world-countries/package.json';
import { parsePack, type Entry } from '@/lib/glossary/schema';
import { buildWorldPack, isCountryEntry, KNOWN_AMBIGUOUS, type WorldCountry } from '@/lib/glossary/world';
import { isAcronym } from '@/lib/match/compile';
import { formKey, normalize } from '@/lib/text/normalize';
import { isAmbiguousName } from '../../scripts/build-world';

const options = { datasetVersion: dataset.version, isAmbiguous: isAmbiguousName };
const pack = buildWorldPack(countries, options);
const byName = new Map(pack.entries.map((e) => [e.name, e]));
const byId = new Map(pack.entries.map((e) => [e.id, e]));
/** The entry a form (name or alias) marks. */
const byForm = new Map<string, Entry>();
for (const e of pack.entries) for (const f of [e.name, ...e.aliases]) byForm.set(formKey(f), e);
/** Ambiguous as the pack judges it: an acronym matches only as written, so "US" is not "us". */
const ambiguous = (form: string) => KNOWN_AMBIGUOUS.has(form) || (!isAcronym(normalize(form)) && isAmbiguousName(form));
const entry = (name: string) => {
  const e = byName.get(name);
  if (!e) throw new Error(`no entry named ${name}`);
  return e;
};

describe('the World pack', () => {
  it('is a valid pack with the dataset named as its source, licence and attribution', () => {
    expect(parsePack(pack)).toEqual(pack);
    expect(pack).toMatchObject({ format: 1, id: 'world', title: 'World: countries and capitals', version: '1.0.0' });
    expect(dataset.version).toBe('5.1.0');
    expect(pack.source).toEqual({
      title: 'world-countries',
      publisher: 'Mohammed Le Doze and contributors',
      url: 'https://github.com/mledoze/countries',
      license: 'ODbL-1.0',
      attribution:
        'Country data © Mohammed Le Doze and contributors (mledoze/countries), Open Database License 1.0; ' +
        'bundled via the world-countries npm package 5.1.0',
    });
  });

  it('gives every entry a general line and its source, and no summary or mentions', () => {
    for (const e of pack.entries) {
      expect(e.general?.text, e.name).toMatch(/^\S.{8,}\.$/u);
      expect(e.general?.source, e.name).toBe('world-countries 5.1.0 (ODbL-1.0)');
      expect(e.kind, e.name).toBe('place');
      expect(e.summary, e.name).toBeUndefined();
      expect(e.mentions, e.name).toEqual([]);
    }
  });

  it('counts every country (the independent ones, Palestine, Kosovo, Taiwan) and every capital', () => {
    const countryEntries = pack.entries.filter(isCountryEntry);
    const capitalEntries = pack.entries.filter((e) => !isCountryEntry(e));
    console.info(
      `World pack: ${pack.entries.length} entries, ${countryEntries.length} countries, ${capitalEntries.length} capitals, ` +
        `${pack.entries.filter((e) => e.match.needsContext).length} needing context`,
    );
    const independent = countries.filter((c) => c.independent === true).length;
    expect(countryEntries.length).toBe(independent + 3);
    expect(countryEntries.length).toBe(197);
    // 197 countries' capitals, South Africa's two more, less the 5 named like their country.
    expect(capitalEntries.length).toBe(194);
    for (const capital of capitalEntries) {
      expect(capital.general!.text, capital.name).toMatch(/^(?:Capital|One of the \w+ capitals) of /u);
      expect(capital.related, capital.name).toHaveLength(1);
    }
  });

  it.each([
    ['Palestine', 'Partially recognised state in Western Asia'],
    ['Kosovo', 'Partially recognised state in Southeast Europe'],
    ['Taiwan', 'Partially recognised state in Eastern Asia'],
    ['Tajikistan', 'Country in Central Asia'],
  ])('includes %s: %s', (name, line) => {
    expect(entry(name).general!.text.startsWith(line)).toBe(true);
  });

  it.each(['Greenland', 'Puerto Rico', 'Hong Kong', 'Western Sahara', 'Nuuk'])('leaves out %s (no state)', (name) => {
    expect(byForm.get(formKey(name))).toBeUndefined();
  });

  it.each([
    ['Ivory Coast', 'Ivory Coast'],
    ["Côte d'Ivoire", 'Ivory Coast'],
    ["Cote d'Ivoire", 'Ivory Coast'],
    ['Czech Republic', 'Czechia'],
    ['Burma', 'Myanmar'],
    ['East Timor', 'Timor-Leste'],
    ['Cabo Verde', 'Cape Verde'],
    ['Swaziland', 'Eswatini'],
    ['United States of America', 'United States'],
    ['U.S.', 'United States'],
    ['US', 'United States'],
    ['USA', 'United States'],
    ['UK', 'United Kingdom'],
    ['Britain', 'United Kingdom'],
    ['Great Britain', 'United Kingdom'],
    ['Turkey', 'Türkiye'],
    ['Vatican', 'Vatican City'],
    ['Holy See', 'Vatican City'],
    ['UAE', 'United Arab Emirates'],
    ['DRC', 'DR Congo'],
    ['Congo-Brazzaville', 'Republic of the Congo'],
    ['Russian Federation', 'Russia'],
    ['Kiev', 'Kyiv'],
    ['Bogota', 'Bogotá'],
    ['Washington, D.C.', 'Washington D.C.'],
  ])('"%s" marks %s', (form, name) => {
    expect(byForm.get(formKey(form))?.name).toBe(name);
  });

  it.each([
    ['Holland', 'a region of the Netherlands'],
    ['Congo', 'either Congo'],
    ['Timor', 'the island'],
    ['Island', 'an English word'],
    ['Thai', 'a demonym'],
    ['Saudi', 'a demonym'],
    ['TJ', 'an ISO code'],
    ['RSA', 'a code off the allow-list'],
    ['Korea, Republic of', 'an ISO list form'],
    ['Republic of China (Taiwan)', 'a bracketed form'],
    ['Российская Федерация', 'not Latin script'],
    ['the Abode of Peace', 'a fragment'],
  ])('"%s" marks nothing (%s)', (form) => {
    expect(byForm.get(formKey(form))).toBeUndefined();
  });

  it('claims no form twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const e of pack.entries)
      for (const f of [e.name, ...e.aliases]) {
        const key = formKey(f);
        const other = seen.get(key);
        if (other !== undefined && other !== e.id) twice.push(`${f}: ${other} and ${e.id}`);
        seen.set(key, e.id);
      }
    expect(twice).toEqual([]);
  });

  it('keeps acronyms case-sensitive, so "us" is never the United States', () => {
    expect(entry('United States').match.caseSensitive).toEqual(expect.arrayContaining(['US', 'U.S.', 'USA']));
    expect(entry('United Kingdom').match.caseSensitive).toEqual(expect.arrayContaining(['UK']));
    expect(entry('United States').match.needsContext).toBeUndefined();
  });

  it.each([
    ['Jordan', 'Jordan', ['Amman', 'Jordanian', 'Jordanians']],
    ['Chad', 'Chad', ["N'Djamena", 'Chadian', 'Chadians']],
    ['Georgia', 'Georgia', ['Tbilisi']],
    ['Niger', 'Niger', ['Niamey', 'Nigerien']],
    ['Guinea', 'Guinea', ['Conakry', 'Guinean']],
    ['Sofia', 'Sofia', ['Bulgaria', 'Bulgarians']],
    ['Victoria', 'Victoria', ['Seychelles']],
    ['Kingston', 'Kingston', ['Jamaica', 'Jamaican']],
    ['Washington D.C.', 'Washington', ['United States', 'U.S.', 'Americans']],
    ['Malé', 'Male', ['Maldives']],
  ])('%s: "%s" needs context, cued by %j', (name, form, cues) => {
    const rule = entry(name).match.needsContext;
    expect(rule?.forms).toContain(form);
    expect(rule?.cues).toEqual(expect.arrayContaining(cues));
  });

  it.each(['Tajikistan', 'France', 'Russia', 'Dushanbe', 'Moscow', 'Laos', 'Philippines', 'Bulgaria', 'Amman'])(
    '%s needs no context',
    (name) => {
      expect(entry(name).match.needsContext).toBeUndefined();
    },
  );

  it('gives every rule a cue, and no cue is itself ambiguous or one of its forms', () => {
    const rules = pack.entries.flatMap((e) => (e.match.needsContext ? [[e.name, e.match.needsContext] as const] : []));
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const [name, rule] of rules) {
      expect(rule.cues.length, name).toBeGreaterThan(0);
      for (const cue of rule.cues) {
        expect(ambiguous(cue), `${name}: cue ${cue}`).toBe(false);
        expect(rule.forms, `${name}: cue ${cue}`).not.toContain(cue);
      }
    }
    for (const [name, rule] of rules)
      for (const form of rule.forms) expect(ambiguous(form), `${name}: ${form}`).toBe(true);
    // "Georgian" is also a resident of the US state.
    expect(entry('Georgia').match.needsContext!.cues).not.toContain('Georgian');
  });

  it('asks the caller which names are ambiguous', () => {
    const flagged = buildWorldPack(countries, { ...options, isAmbiguous: (n) => n === 'Dushanbe' });
    expect(flagged.entries.find((e) => e.name === 'Dushanbe')!.match.needsContext).toEqual({
      forms: ['Dushanbe'],
      cues: ['Tajikistan', 'Republic of Tajikistan', 'Tadzhik', 'Tadzhiks'],
    });
  });

  it('links each capital and its country both ways', () => {
    expect(entry('Dushanbe').general!.text).toBe('Capital of Tajikistan.');
    expect(entry('Dushanbe').related).toEqual([entry('Tajikistan').id]);
    expect(entry('Tajikistan').general!.text).toBe(
      'Country in Central Asia; capital Dushanbe; languages: Russian, Tajik.',
    );
    expect(entry('Tajikistan').related).toEqual([entry('Dushanbe').id]);
    expect(entry('London').general!.text).toBe('Capital of the United Kingdom.');
    expect(entry('South Africa').related).toEqual(['bloemfontein', 'cape-town', 'pretoria']);
    expect(entry('Pretoria').general!.text).toBe(
      'One of the three capitals of South Africa (with Bloemfontein and Cape Town).',
    );
    for (const e of pack.entries) for (const r of e.related) expect(byId.get(r)!.related, e.name).toContain(e.id);
  });

  it.each(['Singapore', 'Monaco', 'Luxembourg', 'Djibouti', 'Vatican City'])(
    '%s: the capital of the same name is no second entry',
    (name) => {
      expect(pack.entries.filter((e) => e.name === name)).toHaveLength(1);
      expect(entry(name).related).toEqual([]);
      expect(entry(name).general!.text).toContain('its capital has the same name');
    },
  );

  it('drops an alias two countries claim from both, and fails on two entries of one name', () => {
    const country = (cca3: string, common: string, alts: string[], capital: string): WorldCountry => ({
      name: { common, official: `Republic of ${common}` },
      cca2: cca3.slice(0, 2),
      cca3,
      independent: true,
      altSpellings: alts,
      capital: [capital],
      region: 'Europe',
      subregion: 'Nowhere',
      languages: { eng: 'English' },
      demonyms: { eng: { m: `${common}ian`, f: `${common}ian` } },
    });
    const two = buildWorldPack(
      [country('AAA', 'Aland', ['Twinland'], 'Acity'), country('BBB', 'Bland', ['Twinland'], 'Bcity')],
      {
        ...options,
        isAmbiguous: () => false,
      },
    );
    expect(two.entries.flatMap((e) => e.aliases)).not.toContain('Twinland');
    expect(() =>
      buildWorldPack([country('AAA', 'Aland', [], 'Samecity'), country('BBB', 'Bland', [], 'Samecity')], {
        ...options,
        isAmbiguous: () => false,
      }),
    ).toThrow(/Samecity/u);
  });

  it('is deterministic: sorted by id, the same bytes from the same data', () => {
    const ids = pack.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    const shuffled = [...countries].reverse();
    expect(JSON.stringify(buildWorldPack(shuffled, options))).toBe(JSON.stringify(pack));
  });
});
