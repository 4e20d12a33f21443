/**
 * Sentence splitting with Intl.Segmenter (ICU's sentence rules), mended where ICU breaks
 * after an abbreviation: "The U.S. Department of State" is one sentence, not two.
 */

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence in its paragraph. */
  readonly start: number;
}

/** Abbreviations after which a capitalised word does not start a new sentence. */
const ABBREVIATION =
  /(?:\b(?:\p{Lu}\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Jr|Sr|Inc|Corp|Co|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)\s*$/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language, made once: ICU's rules differ by language. */
function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    let locale = 'en';
    try {
      locale = Intl.Segmenter.supportedLocalesOf([lang])[0] ?? 'en';
    } catch {
      // A malformed language tag from a page ("en_US!") falls back to English rules.
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Splits a paragraph into sentences, by the rules of `lang` (a BCP 47 tag, as a page declares
 * it; English when absent, malformed or unknown to Intl.Segmenter).
 */
export function splitSentences(paragraph: string, lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  let pending: { text: string; start: number } | undefined;
  // A line break in a page's source is a space on screen (white-space: normal), not the end of a
  // sentence, which the segmenter takes it for: it segments a copy with each break a space (same
  // length, so offsets hold) and the sentences keep the paragraph's own characters.
  const flowing = paragraph.replace(/[\r\n]/gu, ' ');
  for (const { segment: flowed, index } of segmenterFor(lang).segment(flowing)) {
    const segment = paragraph.slice(index, index + flowed.length);
    const current = pending ? { text: pending.text + segment, start: pending.start } : { text: segment, start: index };
    if (ABBREVIATION.test(current.text)) {
      pending = current;
      continue;
    }
    pending = undefined;
    const trimmed = current.text.trimEnd();
    if (trimmed.trim()) out.push({ text: trimmed, start: current.start });
  }
  if (pending?.text.trim()) out.push({ text: pending.text.trimEnd(), start: pending.start });
  return out;
}
