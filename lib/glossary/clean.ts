/**
 * Cleans a scraped article into its paragraphs. Scraped pages carry the usual mess: the body
 * copied twice, a drop-cap letter split from its word ("T" / "ajikistan…"), masthead and
 * navigation lines, a photo caption, a date line, stray punctuation. Every block that is
 * dropped is reported with the reason, so nothing vanishes unexplained.
 */
import { normalize } from '../text/normalize';

export interface CleanArticle {
  /** Body paragraphs, in page order, each once. */
  readonly paragraphs: readonly string[];
  /** Best guess at the headline: the first title-like short line. */
  readonly title?: string;
  /** ISO date from a date line ("April 15, 2024" → "2024-04-15"). */
  readonly published?: string;
  readonly captions: readonly string[];
  readonly dropped: readonly { readonly text: string; readonly reason: string }[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DATE_LINE = /^(?:(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(\p{L}+)\s+(\d{4}))$/u;
const URL_LINE = /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/u;
const CAPTION =
  /\b(?:image|photo|picture)\s+(?:licensed|by|credit|courtesy|author)|\bimage author\b|^(?:photo|image|credit):/iu;
const DISCLAIMER = /\bviews (?:presented|expressed) in this article\b/iu;
const ENDS_SENTENCE = /[.!?…]["”’)\]]?$/u;

function isoDate(line: string): string | undefined {
  const m = line.match(DATE_LINE);
  if (!m) return undefined;
  const [monthName, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
  const month = MONTHS.findIndex(
    (name) => name.startsWith((monthName ?? '').toLowerCase()) && (monthName ?? '').length >= 3,
  );
  if (month < 0) return undefined;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isShortLine = (line: string) => !ENDS_SENTENCE.test(line) && line.split(/\s+/).length <= 14;

/**
 * Splits plain text into blocks. Blank lines separate blocks; within a block, a line joins
 * the one before only when that one did not end a sentence and this one starts in lower case
 * (hard-wrapped text), so stacked
 * lines such as "About" / "Nikola Mikovic" / ":" / a bio stay apart. A lone capital
 * followed by a block starting in lower case is a split drop cap, and is joined back.
 */
export function splitBlocks(raw: string): string[] {
  const blocks: string[] = [];
  for (const chunk of raw.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: string | undefined;
    for (const line of chunk.split('\n').map((l) => l.trim())) {
      if (!line) continue;
      if (current !== undefined && !ENDS_SENTENCE.test(current) && /^\p{Ll}/u.test(line)) {
        current += ` ${line}`;
      } else {
        if (current !== undefined) blocks.push(current);
        current = line;
      }
    }
    if (current !== undefined) blocks.push(current);
  }
  const joined: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (/^\p{Lu}$/u.test(block) && next && /^\p{Ll}/u.test(next)) {
      joined.push(block + next);
      i++;
    } else {
      joined.push(block);
    }
  }
  return joined;
}

/** Cleans a list of text blocks (from plain text, or the blocks of an HTML article). */
export function cleanBlocks(
  blocks: readonly string[],
  { keepShort }: { keepShort?: (block: string) => boolean } = {},
): CleanArticle {
  const dropped: { text: string; reason: string }[] = [];
  const captions: string[] = [];
  let published: string | undefined;
  let title: string | undefined;
  const body: string[] = [];

  for (const raw of blocks) {
    const block = raw.replace(/\s*\n\s*/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(block)) {
      dropped.push({ text: block, reason: 'punctuation only' });
      continue;
    }
    const date = isoDate(block);
    if (date) {
      published ??= date;
      dropped.push({ text: block, reason: 'date line' });
      continue;
    }
    if (URL_LINE.test(block)) {
      dropped.push({ text: block, reason: 'site address' });
      continue;
    }
    if (CAPTION.test(block)) {
      captions.push(block);
      dropped.push({ text: block, reason: 'photo caption' });
      continue;
    }
    if (DISCLAIMER.test(block)) {
      dropped.push({ text: block, reason: 'disclaimer' });
      continue;
    }
    if (isShortLine(block) && !keepShort?.(block)) {
      // Short lines without a full stop: headline, masthead tagline, section labels, names.
      if (!title && /^\p{Lu}/u.test(block) && block.split(/\s+/).length >= 4) title = block;
      dropped.push({ text: block, reason: title === block ? 'headline' : 'short line (masthead, label or name)' });
      continue;
    }
    body.push(block);
  }

  // The scrape repeats the body. Keep the last copy of each paragraph: the page's real order
  // is the one after the masthead and headline (standfirst, then body, then about the author).
  const lastIndex = new Map<string, number>();
  body.forEach((p, i) => lastIndex.set(normalize(p), i));
  const paragraphs = body.filter((p, i) => {
    const keep = lastIndex.get(normalize(p)) === i;
    if (!keep) dropped.push({ text: p, reason: 'duplicate of a later paragraph' });
    return keep;
  });
  return { paragraphs, title, published, captions, dropped };
}

export function cleanPlainText(raw: string): CleanArticle {
  return cleanBlocks(splitBlocks(raw));
}
