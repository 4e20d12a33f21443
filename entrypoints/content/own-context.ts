/**
 * A content-script context only Glossa can end. WXT's own context ends when any script on the
 * page dispatches its "content script started" event, whose name is built from the extension's
 * id (public for a store extension): a page could forge it and tear Glossa down, and listen
 * for it to learn Glossa is installed. This context is named with a random token the page
 * never sees, so no page can forge its event; WXT's context still tells us when Glossa is
 * really replaced (an update or a reload leaves this script without a runtime), and only then
 * is this one ended.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export function ownContext(wxtContext: ContentScriptContext): ContentScriptContext {
  const own = new ContentScriptContext(`glossa-${crypto.randomUUID()}`, {
    noScriptStartedPostMessage: true,
  } as ConstructorParameters<typeof ContentScriptContext>[1]);
  wxtContext.onInvalidated(() => {
    // A forged event: the extension is alive, so this script is not being replaced.
    if (browser.runtime?.id !== undefined) return;
    own.abort('Glossa was reloaded or removed');
  });
  return own;
}
