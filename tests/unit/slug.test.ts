/** Entry ids from names. */
import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/text/slug';

describe('slugify', () => {
  it.each([
    ['Emomali Rahmon', 'emomali-rahmon'],
    ['U.S. Department of State', 'u-s-department-of-state'],
    ['ISIS–K', 'isis-k'],
    ['201st military base', '201st-military-base'],
    ['Crocus City Hall', 'crocus-city-hall'],
    ['Côte d’Ivoire', 'cote-d-ivoire'],
    ['  — ', ''],
  ])('slugify(%j) is %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
