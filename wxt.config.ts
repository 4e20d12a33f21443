import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox asks every new extension to declare what data it collects; Glossa collects none
// and makes no network requests at all.
const gecko = {
  id: 'glossa@glossa-reader.org',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

export default defineConfig({
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], build: process.env.GLOSSA_NO_MINIFY ? { minify: false } : {} }),
  manifest: ({ browser }) => ({
    name: 'Glossa',
    description:
      'Contextual reading for the news: marks the people, places and organisations an article names and explains them on hover.',
    // Each one used; the README's permission table says what for. No 'storage': settings live in
    // the extension's IndexedDB with everything else.
    permissions: ['unlimitedStorage', 'contextMenus'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Explain the glossary term at the cursor or selection',
      },
      'save-passage': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected passage to the Glossa reading list',
      },
      'build-glossary': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Build a glossary from the article on this page',
      },
    },
    // gecko_android: the same extension for Firefox for Android, where cards open on a tap.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
});
