/**
 * The welcome page, opened once on install. Its short article is marked by the content script's
 * own code (startGlossaPage), run here on a context of its own: the content script only runs on
 * http(s) pages, and a copy of the painter and card for this page would be a demo of something
 * else. Same matcher, marks, hover and card as on a news site.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { WelcomeApp } from '@/components/WelcomeApp';
import { localizePage, t } from '@/components/i18n';
import { hasHighlightApi } from '@/lib/compat';
import '@/entrypoints/content/highlights.css';
import { startGlossaPage } from '@/entrypoints/content/glossa-page';

localizePage(document, 'welcomeTitle');
const commands = await browser.commands.getAll();
render(
  <WelcomeApp
    shortcuts={commands.flatMap((c) =>
      c.description ? [{ description: c.description, shortcut: c.shortcut ?? '' }] : [],
    )}
    iconUrl={browser.runtime.getURL('/icon.svg')}
    shortcutsPage={import.meta.env.FIREFOX ? t('welcomeShortcutsFirefox') : 'chrome://extensions/shortcuts'}
  />,
  document.getElementById('app')!,
);
if (hasHighlightApi(globalThis as Parameters<typeof hasHighlightApi>[0])) {
  void startGlossaPage(
    new ContentScriptContext('glossa-welcome', {
      noScriptStartedPostMessage: true,
    } as ConstructorParameters<typeof ContentScriptContext>[1]),
  );
}
