import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanBlocks, cleanPlainText, splitBlocks } from '@/lib/glossary/clean';
import { cleanHtmlArticle } from '@/lib/glossary/clean-html';
import { splitSentences } from '@/lib/glossary/sentences';
import { tidyCandidate } from '@/lib/glossary/extract';

const seed = readFileSync(new URL('../../glossary/tajikistan-moscow-attack/article.txt', import.meta.url), 'utf8');

describe('cleaning', () => {
  it.each<[string, string, string[]]>([
    ['drop cap joined', 'T\n\najikistan is loyal.', ['Tajikistan is loyal.']],
    ['a lone capital before a capital stays', 'A\n\nBig day.', ['A', 'Big day.']],
    [
      'stacked short lines stay apart',
      'About\nNikola Mikovic\n:\nHe writes.',
      ['About', 'Nikola Mikovic', ':', 'He writes.'],
    ],
    [
      'hard-wrapped lines join',
      'This paragraph was wrapped by a mail client at a\nfixed width, as old texts often were in archives.',
      ['This paragraph was wrapped by a mail client at a fixed width, as old texts often were in archives.'],
    ],
    ['windows line endings', 'One.\r\n\r\nTwo.', ['One.', 'Two.']],
  ])('splits: %s', (_label, raw, expected) => {
    expect(splitBlocks(raw)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['date line', 'April 15, 2024', 'date line'],
    ['day-first date line', '15 April 2024', 'date line'],
    ['site address', 'www.diplomaticourier.com', 'site address'],
    [
      'photo caption',
      'Crocos City Hall, site of the attack. Image licensed under CC BY 4.0, image author Mosreg.ru.',
      'photo caption',
    ],
    ['masthead tagline', 'a global affairs media network', 'short line (masthead, label or name)'],
    ['disclaimer', 'The views presented in this article are the author’s own.', 'disclaimer'],
    ['punctuation', ':', 'punctuation only'],
  ])('drops a %s', (_label, block, reason) => {
    const cleaned = cleanBlocks([block, 'A real paragraph of the article, with a full stop.']);
    expect(cleaned.paragraphs).toEqual(['A real paragraph of the article, with a full stop.']);
    expect(cleaned.dropped).toEqual([{ text: block, reason }]);
  });

  it('keeps a short line the caller asks to keep', () => {
    const keepShort = (block: string) => block.startsWith('“');
    const cleaned = cleanBlocks(['“Thumper” ($20)', 'a global affairs media network'], { keepShort });
    expect(cleaned.paragraphs).toEqual(['“Thumper” ($20)']);
  });

  it('cleans the seed article: one copy of the body, in page order, metadata found', () => {
    const article = cleanPlainText(seed);
    expect(article.title).toBe('Tajikistan and the Moscow terror attack fallout');
    expect(article.published).toBe('2024-04-15');
    expect(article.captions).toHaveLength(1);
    expect(article.paragraphs[0]).toMatch(/^Tajikistan is among Russia’s most important allies/);
    expect(article.paragraphs[1]).toMatch(/^Tajikistan is Russia’s relatively loyal/);
    expect(article.paragraphs.at(-1)).toMatch(/^Nikola Mikovic is a correspondent for Diplomatic Courier/);
    expect(article.paragraphs).toHaveLength(17);
    expect(new Set(article.paragraphs).size).toBe(article.paragraphs.length);
    // The drop cap's "T" rejoined: no paragraph begins with the rest of the word alone.
    expect(article.paragraphs.join('\n')).not.toMatch(/^ajikistan is Russia’s relatively/mu);
    expect(article.paragraphs.some((p) => p.startsWith('ajikistan'))).toBe(false);
    expect(article.paragraphs.join(' ')).not.toContain('Crocos');
  });

  it('cleans the demo article from HTML the same way', () => {
    const html = readFileSync(new URL('../fixtures/pages/demo-article.html', import.meta.url), 'utf8');
    const fromHtml = cleanHtmlArticle(new JSDOM(html).window.document);
    const fromText = cleanPlainText(seed);
    expect(fromHtml.title).toBe(fromText.title);
    // The HTML page has the body once; every body paragraph of the text is there.
    for (const p of fromText.paragraphs.slice(1, -1)) expect(fromHtml.paragraphs).toContain(p);
  });
});

describe('sentences', () => {
  it.each<[string, string[]]>([
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    [
      'The U.S. Department of State, however, argues. Next one.',
      ['The U.S. Department of State, however, argues.', 'Next one.'],
    ],
    ['Mr. Putin spoke. Dr. Who listened.', ['Mr. Putin spoke.', 'Dr. Who listened.']],
    ['“Terrorists have no religion.” He said so.', ['“Terrorists have no religion.”', 'He said so.']],
    ['No full stop at the end', ['No full stop at the end']],
    // A page's source wraps lines anywhere; on screen they flow as one sentence.
    [
      'An exhibition on Michael\n          Jordan opened. Queues\r\nformed.',
      ['An exhibition on Michael\n          Jordan opened.', 'Queues\r\nformed.'],
    ],
  ])('%s', (paragraph, expected) => {
    expect(splitSentences(paragraph).map((s) => s.text)).toEqual(expected);
  });

  it('reports where each sentence starts', () => {
    const p = 'One. Two.';
    for (const s of splitSentences(p)) expect(p.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe('candidates', () => {
  it.each([
    ['Vladimir Putin,', 'Vladimir Putin'],
    ['Nikola Mikovic.', 'Nikola Mikovic'],
    ['Russia’s', 'Russia'],
    ["Moscow's", 'Moscow'],
    ['Lawmaker Mikhail Matveyev', 'Mikhail Matveyev'],
    ['President Emomali Rahmon', 'Emomali Rahmon'],
    ['U.S.', 'U.S.'],
    ['Tajikistan—', 'Tajikistan'],
    ['Russian society,”', 'Russian society'],
  ])('tidies %j to %j', (raw, expected) => {
    expect(tidyCandidate(raw)).toBe(expected);
  });
});
