import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReadingListApp } from '@/components/ReadingListApp';
import { createBackgroundClient } from '@/lib/messages';

/** Offers text as a file download, without any network request. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(<ReadingListApp send={send} download={download} />, document.getElementById('app')!);
