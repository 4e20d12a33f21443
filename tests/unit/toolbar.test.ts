import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsStore } from '@/entrypoints/background/settings-store';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createToolbar, type Toolbar, type ToolbarAction } from '@/entrypoints/background/toolbar';
import type { TabClient } from '@/lib/messages';
import { badgeText, MUTED_TOOLBAR_ICON, TOOLBAR_ICON } from '@/lib/toolbar';

function fakeAction() {
  const calls: [string, unknown][] = [];
  const action: ToolbarAction = {
    setIcon: async (d) => void calls.push(['setIcon', d]),
    setBadgeText: async (d) => void calls.push(['setBadgeText', d]),
    setBadgeBackgroundColor: async (d) => void calls.push(['setBadgeBackgroundColor', d]),
  };
  return { action, calls };
}

const terms = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, count: 1 }));

describe('badgeText', () => {
  it('shows nothing for no entries, the count otherwise, and 999+ past what a badge fits', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});

describe('the toolbar', () => {
  it('shows the muted icon and no badge where Glossa is off, the icon where it is on', async () => {
    const { action, calls } = fakeAction();
    const toolbar = createToolbar(action, () => {
      throw new Error('not asked');
    });
    await toolbar.siteState(3, false);
    await toolbar.siteState(4, true);
    expect(calls.slice(1)).toEqual([
      ['setIcon', { tabId: 3, path: MUTED_TOOLBAR_ICON }],
      ['setBadgeText', { tabId: 3, text: '' }],
      ['setIcon', { tabId: 4, path: TOOLBAR_ICON }],
      ['setBadgeText', { tabId: 4, text: '' }],
    ]);
  });

  it('counts the entries the page says it painted; a tab that no longer answers is left alone', async () => {
    const { action, calls } = fakeAction();
    const asked: number[] = [];
    const client = (tabId: number) =>
      (async (request: { type: string }) => {
        asked.push(tabId);
        expect(request).toEqual({ type: 'pageTerms' });
        if (tabId === 9) throw new Error('Could not establish connection');
        return terms(12);
      }) as unknown as TabClient;
    const toolbar = createToolbar(action, client);
    await toolbar.pageScanned(5);
    await toolbar.pageScanned(9);
    expect(asked).toEqual([5, 9]);
    expect(calls.filter(([name]) => name === 'setBadgeText')).toEqual([['setBadgeText', { tabId: 5, text: '12' }]]);
  });

  it('off everywhere: the icon of every tab without its own is muted', async () => {
    const { action, calls } = fakeAction();
    await createToolbar(action).everywhere(false);
    expect(calls.at(-1)).toEqual(['setIcon', { path: MUTED_TOOLBAR_ICON }]);
  });
});

describe('the background sets the toolbar from the requests pages make', () => {
  beforeEach(() => fakeBrowser.reset());
  function setup() {
    const events: string[] = [];
    const toolbar: Toolbar = {
      siteState: async (tabId, on) => void events.push(`site ${tabId} ${on ? 'on' : 'off'}`),
      pageScanned: async (tabId) => void events.push(`scanned ${tabId}`),
      everywhere: async (enabled) => void events.push(`everywhere ${enabled ? 'on' : 'off'}`),
    };
    const handlers = createHandlers({
      ready: Promise.resolve(),
      broadcast: async () => undefined,
      openTab: async () => undefined,
      openExtensionPage: async () => undefined,
      toolbar,
      settings: createSettingsStore(),
    });
    return { handlers, events };
  }

  it('a page reading its settings sets its tab’s icon: off for a site the reader turned off', async () => {
    const { handlers, events } = setup();
    const page = { tabId: 5, senderUrl: 'https://news.example/story' };
    await handlers.handle({ type: 'getSettings' }, page);
    await handlers.handle({ type: 'updateSettings', patch: { disabledSites: ['news.example'] } }, {});
    await handlers.handle({ type: 'getSettings' }, page);
    await handlers.handle({ type: 'getSettings' }, { tabId: 6, senderUrl: 'https://other.example/' });
    await handlers.handle({ type: 'updateSettings', patch: { disabledSites: [], enabled: false } }, {});
    // Every tab's icon follows the stored settings, whoever changed them (this browser or another).
    await vi.waitFor(() => expect(events).toContain('everywhere off'));
    await handlers.handle({ type: 'getSettings' }, { tabId: 6, senderUrl: 'https://other.example/' });
    expect(events.filter((e) => e.startsWith('site') || e.startsWith('everywhere off'))).toEqual([
      'site 5 on',
      'site 5 off',
      'site 6 on',
      'everywhere off',
      'site 6 off',
    ]);
  });

  it('a page asking for its entries has its badge counted; Glossa’s own pages set nothing', async () => {
    const { handlers, events } = setup();
    await handlers.handle({ type: 'getEntries', keys: [] }, { tabId: 5, senderUrl: 'https://news.example/story' });
    await handlers.handle(
      { type: 'getEntries', keys: [] },
      { tabId: 7, senderUrl: 'chrome-extension://abc/popup.html' },
    );
    await handlers.handle({ type: 'getSettings' }, { senderUrl: 'chrome-extension://abc/popup.html' });
    expect(events.filter((e) => !e.startsWith('everywhere'))).toEqual(['scanned 5']);
  });
});
