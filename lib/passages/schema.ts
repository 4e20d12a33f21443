/**
 * A saved passage: what the reader kept, and enough to find it again on its page. Selectors
 * follow the W3C Web Annotation model (TextQuoteSelector, TextPositionSelector), as
 * Hypothesis does, so a passage survives small edits to its page.
 */
import * as v from 'valibot';
import { isWebUrl } from './url';

const Bounded = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const QuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  /** Up to 32 characters before the quote, to tell apart repeated quotes. */
  prefix: Bounded(32),
  suffix: Bounded(32),
});

export const PositionSelectorSchema = v.object({
  type: v.literal('TextPositionSelector'),
  /** Offsets into the text of the page's body (its text nodes, concatenated). */
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** What a content script sends to save a passage; the background adds the rest. */
export const PassageInputSchema = v.object({
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(20_000)),
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  /** A web page (http: or https:) and nothing else: see ./url. */
  url: v.pipe(
    v.string(),
    v.maxLength(4000),
    v.check(isWebUrl, 'Only web pages (http: or https: addresses) can hold passages.'),
  ),
  title: Bounded(1000),
  /** Glossary entry keys the passage mentions. */
  entries: v.pipe(v.array(Bounded(200)), v.maxLength(500)),
});
export type PassageInput = v.InferOutput<typeof PassageInputSchema>;

export const PassageSchema = v.object({
  ...PassageInputSchema.entries,
  id: Bounded(100),
  /** Hostname of the page, for filtering by site: always siteOf(url), never taken from a file. */
  site: Bounded(253),
  savedAt: v.pipe(v.number(), v.integer()),
  note: Bounded(20_000),
  tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))), v.maxLength(100)),
  /** A text-fragment link (#:~:text=) straight to the passage. */
  link: Bounded(10_000),
  /** Whether Glossa found the passage on its page the last time the page was opened. */
  found: v.optional(
    v.object({
      status: v.picklist(['found', 'missing']),
      at: v.pipe(v.number(), v.integer()),
      /** Edits between the saved quote and the page's text, when found approximately. */
      errors: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  ),
});
export type Passage = v.InferOutput<typeof PassageSchema>;

/** The words search looks in: the passage, its note, tags, title and site, folded. */
export function searchTextOf(p: Pick<Passage, 'text' | 'note' | 'tags' | 'title' | 'site'>): string {
  return [p.text, p.note, p.tags.join(' '), p.title, p.site]
    .join('\n')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Same page, same words, same context: the same passage, however often it is saved. */
export function dedupeKey(p: Pick<Passage, 'url' | 'quote'>): string {
  return `${p.url.split('#')[0]}\u0000${p.quote.prefix}\u0000${p.quote.exact}\u0000${p.quote.suffix}`;
}
