import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReadingListApp } from '@/components/ReadingListApp';
import { download } from '@/components/download';
import { localizePage } from '@/components/i18n';
import { createBackgroundClient } from '@/lib/messages';

localizePage(document, 'readingListDocumentTitle');
const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(<ReadingListApp send={send} download={download} />, document.getElementById('app')!);
