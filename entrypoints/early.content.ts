/**
 * The page's first question, asked as its document starts to load (see
 * entrypoints/content/first-question.ts); everything else waits for the page to be parsed.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { hasHighlightApi, isHtmlDocument } from '@/lib/compat';
import { createBackgroundClient } from '@/lib/messages';
import { askEarly } from './content/first-question';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // No window.postMessage announcing the extension (and its id) to the page.
  noScriptStartedPostMessage: true,
  main() {
    // The main script's own tests (entrypoints/content/index.ts): no question where it will not run.
    if (!isHtmlDocument(document.contentType)) return;
    if (!hasHighlightApi(globalThis as Parameters<typeof hasHighlightApi>[0])) return;
    askEarly(createBackgroundClient((message) => browser.runtime.sendMessage(message)));
  },
});
