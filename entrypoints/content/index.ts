import { defineContentScript } from 'wxt/utils/define-content-script';
import './highlights.css';
import { hasHighlightApi, isHtmlDocument } from '@/lib/compat';
import { startGlossaPage } from './glossa-page';
import { ownContext } from './own-context';
import { takeEarlyAnswer } from './first-question';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Highlight styles go in the manifest: injected as a user stylesheet, so a strict page
  // CSP cannot block them and no <style> element is added to the page.
  cssInjectionMode: 'manifest',
  runAt: 'document_idle',
  // No window.postMessage announcing the extension (and its id) to the page.
  noScriptStartedPostMessage: true,
  main(wxtContext) {
    // Taken whatever follows: its listeners stop here.
    const early = takeEarlyAnswer();
    // Only HTML articles: not SVG, XML feeds, JSON or plain-text documents.
    if (!isHtmlDocument(document.contentType) || !document.body) return;
    // No Highlight API, nothing to mark with: Glossa stays out of the page, and the popup says why.
    if (!hasHighlightApi(globalThis as Parameters<typeof hasHighlightApi>[0])) return;
    void startGlossaPage(ownContext(wxtContext), early);
  },
});
