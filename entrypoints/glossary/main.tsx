import { render } from 'preact';
import { browser } from 'wxt/browser';
import { GlossaryApp } from '@/components/GlossaryApp';
import { download } from '@/components/download';
import { localizePage } from '@/components/i18n';
import { createBackgroundClient } from '@/lib/messages';

/** `?entry=<key>` opens that entity, `?q=<query>` starts with that search. */
const params = new URLSearchParams(location.search);

/** Keeps the open entity in the address, so a reload (or a bookmark) comes back to it. */
function showEntry(key: string | undefined): void {
  const url = new URL(location.href);
  if (key) url.searchParams.set('entry', key);
  else url.searchParams.delete('entry');
  history.replaceState(null, '', url);
}

localizePage(document, 'glossaryDocumentTitle');
const send = createBackgroundClient((message) => browser.runtime.sendMessage(message));
render(
  <GlossaryApp
    send={send}
    download={download}
    initialEntry={params.get('entry') ?? undefined}
    initialQuery={params.get('q') ?? ''}
    onShowEntry={showEntry}
  />,
  document.getElementById('app')!,
);
