/**
 * Builds the bundled "World" pack from the world-countries dataset (an exact devDependency,
 * so a rebuild is reproducible). Shared by `npm run glossary` and the staleness test.
 */
import { createRequire } from 'node:module';
import { isCommonWord, isFirstName, isLastName, tagsOf } from '../lib/glossary/lexicon';
import type { Pack } from '../lib/glossary/schema';
import { buildWorldPack, type WorldCountry } from '../lib/glossary/world';

const require = createRequire(import.meta.url);

/** The dataset as the package ships it, and its version. */
export function worldDataset(): { countries: readonly WorldCountry[]; version: string } {
  const countries = require('world-countries/countries.json') as WorldCountry[];
  const { version } = require('world-countries/package.json') as { version: string };
  return { countries, version };
}

/**
 * A name that is also a person's first or last name ("Chad", "Sofia") or an ordinary English
 * word ("Male"), by compromise's lexicon. The lexicon tags a few country names as demonyms
 * ("Laos", "Philippines"), which isCommonWord counts as ordinary words: a demonym is not one,
 * so such names are not ambiguous here.
 */
export function isAmbiguousName(name: string): boolean {
  if (isFirstName(name) || isLastName(name)) return true;
  return isCommonWord(name) && !tagsOf(name).includes('Demonym');
}

export function worldPack(): Pack {
  const { countries, version } = worldDataset();
  return buildWorldPack(countries, { datasetVersion: version, isAmbiguous: isAmbiguousName });
}
