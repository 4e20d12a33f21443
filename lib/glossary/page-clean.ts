/**
 * Cleans the text blocks of a page's article before the on-page builder reads them: what a
 * news page carries around its story and a reader would never want marked. Each dropped
 * block is reported with its reason, like the bundled builder's cleaning.
 *
 *   - invisible characters (soft hyphens, zero-width spaces) that split names;
 *   - bylines ("By Jane Smith"), photo credits ("(Thomas Coex/AFP/Getty Images)"),
 *     "Credit …"/"Image …" lines, a credit run into its caption ("….CreditFred R. Conrad/…",
 *     "… crisis Credit: DESMOND KWANDE/ AFP"), a credit in brackets ending it ("(Video by X)");
 *   - an author box at the story's end ("Jane Smith is a Metro reporter covering …");
 *   - reference lists (citations with "Retrieved …", ISBN, "Surname, Name (2011)");
 *   - boilerplate: newsletter sign-ups, "Related", "Read more", "Advertisement", copyright
 *     (a "©" credit opening or closing a paragraph of the story is cut, the story kept);
 *   - an author's contact line at the end ("Jane Smith is on Twitter at …");
 *   - a dateline's city when it only heads the story ("MOSCOW (AP) — …").
 */
import { type CleanArticle, cleanBlocks } from './clean';
import { quotedTitleSpans } from './page-extract';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

