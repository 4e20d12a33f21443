/**
 * The glossary builder: article + curation → a validated pack and a report of how each
 * entry was found. Pure: runs in Node (`npm run glossary`, tests) and in the extension.
 *
 *   clean → sentences → candidates (NER + capitalised phrases) → curated entries
 *   → automatic aliases → mentions (with the extension's own matcher) → related entries
 *
 * It fails loudly, naming every problem at once: a curated name or alias the article never
 * uses, an alias two entries claim, an entry with no summary or kind, a candidate nobody
 * reviewed, an exclusion that matches nothing.
 */
import * as v from 'valibot';
import { compileMatcher, isAcronym } from '../match/compile';
import { createScanner } from '../match/scan';
import { checkGrounding } from './grounding';
import { slugify } from '../text/slug';
import { formKey, normalize, normalizeWithMap } from '../text/normalize';
import type { CleanArticle } from './clean';
import { type Curation, CurationSchema } from './curation';
import { type Candidate, extractCandidates, type ExtractorName } from './extract';
import { type Entry, type EntryKind, type Mention, PACK_FORMAT, type Pack, parsePack } from './schema';
import { type Sentence, splitSentences } from './sentences';

/**
 * The language of the articles this builder reads, for sentence splitting: its candidates come
 * from compromise, an English tagger, so it builds from English articles (the bundled seed
 * article is one). Pages in any language are built by page-build.ts, in their own language.
 */
const ARTICLE_LANG = 'en';

