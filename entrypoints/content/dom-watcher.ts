/**
 * Watches the page for content added or changed after load (infinite scroll, client-rendered
 * articles, SPA navigation, frameworks rewriting text nodes) and reports the block
 * containers that changed, in batches: at most ~150 ms after the first change, never while
 * the tab is hidden (the batch waits until the reader comes back).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { blockContainerOf } from '@/lib/dom/blocks';
import { UI_HOST_ID } from '@/lib/dom/scope';

const BATCH_MS = 150;

export interface DomChanges {
  /** Block containers whose text changed, outermost only. */
  readonly containers: readonly Element[];
}

export function watchDom(ctx: ContentScriptContext, onChange: (changes: DomChanges) => void): { stop(): void } {
  const pending = new Set<Element>();
  let timer: number | undefined;

  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    if (document.hidden) return; // picked up again on visibilitychange
    const all = [...pending].filter((el) => el.isConnected);
    pending.clear();
    // Outermost containers only: rescanning a parent covers its children.
    const outer = all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
    if (outer.length) onChange({ containers: outer });
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target;
      // Glossa's own UI host is not page content.
      if (target instanceof Element && target.closest(`#${UI_HOST_ID}`)) continue;
      if (record.type === 'childList' && record.addedNodes.length === 0 && record.removedNodes.length === 0) continue;
      const container = blockContainerOf(target);
      if (container) pending.add(container);
    }
    if (pending.size && timer === undefined) timer = ctx.setTimeout(flush, BATCH_MS);
  });
  observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && pending.size && timer === undefined) timer = ctx.setTimeout(flush, 0);
  });

  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
  };
  ctx.onInvalidated(stop);
  return { stop };
}
