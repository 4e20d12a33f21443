import { describe, expect, it } from 'vitest';
import { tagSet } from '@/lib/dom/tag-set';

describe('tagSet', () => {
  const set = tagSet(['A', 'span', 'Br']);
  it.each([
    ['A', true],
    ['a', true],
    ['SPAN', true],
    ['span', true],
    ['BR', true],
    ['br', true],
    ['P', false],
    ['Span', false],
  ])('%s → %s', (tag, has) => {
    expect(set.has(tag)).toBe(has);
  });
});
