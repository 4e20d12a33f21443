/**
 * Detection on real pages saved from news and reference sites (tests/fixtures/real-pages): the exact
 * matches in each page's main content, including the traps its README lists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import pack from '@/glossary/generated/tajikistan-moscow-attack.pack.json';
import { parsePack } from '@/lib/glossary/schema';
import { compileMatcher } from '@/lib/match/compile';
import { createScanner } from '@/lib/match/scan';
import { matchesIn } from '../support/dom-matches';
import { REAL_PAGES } from '../support/static-server';

const entries = parsePack(pack).entries;
const matcher = compileMatcher(
  entries.map((entry) => ({ key: entry.id, entry })),
  'test',
);
const scanner = createScanner(matcher);

function matchesOn(page: string): string[] {
  const html = readFileSync(path.join(REAL_PAGES, page, 'source.html'), 'utf8');
  // The pages' own CSS is irrelevant here; jsdom's complaints about it are noise.
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  return matchesIn(document, scanner, (text, _f, marked) => {
    const ids = marked.map((i) => matcher.entries[i]!.key);
    return `${text} → ${ids.join('+')}`;
  });
}

describe('real pages', () => {
  it.each<[string, string, string[]]>([
    ['bbc-1', '"Islamic State" (the parent group) is not ISIS-K', []],
    ['wapo-2', 'a soft hyphen inside "Vladi\u00admir" still matches', ['Vladi\u00admir Putin → vladimir-putin']],
    ['wikipedia-4', '"crisis" and friends never match ISIS-K', ['Moscow → moscow']],
    ['nytimes-4', '"crisis" traps on a large DOM', []],
    ['gitlab-blog', '"inputing", "computing" never match Putin', []],
    [
      'yahoo-2',
      'a big page: only the article, with an ALL-CAPS dateline',
      [
        'Kazakhstan → kazakhstan',
        'Kazakhstan → kazakhstan',
        'MOSCOW → moscow',
        'Moscow → moscow',
        'Russia → russia',
        'Kazakhstan → kazakhstan',
        'Russia → russia',
        'Moscow → moscow',
      ],
    ],
  ])('%s: %s', (page, _why, expected) => {
    expect(matchesOn(page)).toEqual(expected);
  });
});
