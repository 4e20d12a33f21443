/**
 * The reading list leaves Glossa in three formats: Markdown to read, JSON to keep (lossless,
 * versioned, the format import takes back) and CSV for spreadsheets (formula-safe).
 */
import * as v from 'valibot';
import { textFragmentLink } from '../anchoring/text-fragment';
import { dedupeKey, type Passage, PassageSchema } from './schema';
import { isWebUrl, siteOf, webPageUrl, webUrlProblem } from './url';
import { type UserMessage, userMessage, UserError } from '../user-message';

export const EXPORT_FORMAT = 'glossa-reading-list';
export const EXPORT_VERSION = 1;

export interface ReadingListExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  passages: Passage[];
}

export function toJson(passages: readonly Passage[], now = new Date()): string {
  const data: ReadingListExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    passages: [...passages],
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A date for exports; '' for a time no Date can hold (a file may say anything). */
function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** CommonMark line endings: LF, CR LF and a lone CR. */
const LINE_ENDING = /\r\n|\r|\n/;

/**
 * Text as CommonMark text and nothing else: every ASCII punctuation character (the ones
 * CommonMark lets a backslash escape) gets a backslash. So no HTML (`<img …>`), no link or
 * image (`[`, `]`, `(`, `)`), no emphasis or code, no entity (`&lt;`), and no block marker at
 * the start of a line (`#`, `>`, `-`, `+`, `*`, `=`, `1.`, fences, tables). Letters, digits and
 * spaces cannot make markup on their own. Line breaks are kept; callers decide what they mean.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Text for a one-line place (a heading, a tag): whitespace runs, newlines included, become one space. */
function inlineText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/**
 * A link destination: only for web URLs (see ./url), in angle brackets so that `(`, `)` and
 * spaces cannot end it, with `<`, `>`, whitespace and `\` percent-encoded (inside `<…>` a
 * backslash escapes the next character) and the `&` of an entity-like `&name;` escaped.
 */
export function markdownDestination(url: string): string {
  const encoded = url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c)).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  return `<${encoded}>`;
}

