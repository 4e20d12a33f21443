/**
 * Glossa's translator. Every string a reader sees comes from public/_locales/<locale>/messages.json
 * through `browser.i18n`, in the browser's language, or in English (the default locale) where
 * a message has no translation. Keys are checked by the compiler (MessageKey is derived from
 * the English messages.json), and so is whether a message takes substitutions: a key with
 * placeholders needs at least one, a key without takes none.
 *
 * Plurals: Chrome's i18n has none. A counted message has one key per plural form,
 * `<base>_one` and `<base>_other` in English; a translation may add `<base>_zero`, `_two`,
 * `_few` or `_many` (the CLDR categories). `plural()` picks the form with Intl.PluralRules for
 * the translation's own language (the `language` message), falling back to `_other`; the count
 * is always the first substitution.
 */
import { browser } from 'wxt/browser';
import { type MessageKey, type Messages, type Substitution, type UserMessage, UserError } from '@/lib/user-message';

/** A key with placeholders takes one substitution or more; a key without takes none. */
type SubstitutionsOf<K extends MessageKey> = Messages[K] extends { placeholders: object }
  ? [Substitution, ...Substitution[]]
  : [];

/** The bases of the counted messages: `countEntries` for `countEntries_one` and `countEntries_other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
}[MessageKey];

/** The message in the reader's language; '' when no locale has the key (a message from another version). */
function lookup(key: string, substitutions: readonly Substitution[]): string {
  const texts = substitutions.map((s) => (typeof s === 'object' ? translate(s) : String(s)));
  // The typed overloads WXT generates know only the English keys; a translation's extra plural forms are valid too.
  return browser.i18n.getMessage(key as MessageKey, texts);
}

export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  return lookup(key, substitutions);
}

/** One set of plural rules per language, made once. */
const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of `base` for `count`, which fills `$1` (as the reader's locale writes numbers); `more` fill `$2`… */
export function plural(base: PluralBase, count: number, ...more: Substitution[]): string {
  const language = t('language');
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const substitutions = [count.toLocaleString(), ...more];
  const form = rules.select(count);
  return lookup(`${base}_${form}`, substitutions) || lookup(`${base}_other`, substitutions);
}

/** A message lib/ or the background said (see lib/user-message.ts), in the reader's language. */
export function translate(message: UserMessage): string {
  return lookup(message.key, message.substitutions) || message.key;
}

/** What an error says to the reader: translated when it is a UserError, else its own message. */
export function errorText(error: unknown): string {
  if (error instanceof UserError) return translate(error);
  return error instanceof Error ? error.message : String(error);
}

/** An extension page in the reader's language: its title, and the language and direction of its text. */
export function localizePage(doc: Document, title: MessageKey): void {
  doc.documentElement.lang = t('language');
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir');
  doc.title = lookup(title, []);
}
