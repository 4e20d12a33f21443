import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReadingListApp } from '@/components/ReadingListApp';
import { download } from '@/components/download';
import { createBackgroundClient } from '@/lib/messages';

const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(<ReadingListApp send={send} download={download} />, document.getElementById('app')!);