const BOILERPLATE: readonly [RegExp, string][] = [
  [/^(?:by|words by|reporting by|written by)\s+\p{Lu}/iu, 'byline'],
  [/^(?:image|photo|picture|video|credit|source)s?(?:\s+(?:credit|caption|copyright))?\s*[:|]?\s/iu, 'photo credit'],
  [/\((?:[^()]*\/)?(?:getty images|afp|ap|reuters|epa|shutterstock|associated press)[^()]*\)\s*$/iu, 'photo caption'],
  [/\b(?:sign up|subscribe)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b/iu, 'newsletter'],
  // A short box that only points to a newsletter ("Keep up with the CityLab Daily newsletter."):
  // no story's paragraph is a dozen words about a newsletter.
  [/^(?=(?:\S+\s+){0,11}\S+$).*\bnewsletters?\b/iu, 'newsletter'],
  [/^(?:related|read more|more from|recommended|most read|advertisement|share this|follow us)\b/iu, 'boilerplate'],
  // ("a copyright lawsuit" in a story is no copyright line.)
  [/©|^copyright\b|\bcopyright\s+(?:\(c\)\s*)?\d{4}\b|\ball rights reserved\b/iu, 'copyright'],
  [/\bappears? in print\b|\border reprints\b/iu, 'print edition'],
  // A reference list ("^ Fischer, Russ (2011-02-02). \"Title\"", "Retrieved 3 May 2020", "ISBN …").
  [
    /^\^\s|\bRetrieved\s+(?:\d|\p{Lu})|\bISBN\b|\bdoi:|^\p{Lu}[\p{L}'-]+,\s+\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?\s+\(\d{4}/u,
    'citation',
  ],
];

/**
 * A caption's credit run into it: "…budget in 2023.CreditJeon Heon-Kyun/EPA, via Shutterstock",
 * "…in Brooklyn.CreditFred R. Conrad/The New York Times" (an initial's full stop is no sentence's
 * end), "…in the current crisis Credit: DESMOND KWANDE/ AFP" (a labelled credit ends its caption).
 */
const RUN_IN_CREDIT =
  /(?:(?<=[.!?”"’)])\s*(?:Credit|Photo|Image)(?:Credit)?\s*:?|\s+(?:Credit|Photo|Image|Picture)s?\s*:)\s*\p{Lu}(?:[^.!?]|(?<=(?:^|[\s/])\p{Lu})\.)*$/u;

/**
 * A credit in brackets ending a caption: "(Video by David Botti)", "(Oleg Urusov/ Roscosmos
 * Space Agency Press Service photo via AP)".
 */
const BRACKETED_CREDIT =
  /\s*\((?:(?:photo|video|image|picture|graphic)s?\s+(?:by|courtesy of|credit:?)\s+[^()]+|[^()]*\/[^()]*\b(?:photo|via)\b[^()]*)\)\s*$/iu;
/** "(John Minchillo / AP)": a name, a slash and an agency in brackets, ending a caption. */
const NAME_SLASH_CREDIT =
  /\s*\(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*\/\s*\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3}\)\s*$/u;

/**
 * An author box: "Corey Kilgannon is a Metro reporter covering news…", "Sarah Archer is the
 * author of The Midcentury Kitchen." Only among the last
 * blocks of a page, where sites put it; a story's own "X is a reporter for…" stays.
 */
const AUTHOR_BOX =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:reporter|correspondent|writer|editor|columnist|journalist|photographer|critic|contributor|producer|author)s?\b/u;
const AUTHOR_BOX_BLOCKS = 3;
/** An author's contact line: "Ben Silverman is on Twitter at …", "Follow Jane Smith on Twitter". */
const AUTHOR_CONTACT =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky|Mastodon|LinkedIn)\b|can be (?:reached|contacted|emailed|followed)\b|tweets (?:at|as)\b)|^Follow\s+(?:\p{Lu}[\p{L}'’.-]+\s+){1,4}on\s+(?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b/u;

/**
 * A "©" credit around a paragraph of the story, where a page runs a photo's credit and caption
 * into the text: "© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked
 * the world…" (the credit ends at its "Source/Agency"), "…said on Monday. © 2016 Reuters". Cut
 * when what is left is prose (`MIN_PROSE_WORDS`, a sentence's end); the block is dropped otherwise.
 */
const LEADING_COPYRIGHT = /^©[^.!?©]*?\S\/\S+\s+(?=\p{Lu})/u;
const TRAILING_COPYRIGHT = /(?<=[.!?”"])\s*©[^©]*$/u;
/** A paragraph of prose has a dozen words at least; a caption left after a credit has fewer. */
const MIN_PROSE_WORDS = 12;
const isProse = (text: string) => /[.!?]["”’)]?$/u.test(text) && text.split(/\s+/u).length >= MIN_PROSE_WORDS;

/**
 * A list's heading that is a quoted title alone, a price or a note after it: “Thumper” ($20),
 * “Until Dawn: Rush of Blood”. Kept though short: the title is what the section is about.
 */
const QUOTED_HEADING = /^[“"‘][^“”"‘’]{1,120}[”"’](?:\s*\([^()]{1,40}\))?$/u;
const isQuotedHeading = (block: string) => {
  const text = block.replace(/\s+/gu, ' ').trim();
  return QUOTED_HEADING.test(text) && quotedTitleSpans(text)[0]?.[0] === 1;
};

/** "MOSCOW (AP) — ", "WASHINGTON — ", "KYIV, Ukraine (Reuters) - " at the head of a paragraph. */
const DATELINE =
  /^\p{Lu}[\p{Lu} .'-]{2,}(?:,\s*[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)*)?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s+/u;

export interface PageClean extends CleanArticle {
  /** Datelines taken off the head of a paragraph ("MOSCOW"). */
  readonly datelines: readonly string[];
}

export function cleanPageBlocks(blocks: readonly string[]): PageClean {
  const dropped: { text: string; reason: string }[] = [];
  const kept: string[] = [];
  const datelines: string[] = [];
  for (const [i, raw] of blocks.entries()) {
    let text = raw.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
    const uncredited = text.replace(LEADING_COPYRIGHT, '').replace(TRAILING_COPYRIGHT, '');
    if (uncredited !== text && isProse(uncredited)) text = uncredited;
    const reason =
      BOILERPLATE.find(([re]) => re.test(text))?.[1] ??
      (i >= blocks.length - AUTHOR_BOX_BLOCKS && (AUTHOR_BOX.test(text) || AUTHOR_CONTACT.test(text))
        ? 'author box'
        : undefined);
    if (reason) {
      dropped.push({ text, reason });
      continue;
    }
    text = text.replace(RUN_IN_CREDIT, '').replace(BRACKETED_CREDIT, '').replace(NAME_SLASH_CREDIT, '');
    const dateline = DATELINE.exec(text);
    if (dateline) {
      datelines.push(dateline[0].replace(/[\s(—–-].*$/su, '').trim());
      text = text.slice(dateline[0].length);
    }
    kept.push(text);
  }
  const cleaned = cleanBlocks(kept, { keepShort: isQuotedHeading });
  return { ...cleaned, dropped: [...dropped, ...cleaned.dropped], datelines };
}
