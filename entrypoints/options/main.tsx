import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/OptionsApp';
import { localizePage } from '@/components/i18n';
import { createBackgroundClient } from '@/lib/messages';

localizePage(document, 'optionsTitle');
const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(
  <OptionsApp send={send} glossaryUrl={browser.runtime.getURL('/glossary.html')} />,
  document.getElementById('app')!,
);
