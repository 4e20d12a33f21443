/**
 * The page's first question to the background: its settings, and the matcher where Glossa is
 * on. Asked as the document starts to load, by a script of its own (entrypoints/early.content.ts),
 * rather than when the page is parsed and the rest of Glossa starts (document_idle): its round
 * trip (20–35 ms for the bundled glossary, ~70 ms for 2 MB of 10,000 entries, with the page's
 * main thread idle meanwhile) then overlaps the page's own loading instead of delaying the first
 * mark. The answer waits for the main script in the content scripts' own world (a global there
 * is never the page's); a change to the glossary or the settings meanwhile makes it stale, and
 * the main script asks again.
 */
import { browser } from 'wxt/browser';
import type { CompiledMatcher } from '@/lib/match/compiled';
import { type BackgroundClient, parseTabRequest } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { SETTINGS_KEY } from '@/lib/settings-sync';

export interface FirstAnswer {
  /** Absent where Glossa is off, and for a tab opened in the background (asked once in view). */
  readonly matcher?: CompiledMatcher;
  readonly settings: Settings;
}

/**
 * One question for a page: its settings, with the matcher only for a page in view (a tab opened
 * in the background reads its settings, to answer the popup, and is scanned when first looked at).
 */
export async function askFirst(send: BackgroundClient): Promise<FirstAnswer> {
  return document.hidden ? { settings: await send({ type: 'getSettings' }) } : send({ type: 'getMatcher' });
}

interface EarlyQuestion {
  readonly answer: Promise<FirstAnswer>;
  /** The glossary or the settings changed after it was asked: the answer may be out of date. */
  stale: boolean;
  /** Stops listening for those changes. */
  readonly stop: () => void;
}

/** Where the early question waits, on the content scripts' global object (never the page's). */
const EARLY = '__glossaEarlyQuestion';
type WithEarly = typeof globalThis & { [EARLY]?: EarlyQuestion };

/** Asks the first question now, for the main script to take (document_start). */
export function askEarly(send: BackgroundClient): void {
  const answer = askFirst(send);
  // In DevTools' performance panel (and for the tests): when the question left, and whether it went stale.
  performance.mark('glossa-asked-early');
  // A failure is the main script's to report, when it takes the answer.
  answer.catch(() => undefined);
  const question: EarlyQuestion = {
    answer,
    stale: false,
    stop: () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    },
  };
  // What the main script listens for once it runs: heard before then, it would be missed.
  function onMessage(raw: unknown): undefined {
    const parsed = parseTabRequest(raw);
    if ('request' in parsed && parsed.request.type === 'glossaryChanged') goneStale();
    // Nothing answered here: the main script answers the page's requests.
    return undefined;
  }
  function onStorage(changes: Record<string, unknown>, area: string) {
    if (area === 'sync' && SETTINGS_KEY in changes) goneStale();
  }
  function goneStale() {
    if (question.stale) return;
    question.stale = true;
    performance.mark('glossa-early-answer-stale');
  }
  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);
  (globalThis as WithEarly)[EARLY] = question;
}

/**
 * The early question's answer for the main script, once: undefined when none was asked (the
 * extension was installed after the page loaded) or when it may be out of date.
 */
export function takeEarlyAnswer(): Promise<FirstAnswer> | undefined {
  const global = globalThis as WithEarly;
  const question = global[EARLY];
  if (!question) return undefined;
  delete global[EARLY];
  question.stop();
  return question.stale ? undefined : question.answer;
}
