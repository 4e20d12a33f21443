import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type TabClient } from '@/components/PopupApp';
import { localizePage } from '@/components/i18n';
import { createBackgroundClient, createTabClient } from '@/lib/messages';
import { UserError } from '@/lib/user-message';

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=` when the popup is
 * opened as a page of its own (pinned in a tab, or driven by the end-to-end tests).
 */
async function targetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

localizePage(document, 'extName');
const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const tab = targetTab();
const sendToTab: TabClient = async (request) => {
  const id = await tab;
  if (id === undefined) throw new UserError('errorNoTab');
  return createTabClient((message) => browser.tabs.sendMessage(id, message))(request);
};

render(
  <PopupApp
    send={send}
    sendToTab={sendToTab}
    openReadingList={() => void browser.tabs.create({ url: browser.runtime.getURL('/reading-list.html') })}
    openGlossary={() => void browser.tabs.create({ url: browser.runtime.getURL('/glossary.html') })}
    openOptions={() => void browser.runtime.openOptionsPage()}
    close={() => window.close()}
  />,
  document.getElementById('app')!,
);
