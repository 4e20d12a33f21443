import { describe, expect, it } from 'vitest';
import { pageUrlsFor, passageUrlFor } from '@/lib/passages/page-match';

describe('the URL a page keeps its passages under', () => {
  it.each<[string, string | undefined, string]>([
    ['https://news.example/a?utm=x#p2', undefined, 'https://news.example/a?utm=x'],
    ['https://news.example/amp/a', 'https://news.example/a', 'https://news.example/a'],
    ['https://news.example/a', 'https://news.example/a#top', 'https://news.example/a'],
    ['https://news.example/a', 'https://evil.example/a', 'https://news.example/a'],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1/a', 'http://127.0.0.1:8080/a'],
    ['https://news.example/a', 'not a url', 'https://news.example/a'],
  ])('%s with canonical %s → %s', (page, canonical, expected) => {
    expect(passageUrlFor(page, canonical)).toBe(expected);
  });

  it.each<[string | undefined, string, string[]]>([
    [
      'https://news.example/amp/a#x',
      'https://news.example/a',
      ['https://news.example/amp/a', 'https://news.example/a'],
    ],
    ['https://news.example/a', 'https://evil.example/a', ['https://news.example/a']],
    [undefined, 'https://news.example/a', []],
  ])('a page at %s naming %s may ask about %j', (sender, canonical, expected) => {
    expect(pageUrlsFor(sender, canonical)).toEqual(expected);
  });
});
