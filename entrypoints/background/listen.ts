/**
 * The background's one message listener: checks the sender, validates the message, runs
 * the handler and answers in an envelope.
 */
import { browser, type Browser } from 'wxt/browser';
import { answer, parseBackgroundRequest, refusalFor } from '@/lib/messages';
import type { Handlers } from './handlers';

export function listenForRequests(handlers: Handlers): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Messages from other extensions get no answer at all.
    if (sender.id !== self.id) return undefined;
    const parsed = parseBackgroundRequest(raw);
    if ('error' in parsed) return Promise.resolve({ ok: false, error: parsed.error });
    const refusal = refusalFor(parsed.request, sender, self);
    if (refusal) return Promise.resolve({ ok: false, error: refusal });
    return answer(() => handlers.handle(parsed.request, { tabId: sender.tab?.id, senderUrl: sender.url }));
  });
}
