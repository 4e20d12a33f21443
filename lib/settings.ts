/** Reader settings: their shape, defaults and validation. Stored by the background. */
import * as v from 'valibot';
import { ENTRY_KINDS } from './glossary/schema';

export const HIGHLIGHT_STYLES = ['dotted', 'solid', 'background'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * When Glossa builds a glossary from the article being read: on every page that looks like
 * an article (the default), only when the reader asks, or never.
 */
export const BUILD_MODES = ['auto', 'ask', 'never'] as const;
export type BuildMode = (typeof BUILD_MODES)[number];

export const SettingsSchema = v.object({
  /** Highlighting everywhere. */
  enabled: v.boolean(),
  /** Hostnames where highlighting is off ("www.example.com"). */
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(10_000)),
  /** Mark only the first mention of each entry on a page. */
  firstMentionOnly: v.boolean(),
  /** Which kinds of entry to mark. */
  kinds: v.array(v.picklist(ENTRY_KINDS)),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  /** How long the pointer rests on a term before its card opens. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1500)),
  buildMode: v.picklist(BUILD_MODES),
  /** Forget what was built from articles read more than this many months ago; 0 keeps everything. */
  forgetAfterMonths: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120)),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const SettingsPatchSchema = v.partial(SettingsSchema);
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  firstMentionOnly: false,
  kinds: [...ENTRY_KINDS],
  highlightStyle: 'dotted',
  hoverDelayMs: 400,
  buildMode: 'auto',
  forgetAfterMonths: 0,
};

/** Whether highlighting should run on a page of `hostname`. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
