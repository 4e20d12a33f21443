/** Builds what the background needs to save a passage from a DOM range of the page. */
import { describeRange } from '@/lib/anchoring/describe';
import { passageUrlFor } from '@/lib/passages/page-match';
import type { PassageInput } from '@/lib/passages/schema';
import type { Painter } from './painter';

/** The URL this page's passages are kept under (see passageUrlFor: never a declared canonical). */
export function pageUrl(): string {
  return passageUrlFor(location.href);
}

/**
 * The passage for `range`: its plain text (never HTML), W3C selectors over the body's text,
 * the page's URL and title, and the glossary entries painted inside it. Undefined when the
 * range holds no text.
 */
export function passageFromRange(range: AbstractRange, painter: Painter | undefined): PassageInput | undefined {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const text = live.toString().replace(/\s+/g, ' ').trim();
  const selectors = describeRange(document.body, range);
  if (!text || !selectors || !selectors.quote.exact.trim()) return undefined;
  const entries = new Set<string>();
  for (const t of painter?.all() ?? []) {
    if (live.isPointInRange(t.range.startContainer, t.range.startOffset)) for (const k of t.keys) entries.add(k);
  }
  return {
    text: text.slice(0, 20_000),
    quote: selectors.quote,
    position: selectors.position,
    url: pageUrl(),
    title: document.title.slice(0, 1000),
    entries: [...entries].slice(0, 500),
  };
}
