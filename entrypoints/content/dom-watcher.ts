/**
 * Watches the page for content added or changed after load (infinite scroll, client-rendered
 * articles, SPA navigation, frameworks rewriting text nodes) and reports the block
 * containers that changed, in batches: at most ~150 ms after the first change, never while
 * the tab is hidden (the batch waits until the reader comes back).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { blockContainerOf, isInlineElement } from '@/lib/dom/blocks';
import { UI_HOST_ID } from '@/lib/dom/scope';
import { type ChangeRun, createChangeCounter } from '@/lib/live-page';

const BATCH_MS = 150;

export interface DomChanges {
  /** Block containers whose text changed, outermost only. */
  readonly containers: readonly Element[];
  /** Blocks were removed: ranges in them must be dropped, though nothing needs rescanning. */
  readonly removed: boolean;
}

export interface DomWatcher {
  /**
   * A count of the changes seen so far, records not yet delivered included: equal counts mean
   * the page's text did not change in between (blocks walked then are still the page's).
   */
  version(): number;
  /** The page's run of changed frames going on now, if any (lib/live-page.ts: is the page live?). */
  changeRun(): ChangeRun;
  /**
   * Whether every attribute change is watched (the default: it may make the page live), or only
   * editability: while Glossa is off for the page, a page animating its attributes costs no records.
   */
  watchAttributes(all: boolean): void;
  stop(): void;
}

const isUiHost = (node: Node) => node instanceof Element && node.id === UI_HOST_ID;
const isOnlyUiHost = ({ addedNodes, removedNodes }: MutationRecord) =>
  addedNodes.length + removedNodes.length > 0 && [...addedNodes, ...removedNodes].every(isUiHost);

/**
 * `onChange`: text changed (batched, see above). `onActivity`: the page changed anything, text or
 * attributes, at most once a batch: a moment to ask whether it is live (lib/live-page.ts).
 */
export function watchDom(
  ctx: ContentScriptContext,
  onChange: (changes: DomChanges) => void,
  onActivity?: () => void,
): DomWatcher {
  const pending = new Set<Element>();
  let removed = false;
  let timer: number | undefined;
  let changes = 0;
  const counter = createChangeCounter();
  let activityTimer: number | undefined;
  const reportActivity = () => {
    activityTimer = undefined;
    onActivity?.();
  };

  const flush = () => {
    timer = undefined;
    if (pending.size === 0 && !removed) return;
    if (document.hidden) return; // picked up again on visibilitychange
    const all = [...pending].filter((el) => el.isConnected);
    pending.clear();
    // Outermost containers only: rescanning a parent covers its children.
    const outer = all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
    const wasRemoved = removed;
    removed = false;
    if (outer.length || wasRemoved) onChange({ containers: outer, removed: wasRemoved });
  };

  const take = (records: readonly MutationRecord[]) => {
    let active = false;
    for (const record of records) {
      const target = record.target;
      // Any change counts towards the page being live (lib/live-page.ts), an attribute's too: a
      // class toggled, an inline style set in each frame of a script's animation restyles the
      // page, and the browser then revalidates every highlight as after a change of text. (The
      // UI host's insides are in its shadow root, which this observer does not see.)
      if (record.type === 'attributes' && record.attributeName !== 'contenteditable') {
        if (!isUiHost(target)) active = true;
        continue;
      }
      // Glossa's own UI host is not page content, nor is adding or removing it.
      if (target instanceof Element && target.closest(`#${UI_HOST_ID}`)) continue;
      if (record.type === 'childList' && isOnlyUiHost(record)) continue;
      active = true;
      changes++;
      // A region made editable (or editable no more): its marks go, or come back.
      if (record.type === 'attributes') {
        if (target instanceof Element) pending.add(target);
        continue;
      }
      if (record.type === 'characterData') {
        const container = blockContainerOf(target);
        if (container) pending.add(container);
        continue;
      }
      // A block added whole is scanned on its own; its neighbours have not changed.
      // Text or inline content added or removed changes the words of the block around it.
      let touchesInline = false;
      for (const node of record.addedNodes) {
        if (node instanceof Element && !isInlineElement(node)) pending.add(node);
        // A whole new document (document.open() and write()): scanned as a new page.
        else touchesInline = true;
      }
      for (const node of record.removedNodes) {
        if (node instanceof Element && !isInlineElement(node)) removed = true;
        else touchesInline = true;
      }
      if (touchesInline) {
        const container = blockContainerOf(target);
        if (container) pending.add(container);
      }
    }
    // One delivery of records: about one task of the page's (a tick of its clock, say).
    if (active) {
      counter.record(performance.now());
      if (activityTimer === undefined) activityTimer = ctx.setTimeout(reportActivity, BATCH_MS);
    }
    if ((pending.size || removed) && timer === undefined) timer = ctx.setTimeout(flush, BATCH_MS);
  };
  const observer = new MutationObserver(take);
  // The document itself, not its root element: document.open() replaces the whole tree, and
  // a watcher on the old root would never see the new one.
  /** Every attribute (for liveness), or only editability (Glossa is off: nothing to revalidate). */
  const observe = (allAttributes: boolean) =>
    observer.observe(document, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      ...(allAttributes ? {} : { attributeFilter: ['contenteditable'] }),
    });
  observe(true);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && (pending.size || removed) && timer === undefined) timer = ctx.setTimeout(flush, 0);
  });

  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    if (activityTimer !== undefined) clearTimeout(activityTimer);
    pending.clear();
    removed = false;
  };
  ctx.onInvalidated(stop);
  return {
    version() {
      take(observer.takeRecords());
      return changes;
    },
    changeRun: () => counter.run(performance.now()),
    watchAttributes: (all) => observe(all),
    stop,
  };
}
