import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchoring/describe';
import { textFragmentLink } from '@/lib/anchoring/text-fragment';
import { blockOf, sentenceAt } from '@/lib/dom/sentence';

function setup(html: string) {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  return document;
}

describe('the sentence around a mention', () => {
  it.each<[string, string, string, string]>([
    [
      'middle sentence',
      '<p>One thing. Rahmon spoke with Putin. Then silence.</p>',
      'Putin',
      'Rahmon spoke with Putin.',
    ],
    [
      'across inline elements',
      '<p>First. <em>Emomali</em> Rahmon met <a>Putin</a> today. Last.</p>',
      'Putin',
      'Emomali Rahmon met Putin today.',
    ],
    ['first sentence', '<p>Moscow is big. Yes.</p>', 'Moscow', 'Moscow is big.'],
    ['no full stop', '<p>Dyukov sarcastically said</p>', 'Dyukov', 'Dyukov sarcastically said'],
    [
      'abbreviation inside',
      '<p>No. The U.S. Department of State argues. Done.</p>',
      'State',
      'The U.S. Department of State argues.',
    ],
  ])('%s', (_label, html, word, expected) => {
    const doc = setup(html);
    const p = doc.querySelector('p')!;
    const walker = doc.createTreeWalker(p, 4);
    let node: Text | undefined;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(word)) node = n as Text;
    const block = blockOf(p, node!)!;
    const seg = block.segments.find((s) => s.node === node)!;
    const sentence = sentenceAt(block, seg.start + node!.data.indexOf(word), 'en')!;
    expect(sentence.text).toBe(expected);
    const range = doc.createRange();
    range.setStart(sentence.startContainer, sentence.startOffset);
    range.setEnd(sentence.endContainer, sentence.endOffset);
    expect(range.toString()).toBe(expected);
  });
});

describe('selectors', () => {
  it('describes a range with a quote (32 characters of context) and a position', () => {
    const doc = setup(
      '<p>Before the quote there is some context text. <b>The quoted</b> words. After it more text follows here.</p>',
    );
    const p = doc.querySelector('p')!;
    const range = doc.createRange();
    range.setStart(p.querySelector('b')!.firstChild!, 0);
    range.setEnd(p.lastChild!, 7);
    const s = describeRange(doc.body, range)!;
    expect(s.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'The quoted words.',
      prefix: 'ote there is some context text. ',
      suffix: ' After it more text follows here',
    });
    expect(doc.body.textContent!.slice(s.position.start, s.position.end)).toBe('The quoted words.');
  });
});

describe('text fragment links', () => {
  it.each([
    [
      {
        exact: 'Rahmon spoke with Putin.',
        prefix: 'people, Tajikistan President Emomali ',
        suffix: ' Such a statement',
      },
      'https://x.test/a#top',
      'https://x.test/a#:~:text=President%20Emomali-,Rahmon%20spoke%20with%20Putin.,-Such%20a',
    ],
    [
      { exact: 'one two three four five six seven eight nine ten', prefix: '', suffix: '' },
      'https://x.test/a',
      'https://x.test/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    ],
    [
      { exact: 'ISIS-K, the group', prefix: '', suffix: '' },
      'https://x.test/a',
      'https://x.test/a#:~:text=ISIS%2DK%2C%20the%20group',
    ],
  ])('%#', (quote, url, expected) => {
    expect(textFragmentLink(url, quote)).toBe(expected);
  });
});
