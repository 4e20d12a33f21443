import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/OptionsApp';
import { createBackgroundClient } from '@/lib/messages';

const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(
  <OptionsApp send={send} glossaryUrl={browser.runtime.getURL('/glossary.html')} />,
  document.getElementById('app')!,
);
