/**
 * The compact, JSON-serialisable matcher the background compiles once per glossary change
 * and hands to every content script. It holds only what scanning needs: the folded surface
 * forms, which entries each form names, and whether a form matches only as written.
 */
import type { EntryKind } from '../glossary/schema';

export interface CompiledTerm {
  /** The surface form, folded with `normalize` ("ISIS-K", "Russia", "201st military base"). */
  readonly form: string;
  /** Indexes into `CompiledMatcher.entries`; several when two entries share a form. */
  readonly entries: readonly number[];
  /** Acronyms and other forms that must match exactly as written. */
  readonly caseSensitive: boolean;
  /**
   * Per entry (same order as `entries`): the index in `CompiledMatcher.contexts` this form needs
   * to mark that entry, or -1. Absent when no entry needs one (the common case).
   */
  readonly needs?: readonly number[];
  /** Contexts this form names when it occurs: "Moscow" is a cue for Russia's ministries. */
  readonly cueOf?: readonly number[];
}

/** A context some forms need (see lib/match/context.ts). */
export interface CompiledContext {
  /** The cue forms, folded and lower-cased: a qualifier word is compared with them. */
  readonly cues: readonly string[];
}

export interface MatcherEntry {
  /** Globally unique entry key: `${packId}/${entryId}`. */
  readonly key: string;
  readonly kind: EntryKind;
}

export interface CompiledMatcher {
  /** Changes whenever the glossary changes; content scripts use it to drop stale state. */
  readonly version: string;
  readonly entries: readonly MatcherEntry[];
  readonly terms: readonly CompiledTerm[];
  /** Contexts that forms need; absent when none does. */
  readonly contexts?: readonly CompiledContext[];
}