export class BuildError extends Error {
  override name = 'BuildError';
  constructor(readonly problems: readonly string[]) {
    super(`The glossary could not be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface EntryReport {
  readonly id: string;
  readonly name: string;
  /** Which extractors proposed the entry's name or an alias; empty: curation alone. */
  readonly foundBy: readonly ExtractorName[];
  readonly kindFrom: 'curation' | 'extraction';
  readonly autoAliases: readonly string[];
  readonly mentions: number;
}

export interface BuildReport {
  readonly entries: readonly EntryReport[];
  readonly candidates: number;
  readonly excluded: number;
  readonly dropped: CleanArticle['dropped'];
}

interface ArticleSentence extends Sentence {
  readonly paragraph: number;
}

/** How often each form occurs in the sentences, with the extension's own matching rules. */
function countForms(forms: readonly string[], sentences: readonly ArticleSentence[]): Map<string, number> {
  const matcher = compileMatcher(
    forms.map((form, i) => ({ key: String(i), entry: { name: form, aliases: [], kind: 'concept' } })),
    'count',
  );
  const scanner = createScanner(matcher);
  const counts = new Map<string, number>(forms.map((f) => [f, 0]));
  for (const s of sentences) {
    for (const m of scanner.scan(normalizeWithMap(s.text).text)) {
      const form = forms[matcher.terms[m.term]!.entries[0]!]!;
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
  }
  return counts;
}

/** "Islamic State–Khorasan Province (also known as ISIS–K)": the article pairs the two itself. */
function acronymPairs(sentences: readonly ArticleSentence[]): [string, string][] {
  const pairs: [string, string][] = [];
  const re =
    /((?:\p{Lu}[\p{L}\p{M}]*[\s–—-]+){1,6}\p{Lu}[\p{L}\p{M}]*)\s*\((?:also known as |or |aka )?([\p{Lu}\d][\p{Lu}\d.–—-]*\p{Lu})\)/gu;
  for (const s of sentences) for (const m of s.text.matchAll(re)) pairs.push([m[1]!.trim(), m[2]!]);
  return pairs;
}

export function buildPack(article: CleanArticle, curationInput: unknown): { pack: Pack; report: BuildReport } {
  const parsed = v.safeParse(CurationSchema, curationInput);
  if (!parsed.success) {
    throw new BuildError(parsed.issues.map((i) => `curation ${v.getDotPath(i) ?? ''}: ${i.message}`));
  }
  const curation: Curation = parsed.output;
  const problems: string[] = [];

  const sentences: ArticleSentence[] = article.paragraphs.flatMap((p, paragraph) =>
    splitSentences(p, ARTICLE_LANG).map((s) => ({ ...s, paragraph })),
  );
  const candidates = extractCandidates(sentences);

  // Every curated form must occur in the article (reader aliases excepted).
  const curatedForms = curation.entries.flatMap((e) => [e.name, ...e.aliases]);
  const excludedForms = Object.keys(curation.exclude);
  const counts = countForms([...curatedForms, ...excludedForms], sentences);
  for (const e of curation.entries) {
    for (const form of [e.name, ...e.aliases]) {
      if (!counts.get(form)) problems.push(`"${form}" (entry "${e.name}") never occurs in the article`);
    }
    if (!e.summary) problems.push(`entry "${e.name}" has no summary`);
    else {
      const { problems: ungrounded } = checkGrounding(
        { forms: [e.name, ...e.aliases, ...e.readerAliases], summary: e.summary, cites: e.cites },
        sentences.map((s) => s.text),
      );
      for (const p of ungrounded) problems.push(`the summary of "${e.name}" ${p}`);
    }
    for (const form of e.needsContext?.forms ?? [])
      if (![e.name, ...e.aliases, ...e.readerAliases].includes(form))
        problems.push(`entry "${e.name}" needs context for "${form}", which is none of its forms`);
  }
  for (const form of excludedForms) {
    if (!counts.get(form)) problems.push(`the exclusion "${form}" never occurs in the article`);
  }

  // Automatic aliases: the article's own "Long Name (ACRONYM)", and a person's surname when
  // the article uses it alone ("Rahmon" for "Emomali Rahmon").
  const entryOfForm = new Map<string, string>();
  for (const e of curation.entries)
    for (const f of [e.name, ...e.aliases, ...e.readerAliases]) entryOfForm.set(formKey(f), e.name);
  const autoAliases = new Map<string, string[]>(curation.entries.map((e) => [e.name, []]));
  const addAuto = (entryName: string, alias: string) => {
    if (entryOfForm.has(formKey(alias))) return;
    entryOfForm.set(formKey(alias), entryName);
    autoAliases.get(entryName)!.push(alias);
  };
  for (const [long, short] of acronymPairs(sentences)) {
    const owner = entryOfForm.get(formKey(long)) ?? entryOfForm.get(formKey(short));
    if (owner) {
      addAuto(owner, long);
      addAuto(owner, short);
    }
  }
  const candidateByKey = new Map(candidates.map((c) => [formKey(c.text), c]));
  for (const e of curation.entries) {
    const kind = e.kind ?? candidateByKey.get(formKey(e.name))?.kind;
    const words = e.name.split(' ');
    if (kind === 'person' && words.length > 1) {
      const surname = words.at(-1)!;
      const both = countForms([e.name, surname], sentences);
      if (both.get(surname)) addAuto(e.name, surname);
    }
  }

  // No alias may belong to two entries.
  const claimedBy = new Map<string, string>();
  for (const e of curation.entries) {
    for (const f of new Set([e.name, ...e.aliases, ...e.readerAliases, ...autoAliases.get(e.name)!].map(formKey))) {
      const other = claimedBy.get(f);
      if (other && other !== e.name) problems.push(`"${f}" is claimed by both "${other}" and "${e.name}"`);
      claimedBy.set(f, e.name);
    }
  }

  // Every candidate must be reviewed: part of an entry, or excluded with a reason.
  const reviewedForms = [...claimedBy.keys(), ...excludedForms.map(formKey)];
  const reviewed = (c: Candidate) => {
    const key = formKey(c.text);
    // Reviewed when it contains a reviewed form ("Tajikistan President Emomali Rahmon") or is
    // a fragment of one ("U.S. Department" of "U.S. Department of State").
    return reviewedForms.some((f) => ` ${key} `.includes(` ${f} `) || ` ${f} `.includes(` ${key} `));
  };
  for (const c of candidates) {
    if (!reviewed(c))
      problems.push(`candidate "${c.text}" (from ${[...c.via].join(', ')}) is neither in an entry nor excluded`);
  }

  // Kinds and ids.
  const ids = new Map<string, string>();
  const kinds = new Map<string, { kind: EntryKind; from: 'curation' | 'extraction' }>();
  for (const e of curation.entries) {
    const id = e.id ?? slugify(e.name);
    if ([...ids.values()].includes(id)) problems.push(`two entries have the id "${id}"`);
    ids.set(e.name, id);
    const guessed = candidateByKey.get(formKey(e.name))?.kind;
    if (e.kind) kinds.set(e.name, { kind: e.kind, from: 'curation' });
    else if (guessed) kinds.set(e.name, { kind: guessed, from: 'extraction' });
    else problems.push(`entry "${e.name}" has no kind, and extraction suggested none`);
  }
  const knownIds = new Set(ids.values());
  for (const e of curation.entries) {
    for (const r of e.related) if (!knownIds.has(r)) problems.push(`entry "${e.name}" is related to unknown id "${r}"`);
  }
  if (problems.length > 0) throw new BuildError(problems);

  // Mentions, with the matcher the extension runs on pages.
  const allForms = (e: (typeof curation.entries)[number]) => [
    ...e.aliases,
    ...autoAliases.get(e.name)!,
    ...e.readerAliases,
  ];
  const matcher = compileMatcher(
    curation.entries.map((e) => ({
      key: ids.get(e.name)!,
      entry: {
        name: e.name,
        aliases: allForms(e),
        kind: kinds.get(e.name)!.kind,
        // The article is the entry's own context: every mention counts here.
        match: { caseSensitive: e.caseSensitive },
      },
    })),
    'build',
  );
  const scanner = createScanner(matcher);
  const mentions = new Map<string, Mention[]>([...ids.values()].map((id) => [id, []]));
  const sentenceEntries: Set<string>[] = [];
  for (const s of sentences) {
    const inSentence = new Map<string, number>();
    for (const m of scanner.scan(normalizeWithMap(s.text).text)) {
      for (const i of matcher.terms[m.term]!.entries) {
        const id = matcher.entries[i]!.key;
        inSentence.set(id, (inSentence.get(id) ?? 0) + 1);
      }
    }
    for (const [id, count] of inSentence) mentions.get(id)!.push({ paragraph: s.paragraph, sentence: s.text, count });
    sentenceEntries.push(new Set(inSentence.keys()));
  }

  // Related: the curation's, then the entries mentioned together most often (at least twice).
  const related = (id: string, curated: readonly string[]) => {
    const together = new Map<string, number>();
    for (const set of sentenceEntries) {
      if (!set.has(id)) continue;
      for (const other of set) if (other !== id) together.set(other, (together.get(other) ?? 0) + 1);
    }
    const auto = [...together]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([other]) => other);
    return [...new Set([...curated, ...auto])].slice(0, 6);
  };

  const entries: Entry[] = curation.entries.map((e) => {
    const id = ids.get(e.name)!;
    const caseSensitive = [e.name, ...allForms(e)].filter(
      (f) => e.caseSensitive.includes(f) || isAcronym(normalize(f)),
    );
    return {
      id,
      name: e.name,
      aliases: [...new Set(allForms(e))],
      kind: kinds.get(e.name)!.kind,
      summary: e.summary!,
      ...(e.general ? { general: e.general } : {}),
      ...(e.sameAs?.length ? { sameAs: e.sameAs } : {}),
      mentions: mentions.get(id)!,
      related: related(id, e.related),
      match: { caseSensitive, ...(e.needsContext ? { needsContext: e.needsContext } : {}) },
    };
  });
  const unmentioned = entries.filter((e) => e.mentions.length === 0).map((e) => e.name);
  if (unmentioned.length) throw new BuildError(unmentioned.map((n) => `entry "${n}" is never mentioned`));

  const pack = parsePack(
    {
      format: PACK_FORMAT,
      id: curation.pack.id,
      title: curation.pack.title ?? article.title ?? curation.pack.source.title,
      version: curation.pack.version,
      source: {
        ...curation.pack.source,
        title: curation.pack.source.title ?? article.title,
        published: curation.pack.source.published ?? article.published,
      },
      entries,
    },
    'The built pack',
  );

  const report: BuildReport = {
    candidates: candidates.length,
    excluded: candidates.filter((c) => excludedForms.some((f) => formKey(f) === formKey(c.text))).length,
    dropped: article.dropped,
    entries: curation.entries.map((e) => {
      const forms = new Set([e.name, ...e.aliases, ...autoAliases.get(e.name)!].map(formKey));
      const foundBy = new Set(candidates.filter((c) => forms.has(formKey(c.text))).flatMap((c) => [...c.via]));
      return {
        id: ids.get(e.name)!,
        name: e.name,
        foundBy: [...foundBy].sort(),
        kindFrom: kinds.get(e.name)!.from,
        autoAliases: autoAliases.get(e.name)!,
        mentions: mentions.get(ids.get(e.name)!)!.reduce((n, m) => n + m.count, 0),
      };
    }),
  };
  return { pack, report };
}
