/**
 * The toolbar button per tab: the muted icon where Glossa is off for the tab's site, and a
 * badge with the number of glossary entries the page mentions. Both are tab-specific, so the
 * browser resets them when the tab loads another page; the content script's requests set them
 * again. No state is kept here: a service-worker restart loses nothing.
 */
import { browser } from 'wxt/browser';
import { createTabClient, type TabClient } from '@/lib/messages';
import { BADGE_COLOR, badgeText, MUTED_TOOLBAR_ICON, TOOLBAR_ICON } from '@/lib/toolbar';

export interface Toolbar {
  /** The page in `tabId` read its settings: Glossa is `on` for its site, or off. */
  siteState(tabId: number, on: boolean): Promise<void>;
  /** The page in `tabId` scanned and asked for its entries: the badge counts them. */
  pageScanned(tabId: number): Promise<void>;
  /** Glossa turned on or off everywhere: the icon of tabs no page script speaks for (new tabs, browser pages). */
  everywhere(enabled: boolean): Promise<void>;
}

/** The part of the action API the toolbar uses (`action` in Chrome's MV3, `browserAction` in Firefox's MV2). */
export interface ToolbarAction {
  setIcon(details: { tabId?: number; path: Record<number, string> }): Promise<void>;
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** A tab closed meanwhile: nothing to show. */
const ignore = () => undefined;

export function createToolbar(
  action: ToolbarAction = browser.action ?? browser.browserAction,
  tabClient: (tabId: number) => TabClient = (tabId) =>
    createTabClient((message) => browser.tabs.sendMessage(tabId, message)),
): Toolbar {
  void action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(ignore);
  return {
    async siteState(tabId, on) {
      await Promise.all([
        action.setIcon({ tabId, path: on ? TOOLBAR_ICON : MUTED_TOOLBAR_ICON }),
        // Off: no count. On: the count comes once the page has scanned.
        action.setBadgeText({ tabId, text: '' }),
      ]).catch(ignore);
    },
    async pageScanned(tabId) {
      // The page's own count of distinct entries painted (what the popup's "On this page" reads):
      // what a rescan removed is gone from it, and a card's related entries are not in it.
      const terms = await tabClient(tabId)({ type: 'pageTerms' }).catch(ignore);
      if (terms) await action.setBadgeText({ tabId, text: badgeText(terms.length) }).catch(ignore);
    },
    async everywhere(enabled) {
      await action.setIcon({ path: enabled ? TOOLBAR_ICON : MUTED_TOOLBAR_ICON }).catch(ignore);
    },
  };
}
