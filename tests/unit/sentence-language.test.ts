/**
 * Sentences are split by the rules of the page's language: the language a page declares
 * reaches Intl.Segmenter, and an absent, malformed or unknown one falls back to English.
 * Greek shows the difference: its question mark is ";", which ends a sentence in Greek only.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitSentences } from '@/lib/glossary/sentences';
import { sentenceAround } from '@/entrypoints/content/sentence-around';

const GREEK = 'Τι κάνεις; Καλά.';

describe('splitSentences by language', () => {
  it.each<[string, string | undefined, string[]]>([
    ['Greek: ";" ends a question', 'el', ['Τι κάνεις;', 'Καλά.']],
    ['Greek with a region', 'el-GR', ['Τι κάνεις;', 'Καλά.']],
    ['English: ";" does not end a sentence', 'en', [GREEK]],
    ['no language: English rules', undefined, [GREEK]],
    ['a malformed tag: English rules', 'el_GR!', [GREEK]],
    ['a tag Intl.Segmenter does not know: English rules', 'xx', [GREEK]],
    ['an empty tag: English rules', '', [GREEK]],
  ])('%s (%j)', (_label, lang, expected) => {
    const sentences = splitSentences(GREEK, lang);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(GREEK.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('mends English abbreviations whatever the language', () => {
    expect(splitSentences('Ο Ραχμόν μίλησε. The U.S. Department of State argues.', 'el').map((s) => s.text)).toEqual([
      'Ο Ραχμόν μίλησε.',
      'The U.S. Department of State argues.',
    ]);
  });
});

describe('the sentence around a point, in the language the page declares there', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each<[string, string, string]>([
    ['a Greek paragraph in an English page', `<html lang="en"><body><p lang="el">${GREEK}</p>`, 'Καλά.'],
    ['a Greek page', `<html lang="el"><body><p>${GREEK}</p>`, 'Καλά.'],
    ['inside an inline element of a Greek page', `<html lang="el"><body><p>Τι κάνεις; <b>Καλά.</b></p>`, 'Καλά.'],
    ['an English quote in a Greek page', `<html lang="el"><body><p lang="en">${GREEK}</p>`, GREEK],
    ['a page that names no language', `<html><body><p>${GREEK}</p>`, GREEK],
    ['lang="" (unknown) in a Greek page', `<html lang="el"><body><p lang="">${GREEK}</p>`, GREEK],
  ])('%s', (_label, html, expected) => {
    const { window } = new JSDOM(`<!doctype html>${html}`);
    // The content script's globals, from this document's window.
    vi.stubGlobal('Node', window.Node);
    vi.stubGlobal('StaticRange', window.StaticRange);
    const walker = window.document.createTreeWalker(window.document.body, window.NodeFilter.SHOW_TEXT);
    let node: Text | undefined;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes('Καλά')) node = n as Text;
    const around = sentenceAround(node!, node!.data.indexOf('Καλά') + 1);
    expect(around?.text).toBe(expected);
  });
});
