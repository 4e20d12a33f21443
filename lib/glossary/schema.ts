/**
 * The glossary pack format, version 1. One schema validates a pack wherever it enters
 * Glossa: the builder's output, seeding at install, and user imports.
 * The format is documented in lib/glossary/README.md; keep the two in step.
 */
import * as v from 'valibot';

export const PACK_FORMAT = 1;

export const ENTRY_KINDS = ['person', 'place', 'organization', 'facility', 'event', 'group', 'concept'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const Slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "emomali-rahmon"'),
  v.maxLength(80),
);
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

export const MentionSchema = v.object({
  /** Index of the paragraph in the cleaned article, from 0. */
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The whole sentence, as the article has it. */
  sentence: Text(2000),
  /** How many times the entry occurs in this sentence. */
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/**
 * Forms too generic to mark on any page ("Defense Ministry", "Jordan"): they mark this entry
 * only where the page also names its context (a cue, anywhere on the page) and no other
 * qualifier stands right before them ("Israel's Defense Ministry", "Michael Jordan").
 */
export const ContextRuleSchema = v.object({
  /** Forms of the entry (its name or aliases) that need the context. */
  forms: v.pipe(v.array(Text(200)), v.minLength(1)),
  /** Words that name the context: "Russia", "Russian", "Moscow", "Kremlin". */
  cues: v.pipe(v.array(Text(200)), v.minLength(1), v.maxLength(50)),
});

export const MatchOptionsSchema = v.object({
  /**
   * Forms (name or aliases) that match only exactly as written. The builder puts every
   * acronym here ("ISIS-K"), so "Isis" the goddess is never ISIS-K.
   */
  caseSensitive: v.optional(v.array(Text(200)), []),
  needsContext: v.optional(ContextRuleSchema),
});

/** What is true of the entry anywhere, apart from any article, and where that comes from. */
export const GeneralSchema = v.object({
  /** One neutral line: "Country in Central Asia; capital Dushanbe." */
  text: Text(300),
  /** The source the card names for it: "world-countries 5.1 (ODbL)", "general knowledge". */
  source: Text(200),
});

export const EntrySchema = v.object({
  id: Slug,
  name: Text(200),
  aliases: v.pipe(v.array(Text(200)), v.maxLength(50)),
  kind: v.picklist(ENTRY_KINDS),
  /** What the entry is, in one or two sentences. Entries built from a page may have none. */
  summary: v.optional(Text(600)),
  /**
   * The source's own sentence the summary is quoted from: set by the on-page builder, whose
   * summaries are the article's words ("a lawmaker from the Communist Party"), never its own.
   */
  summaryQuote: v.optional(Text(2000)),
  /** The neutral line a card leads with on any page; the summary is the source's story. */
  general: v.optional(GeneralSchema),
  /**
   * Entries of other packs that are this same entity ("world/tajikistan"): a card shows them as
   * one, in layers. Only links join entries: two "Moscow"s (Russia, Idaho) stay two.
   */
  sameAs: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/u, 'must be an entry key such as "world/russia"'))),
      v.maxLength(10),
    ),
  ),
  mentions: v.pipe(v.array(MentionSchema), v.maxLength(500)),
  related: v.array(Slug),
  match: v.optional(MatchOptionsSchema, { caseSensitive: [] }),
});

export const SourceSchema = v.object({
  title: Text(300),
  author: v.optional(Text(200)),
  publisher: v.optional(Text(200)),
  /** The site's host name, for packs built from a page ("www.bbc.com"). */
  site: v.optional(Text(253)),
  /** ISO 8601 date, e.g. "2024-04-15". */
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  url: v.optional(v.pipe(v.string(), v.url())),
  /** For a dataset: its licence ("ODbL-1.0") and the attribution it asks for. */
  license: v.optional(Text(100)),
  attribution: v.optional(Text(500)),
});

export const PackSchema = v.pipe(
  v.object({
    format: v.literal(PACK_FORMAT),
    id: Slug,
    title: Text(200),
    version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must look like 1.0.0')),
    source: SourceSchema,
    entries: v.pipe(v.array(EntrySchema), v.minLength(1), v.maxLength(100_000)),
  }),
  v.check((pack) => new Set(pack.entries.map((e) => e.id)).size === pack.entries.length, 'entry ids must be unique'),
  v.check((pack) => {
    const ids = new Set(pack.entries.map((e) => e.id));
    return pack.entries.every((e) => e.related.every((r) => ids.has(r)));
  }, 'every related id must name an entry of the pack'),
);

export type Mention = v.InferOutput<typeof MentionSchema>;
export type ContextRule = v.InferOutput<typeof ContextRuleSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type PackSource = v.InferOutput<typeof SourceSchema>;
export type Pack = v.InferOutput<typeof PackSchema>;

/** Thrown with a message a person can act on: where the pack is wrong and how. */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    message: string,
    /** The problems alone (valibot's paths and words), for a message that says whose pack it is. */
    readonly problems = message,
  ) {
    super(message);
  }
}

/** Validates unknown input as a pack, or throws a PackError listing the first problems. */
export function parsePack(input: unknown, origin = 'pack'): Pack {
  const result = v.safeParse(PackSchema, input);
  if (result.success) return result.output;
  const problems = result.issues.slice(0, 5).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = result.issues.length > 5 ? ` (and ${result.issues.length - 5} more)` : '';
  const details = `${problems.join('; ')}${more}`;
  throw new PackError(`${origin} is not a valid Glossa pack: ${details}`, details);
}
