import { render } from 'preact';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { OptionsApp } from '@/components/OptionsApp';
import { localizePage } from '@/components/i18n';
import { createBackgroundClient } from '@/lib/messages';
import { SETTINGS_KEY } from '@/lib/settings-sync';

localizePage(document, 'optionsTitle');
const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(
  <OptionsApp
    send={send}
    glossaryUrl={browser.runtime.getURL('/glossary.html')}
    watchSettings={(changed) => storage.watch(`sync:${SETTINGS_KEY}`, changed)}
  />,
  document.getElementById('app')!,
);
