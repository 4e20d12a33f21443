import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import { createBackgroundClient } from '@/lib/messages';

const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(<PopupApp send={send} />, document.getElementById('app')!);
