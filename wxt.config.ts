import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
// The toolbar icon (public/icon/, from `npm run icons`); the background shows public/icon-muted/ where Glossa is off.
import { TOOLBAR_ICON } from './lib/toolbar';

/*
 * Minimum browser versions, from the APIs Glossa uses (first version with each):
 *
 * | API                                                        | Chrome | Firefox | without it                          |
 * | ---------------------------------------------------------- | ------ | ------- | ----------------------------------- |
 * | CSS Custom Highlight API: CSS.highlights, Highlight,       | 105    | 140     | nothing is marked; the popup says   |
 * |   ::highlight() (every mark)                               |        |         | why (lib/compat.ts hasHighlightApi) |
 * | Manifest V3, action, service worker background             | 88     | (MV2)   | —                                   |
 * | data_collection_permissions (manifest)                     | —      | 140     | —                                   |
 * | Intl.Segmenter (sentences, in the builder and cards)       | 87     | 125     | —                                   |
 * | StaticRange constructor (every mark)                       | 90     | 71      | —                                   |
 * | crypto.randomUUID (passage ids, own context)               | 92     | 95      | —                                   |
 * | Array.prototype.findLast (sentence lookup)                 | 97     | 104     | —                                   |
 * | constructed stylesheets, adoptedStyleSheets (card)         | 73     | 101     | —                                   |
 * | Element.checkVisibility (hidden blocks)                    | 105    | 106     | fallback: blocks count as shown     |
 * |   its visibilityProperty option                            | 121    | 122     | ignored: visibility:hidden missed   |
 * | currentCSSZoom (card position under zoom)                  | 128    | 126     | fallback: zoom 1                    |
 * | document.caretPositionFromPoint (hover)                    | 128    | 20      | fallback: caretRangeFromPoint       |
 * | scheduler.yield (slicing the scan)                         | 129    | 142     | fallback: setTimeout 0 (lib/compat) |
 *
 * APIs with a fallback (tested in tests/unit/compat.test.ts) do not raise the minimum; the
 * Highlight API has none, and sets it: Chrome 105, Firefox 140.
 */
const MINIMUM_CHROME_VERSION = '105';
const MINIMUM_FIREFOX_VERSION = '140.0';

// Firefox asks every new extension to declare what data it collects; Glossa collects none
// and makes no network requests at all.
const gecko = {
  id: 'glossa@glossa-reader.org',
  strict_min_version: MINIMUM_FIREFOX_VERSION,
  data_collection_permissions: { required: ['none'] },
};
// Firefox for Android reads data_collection_permissions from 142 on (desktop: 140).
const gecko_android = { strict_min_version: '142.0' };

export default defineConfig({
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], build: process.env.GLOSSA_NO_MINIFY ? { minify: false } : {} }),
  manifest: ({ browser, manifestVersion }) => ({
    // Every string the browser shows from the manifest comes from public/_locales/<locale>/messages.json
    // (the toolbar button's tooltip too: entrypoints/popup/index.html).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Each one used; the README's permission table says what for.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandOpenCard__',
      },
      'save-passage': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePassage__',
      },
      'build-glossary': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandBuildGlossary__',
      },
    },
    // Firefox's MV2 build names it browser_action.
    ...(manifestVersion === 2
      ? { browser_action: { default_icon: TOOLBAR_ICON } }
      : { action: { default_icon: TOOLBAR_ICON } }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko, gecko_android } }
      : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
  }),
});
