/**
 * The on-page builder: the text blocks of the article a reader is reading → a pack of its
 * own, with no curation. Runs in the background (never on the page's main thread).
 *
 *   clean (page boilerplate) → sentences → entities (lib/glossary/page-extract)
 *   → mentions, with the extension's own matcher → descriptions quoted from the article
 *   → related entries (mentioned together at least twice)
 *
 * Every fact in the pack is the article's: an entry's summary is a phrase the article itself
 * uses of it (an apposition, a title before the name), quoted with its sentence, or nothing.
 */
import { compileMatcher } from '../match/compile';
import { createScanner } from '../match/scan';
import { normalize, normalizeWithMap } from '../text/normalize';
import { slugify } from '../text/slug';
import { cleanPageBlocks } from './page-clean';
import { extractPageEntities, type PageEntity } from './page-extract';
import { type Entry, type Mention, PACK_FORMAT, type Pack, parsePack } from './schema';
import { splitSentences } from './sentences';

export interface PageArticle {
  /** The pack's id (the background derives it from the page's URL). */
  readonly id: string;
  readonly url: string;
  readonly site: string;
  readonly title: string;
  /** ISO date, when the page says when it was published. */
  readonly published?: string;
  /** The article's text blocks, in page order. */
  readonly blocks: readonly string[];
  /** The page's language, for sentence splitting. */
  readonly lang?: string;
}

/** The URL a page's glossary is built under: http(s) only, without its fragment. */
export function pageSourceUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

export interface PageBuildReport {
  readonly words: number;
  readonly sentences: number;
  readonly entities: number;
  readonly dropped: number;
}

/** A card shows this many words of description at most: a phrase, not a paragraph. */
const MAX_DESCRIPTION_WORDS = 14;
/** Mentions kept per entry (the pack format's limit). */
const MAX_MENTIONS = 500;
/** Entries mentioned together this often are related. */
const RELATED_MIN_SENTENCES = 2;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const SAYS = /\b(?:said|says|told|added|according)\b/u;

/** "Mikhail Matveyev, a lawmaker from the Communist Party," / "his Russian counterpart, Vladimir Putin,". */
function describe(entity: PageEntity, sentences: readonly string[]): { text: string; sentence: string } | undefined {
  const forms = [entity.name, ...entity.aliases.filter((a) => a.includes(' '))].map(escape);
  const F = `(?:${forms.join('|')})`;
  const after = new RegExp(
    `(?<![\\p{L}\\p{N}])${F}(?:[’']s)?,\\s+((?:a|an|the)\\s+[^,;:()“”"]{2,120}?)(?=,|;|\\.\\s|\\.$|$)`,
    'u',
  );
  const before = new RegExp(`(?:^|\\s)(?:his|her|its|their|the)\\s+([^,;:()“”"]{2,80}?),\\s+${F}(?=[,.;\\s])`, 'u');
  for (const sentence of sentences) {
    const m = after.exec(sentence);
    if (m && !SAYS.test(m[1]!) && m[1]!.split(/\s+/u).length <= MAX_DESCRIPTION_WORDS) return { text: m[1]!, sentence };
  }
  for (const sentence of sentences) {
    const m = before.exec(sentence);
    const words = m?.[1]!.split(/\s+/u) ?? [];
    if (m && words.length <= 6 && /^\p{Ll}/u.test(words.at(-1)!) && !SAYS.test(m[1]!)) return { text: m[1]!, sentence };
  }
  if (entity.title) {
    const sentence = sentences.find((s) => s.includes(`${entity.title} ${entity.name}`));
    if (sentence) return { text: entity.title, sentence };
  }
  return undefined;
}

export function buildPagePack(article: PageArticle): { pack?: Pack; report: PageBuildReport } {
  const clean = cleanPageBlocks(article.blocks);
  const sentences = clean.paragraphs.flatMap((p, paragraph) =>
    splitSentences(p, article.lang).map((s) => ({ ...s, paragraph })),
  );
  const entities = extractPageEntities(sentences);
  const report = {
    words: clean.paragraphs.reduce((n, p) => n + p.split(/\s+/u).length, 0),
    sentences: sentences.length,
    entities: 0,
    dropped: clean.dropped.length,
  };

  const ids = new Map<PageEntity, string>();
  const used = new Set<string>();
  for (const e of entities) {
    const base = slugify(e.name).slice(0, 60).replace(/-$/u, '') || 'entry';
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    ids.set(e, id);
  }

  // Mentions, with the matcher the extension runs on pages: the card agrees with the marks.
  const matcher = compileMatcher(
    entities.map((e) => ({ key: ids.get(e)!, entry: { name: e.name, aliases: [...e.aliases], kind: e.kind } })),
    'page-build',
  );
  const scanner = createScanner(matcher);
  const mentions = new Map<string, Mention[]>();
  const together: Set<string>[] = [];
  for (const s of sentences) {
    const inSentence = new Map<string, number>();
    for (const m of scanner.scan(normalizeWithMap(s.text).text)) {
      for (const i of matcher.terms[m.term]!.entries) {
        const id = matcher.entries[i]!.key;
        inSentence.set(id, (inSentence.get(id) ?? 0) + 1);
      }
    }
    for (const [id, count] of inSentence) {
      const list = mentions.get(id) ?? [];
      list.push({ paragraph: s.paragraph, sentence: s.text, count });
      mentions.set(id, list);
    }
    together.push(new Set(inSentence.keys()));
  }

  const entries: Entry[] = [];
  for (const e of entities) {
    const id = ids.get(e)!;
    const found = mentions.get(id);
    if (!found?.length) continue;
    const description = describe(
      e,
      found.map((m) => m.sentence),
    );
    const fullName = normalize(e.name);
    // Best first: the sentence that says what it is, then those naming it in full, then the rest.
    const score = (m: Mention) =>
      (m.sentence === description?.sentence ? 4 : 0) + (normalize(m.sentence).includes(fullName) ? 2 : 0);
    const ordered = found
      .map((m, i) => ({ m, i }))
      .sort((a, b) => score(b.m) - score(a.m) || a.i - b.i)
      .map(({ m }) => m)
      .slice(0, MAX_MENTIONS);
    const co = new Map<string, number>();
    for (const set of together) {
      if (!set.has(id)) continue;
      for (const other of set) if (other !== id) co.set(other, (co.get(other) ?? 0) + 1);
    }
    const related = [...co]
      .filter(([, n]) => n >= RELATED_MIN_SENTENCES)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([other]) => other);
    entries.push({
      id,
      name: e.name,
      aliases: [...e.aliases],
      kind: e.kind,
      ...(description ? { summary: description.text, summaryQuote: description.sentence } : {}),
      mentions: ordered,
      related,
      match: { caseSensitive: [] },
    });
  }
  // Related ids must name entries that were kept.
  const kept = new Set(entries.map((e) => e.id));
  for (const e of entries) e.related = e.related.filter((r) => kept.has(r));
  report.entities = entries.length;
  if (entries.length === 0) return { report };

  const title = (article.title || clean.title || article.site).slice(0, 300);
  const pack = parsePack(
    {
      format: PACK_FORMAT,
      id: article.id,
      title: title.slice(0, 200),
      version: '1.0.0',
      source: {
        title,
        site: article.site,
        url: article.url,
        ...(article.published ? { published: article.published } : {}),
      },
      entries,
    },
    'The glossary built from this page',
  );
  return { pack, report };
}
