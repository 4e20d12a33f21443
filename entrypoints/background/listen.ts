/**
 * The background's one message listener: checks the sender, validates the message, runs
 * the handler and answers in an envelope.
 */
import { browser, type Browser } from 'wxt/browser';
import { answer, parseBackgroundRequest, PRIVILEGED_REQUESTS } from '@/lib/messages';
import type { Handlers } from './handlers';

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

export function listenForRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own content scripts and pages; other extensions and web pages are ignored.
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseBackgroundRequest(raw);
    if ('error' in parsed) return Promise.resolve({ ok: false, error: parsed.error });
    const { request } = parsed;
    if (PRIVILEGED_REQUESTS.has(request.type) && !isExtensionPage(sender)) {
      return Promise.resolve({ ok: false, error: `"${request.type}" may only be sent from Glossa's own pages.` });
    }
    return answer(() => handlers.handle(request));
  });
}