function quoteBlock(text: string): string {
  return text
    .split(LINE_ENDING)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

function paragraph(text: string): string {
  return text.split(LINE_ENDING).map(escapeMarkdown).join('\n');
}

/**
 * Markdown: one section per passage, with its quote, note, tags and a link back to it. Every
 * bit of text is escaped (escapeMarkdown), and the link is a link only when it goes to a web
 * page; anything else is written out as text.
 */
export function toMarkdown(passages: readonly Passage[]): string {
  const parts = passages.map((p) => {
    const lines = [`## ${inlineText(p.title) || inlineText(p.site)}`, '', quoteBlock(p.text), ''];
    if (p.note.trim()) lines.push(paragraph(p.note), '');
    if (p.tags.length) lines.push(`Tags: ${p.tags.map((t) => `#${inlineText(t).replace(/ /g, '-')}`).join(' ')}`, '');
    const open = isWebUrl(p.link)
      ? `[Open the passage](${markdownDestination(p.link)})`
      : `Not a web link: ${inlineText(p.link)}`;
    lines.push(`${open} · saved ${isoDate(p.savedAt).slice(0, 10)} · ${inlineText(p.site)}`, '');
    return lines.join('\n');
  });
  return `# Glossa reading list\n\n${parts.join('\n')}`;
}

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @ and
 * their full-width forms (Excel folds ＝＋－＠ to ASCII), also after leading whitespace, which
 * spreadsheets skip; or a tab, carriage return or line feed first.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * A cell a spreadsheet will not run: a formula-like value gets a leading apostrophe, and every
 * cell is double-quoted with its quotes doubled (RFC 4180). Because every cell is quoted, no
 * separator inside one can split it: not the `,` we write, nor the `;` that spreadsheets in
 * comma-decimal locales (de, fr, …) split on, nor a tab or a newline.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(passages: readonly Passage[]): string {
  const header = ['saved', 'site', 'title', 'text', 'note', 'tags', 'url', 'link'];
  const rows = passages.map((p) => [
    isoDate(p.savedAt),
    p.site,
    p.title,
    p.text,
    p.note,
    p.tags.join('; '),
    p.url,
    p.link,
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** What is wrong with an export file, said to the reader (see lib/user-message.ts). */
export class ImportError extends UserError {
  override name = 'ImportError';
}

/**
 * A passage as an export file holds it. Its URL is only a string here: a passage whose URL is
 * not a web page is skipped on its own by vetImport, not the whole file refused. Its site and
 * link are ignored (vetImport derives them from the URL), so they may be missing.
 */
const ImportedPassageSchema = v.object({
  ...PassageSchema.entries,
  url: v.pipe(v.string(), v.maxLength(4000)),
  site: v.optional(v.string()),
  link: v.optional(v.string()),
});
export type ImportedPassage = v.InferOutput<typeof ImportedPassageSchema>;

const ExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  exportedAt: v.optional(v.string()),
  passages: v.pipe(v.array(ImportedPassageSchema), v.maxLength(1_000_000)),
});

/**
 * Parses an export file, or throws an ImportError that says what is wrong with it. The
 * passages are as the file has them, URLs not yet checked: pass them to importPassages (or
 * vetImport), never store or open them as they are.
 */
export function parseExport(text: string): ImportedPassage[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('errorImportNotJson');
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) {
    throw new ImportError('errorImportNotExport');
  }
  if (head.version !== EXPORT_VERSION) {
    throw new ImportError('errorImportVersion', String(head.version), EXPORT_VERSION);
  }
  const parsed = v.safeParse(ExportSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    // Where and what are valibot's own words (a path and an English message): technical detail.
    const where = v.getDotPath(issue);
    throw where
      ? new ImportError('errorImportDamaged', where, issue.message)
      : new ImportError('errorImportDamagedTop', issue.message);
  }
  return parsed.output.passages;
}

/** A passage import left out, and why (the reading list can show these). */
export interface ImportProblem {
  /** Its position in the file's `passages`, from 0. */
  index: number;
  /** Its id in the file (text from the file: display it as text). */
  id: string;
  /** Why, for the reader: e.g. "not a web address (javascript:); only http: and https: pages are kept". */
  reason: UserMessage;
}

/** At most this many problems are listed; `rejected` counts them all. */
export const MAX_IMPORT_PROBLEMS = 20;

export interface VettedImport {
  /** The passages to import, each with a web URL (no fragment) and its site and link derived from it. */
  passages: Passage[];
  /** How many passages were left out. */
  rejected: number;
  /** The first MAX_IMPORT_PROBLEMS of them, with reasons. */
  problems: ImportProblem[];
}

/**
 * What of an import may be stored: passages whose URL is a web page (see ./url), each with its
 * URL normalized (fragment dropped), its site computed from the URL and its text-fragment link
 * rebuilt from the URL and quote, whatever the file said. Anything else is left out, counted
 * and explained.
 */
export function vetImport(incoming: readonly ImportedPassage[]): VettedImport {
  const passages: Passage[] = [];
  const problems: ImportProblem[] = [];
  let rejected = 0;
  incoming.forEach((p, index) => {
    const url = webPageUrl(p.url);
    if (url === undefined) {
      rejected += 1;
      if (problems.length < MAX_IMPORT_PROBLEMS) {
        problems.push({ index, id: p.id, reason: webUrlProblem(p.url) ?? userMessage('urlMalformed') });
      }
      return;
    }
    passages.push({ ...p, url, site: siteOf(url), link: textFragmentLink(url, p.quote) });
  });
  return { passages, rejected, problems };
}

/** Which of `incoming` are new: not already present by id or by page, words and context. */
export function newPassages(existing: readonly Passage[], incoming: readonly Passage[]): Passage[] {
  const ids = new Set(existing.map((p) => p.id));
  const keys = new Set(existing.map(dedupeKey));
  const out: Passage[] = [];
  for (const p of incoming) {
    const key = dedupeKey(p);
    if (ids.has(p.id) || keys.has(key)) continue;
    ids.add(p.id);
    keys.add(key);
    out.push(p);
  }
  return out;
}
