import { describe, expect, it } from 'vitest';
import { pageUrlsFor, passageUrlFor } from '@/lib/passages/page-match';

describe('the URL a page keeps its passages under', () => {
  it.each<[string, string]>([
    ['https://news.example/a?utm=x#p2', 'https://news.example/a?utm=x'],
    ['https://news.example/amp/a', 'https://news.example/amp/a'],
    ['http://127.0.0.1:8080/a#', 'http://127.0.0.1:8080/a'],
  ])('%s → %s', (page, expected) => {
    expect(passageUrlFor(page)).toBe(expected);
  });

  it.each<[string | undefined, string[]]>([
    ['https://news.example/amp/a#x', ['https://news.example/amp/a']],
    [undefined, []],
  ])('a page at %s may ask about %j, whatever canonical URL it declares', (sender, expected) => {
    expect(pageUrlsFor(sender)).toEqual(expected);
  });
});
