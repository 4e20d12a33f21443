/**
 * Sets of tag names, for the DOM walks that ask "is this element a …?" of every element of a
 * page. HTML documents report tag names in capitals and XHTML documents as written (lower
 * case): a set holding both cases is asked with the name as reported, which costs no new
 * string per element (upper-casing each one did, on pages of 100,000 elements).
 */
export function tagSet(tags: readonly string[]): ReadonlySet<string> {
  return new Set(tags.flatMap((t) => [t.toUpperCase(), t.toLowerCase()]));
}
