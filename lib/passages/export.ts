/**
 * The reading list leaves Glossa in three formats: Markdown to read, JSON to keep (lossless,
 * versioned, the format import takes back) and CSV for spreadsheets (formula-safe).
 */
import * as v from 'valibot';
import { dedupeKey, type Passage, PassageSchema } from './schema';

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

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Markdown: one section per passage, with its quote, note, tags and a link back to it. */
export function toMarkdown(passages: readonly Passage[]): string {
  const parts = passages.map((p) => {
    const lines = [`## ${p.title || p.site}`, '', quoteBlock(p.text), ''];
    if (p.note) lines.push(p.note, '');
    if (p.tags.length) lines.push(`Tags: ${p.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ')}`, '');
    lines.push(
      `[Open the passage](${p.link}) · saved ${new Date(p.savedAt).toISOString().slice(0, 10)} · ${p.site}`,
      '',
    );
    return lines.join('\n');
  });
  return `# Glossa reading list\n\n${parts.join('\n')}`;
}

/**
 * A cell a spreadsheet will not run: text starting with =, +, -, @, tab or carriage return is
 * a formula to Excel, LibreOffice and Google Sheets, so it gets a leading apostrophe (OWASP).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(passages: readonly Passage[]): string {
  const header = ['saved', 'site', 'title', 'text', 'note', 'tags', 'url', 'link'];
  const rows = passages.map((p) => [
    new Date(p.savedAt).toISOString(),
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

export class ImportError extends Error {
  override name = 'ImportError';
}

const ExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  exportedAt: v.optional(v.string()),
  passages: v.pipe(v.array(PassageSchema), v.maxLength(1_000_000)),
});

/** Parses an export file, or throws an ImportError that says what is wrong with it. */
export function parseExport(text: string): Passage[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON. Choose a file exported from Glossa’s reading list as JSON.');
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) {
    throw new ImportError('This JSON file is not a Glossa reading list export.');
  }
  if (head.version !== EXPORT_VERSION) {
    throw new ImportError(
      `This export is version ${String(head.version)}; this Glossa reads version ${EXPORT_VERSION}. Update Glossa, or export again.`,
    );
  }
  const parsed = v.safeParse(ExportSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    throw new ImportError(
      `This export is damaged at ${v.getDotPath(issue) ?? 'its top level'}: ${issue.message}. Nothing was imported.`,
    );
  }
  return parsed.output.passages;
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
