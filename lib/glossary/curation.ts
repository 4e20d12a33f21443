/**
 * The curation file beside an article: what extraction cannot know. Kinds (when NER's guess
 * is missing or wrong), summaries, extra aliases, and the candidates that are not entries.
 */
import * as v from 'valibot';
import { ContextRuleSchema, ENTRY_KINDS, GeneralSchema, SourceSchema } from './schema';

const Form = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));

export const CuratedEntrySchema = v.object({
  name: Form,
  /** Defaults to a slug of the name. */
  id: v.optional(v.string()),
  /** Defaults to the kind named-entity recognition suggests. */
  kind: v.optional(v.picklist(ENTRY_KINDS)),
  /** What the article says of the entry; every fact in it must occur in the cited sentences. */
  summary: v.optional(v.pipe(v.string(), v.trim())),
  /** Short verbatim quotes locating the sentences the summary rests on (lib/glossary/grounding.ts). */
  cites: v.optional(v.array(Form), []),
  /** What is true anywhere, with its source: the card leads with it, apart from the article. */
  general: v.optional(GeneralSchema),
  /** Forms too generic to mark without the entry's context on the page, and the cues for it. */
  needsContext: v.optional(ContextRuleSchema),
  /** The same entity in other packs ("world/tajikistan"). */
  sameAs: v.optional(v.array(v.string())),
  /** Other names the article uses; each must occur in it. */
  aliases: v.optional(v.array(Form), []),
  /** Names readers meet elsewhere ("State Department"); the article need not use them. */
  readerAliases: v.optional(v.array(Form), []),
  /** Forms that match only exactly as written (acronyms are detected on their own). */
  caseSensitive: v.optional(v.array(Form), []),
  related: v.optional(v.array(v.string()), []),
});
export type CuratedEntry = v.InferOutput<typeof CuratedEntrySchema>;

export const CurationSchema = v.object({
  pack: v.object({
    id: v.string(),
    title: v.optional(v.string()),
    version: v.string(),
    source: v.partial(SourceSchema),
  }),
  entries: v.array(CuratedEntrySchema),
  /** Extracted candidates that are not entries of their own, each with the reason. */
  exclude: v.optional(v.record(v.string(), v.string()), {}),
});
export type Curation = v.InferOutput<typeof CurationSchema>;
