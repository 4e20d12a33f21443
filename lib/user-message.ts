/**
 * What lib/ has to tell the reader (an error, why an address is refused), said as a message
 * key of public/_locales/<locale>/messages.json and its substitutions, never as English text:
 * lib/ has no `browser` (it runs in Node and in every context), so the page that shows the
 * message translates it (components/i18n.ts). It is plain data, so it crosses messages between
 * the background and pages as it is.
 */
import type messages from '../public/_locales/en/messages.json';

/** The English messages, the default locale: every key a translation may have. */
export type Messages = typeof messages;
/** A message's key: one the English messages.json does not have does not compile. */
export type MessageKey = keyof Messages;

/** Fills a message's `$1`, `$2`…: text, a number (shown as it is), or another message, translated in turn. */
export type Substitution = string | number | UserMessage;

export interface UserMessage {
  readonly key: MessageKey;
  readonly substitutions: readonly Substitution[];
}

export function userMessage(key: MessageKey, ...substitutions: Substitution[]): UserMessage {
  return { key, substitutions };
}

/** A message as a developer reads it in a log: its key, and its substitutions in brackets. */
function describe(message: Substitution): string {
  if (typeof message !== 'object') return String(message);
  return message.substitutions.length
    ? `${message.key}(${message.substitutions.map(describe).join(', ')})`
    : message.key;
}

/**
 * An error whose message is for the reader. Its `message` is the key and substitutions (what
 * a log shows); where it is shown, it is translated (errorText in components/i18n.ts).
 */
export class UserError extends Error implements UserMessage {
  override name = 'UserError';
  readonly substitutions: readonly Substitution[];
  constructor(
    readonly key: MessageKey,
    ...substitutions: Substitution[]
  ) {
    super(describe({ key, substitutions }));
    this.substitutions = substitutions;
  }
}
