/**
 * Vitest setup: `browser.i18n` for unit tests. WXT's fake browser (@webext-core/fake-browser)
 * leaves i18n unmocked (getMessage throws "not mocked"), so components and the translator
 * could not run in Node. This answers as a browser in English does, from the same
 * public/_locales/en/messages.json, by Chrome's rules: `$NAME$` is the named placeholder's
 * content, `$1`…`$9` the substitutions, `$$` a dollar sign, and an unknown key ''.
 * Kept in the tests so the extension ships no copy of its English messages in its scripts.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';
import { errorText } from '../../components/i18n';

interface ChromeMessage {
  readonly message: string;
  readonly placeholders?: Record<string, { readonly content: string }>;
}

/** What `chrome.i18n.getMessage(key, substitutions)` answers with these messages. */
export function formatMessage(
  messages: Record<string, ChromeMessage>,
  key: string,
  substitutions: string | readonly string[] = [],
): string {
  // Message names are case-insensitive in Chrome, as are placeholder names.
  const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const fill = (text: string) => text.replace(/\$(\d)/gu, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/gu, (whole, name: string) => {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/gu, '$');
}

/** Chrome's predefined messages, as an English browser answers them. */
const PREDEFINED: Record<string, string> = { '@@ui_locale': 'en', '@@bidi_dir': 'ltr' };

fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  PREDEFINED[key] ?? formatMessage(english, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';

/** What a failed call says to the reader, in English: its error, translated as a page shows it. */
export function rejectionText(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'did not fail',
    (error: unknown) => errorText(error),
  );
}

/** The same for a call that throws. */
export function thrownText(run: () => unknown): Promise<string> {
  return rejectionText(Promise.resolve().then(run));
}
