import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    // lib/ is pure: no extension APIs, so it runs in Node tests and in any context.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt/*', 'webextension-polyfill', '@/entrypoints/*', '@/components/*'] },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'localStorage', 'window'],
    },
  },
  {
    // Content scripts run in the news site's origin: its IndexedDB and localStorage are the site's.
    files: ['entrypoints/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['dexie'], patterns: ['@/lib/db/*'] }],
      'no-restricted-globals': ['error', 'indexedDB', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
