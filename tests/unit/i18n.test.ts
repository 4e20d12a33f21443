/**
 * The translator (components/i18n.ts) over `browser.i18n.getMessage`: English from the real
 * messages.json (tests/support/i18n.ts), and a made-up Russian translation to show plural
 * forms English does not have.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText, localizePage, plural, t, translate } from '@/components/i18n';
import { UserError, userMessage } from '@/lib/user-message';
import english from '@/public/_locales/en/messages.json';
import { formatMessage } from '../support/i18n';

const englishGetMessage = fakeBrowser.i18n.getMessage;

/** The browser in another language: these messages first, English for the rest (as Chrome falls back). */
function speak(messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>) {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
    formatMessage(messages, key, substitutions) ||
    formatMessage(english, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
}

afterEach(() => {
  fakeBrowser.i18n.getMessage = englishGetMessage;
});

describe('t', () => {
  it('fills placeholders from the substitutions, in order', () => {
    expect(t('extName')).toBe('Glossa');
    expect(t('popupHighlightSite', 'news.example')).toBe('Highlight terms on news.example');
    expect(t('entityMerged', 'ISIS-K', 'ISIS–K')).toBe('“ISIS-K” was merged into “ISIS–K”.');
    expect(t('listEmpty', t('menuSavePassage'), t('cardSavePassage'))).toContain(
      'choose “Save passage to Glossa” from the context menu',
    );
  });
});

describe('plural', () => {
  const count = { placeholders: { count: { content: '$1' } } };

  it.each<[number, string]>([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
    [1234, `${(1234).toLocaleString()} entries`],
  ])('English: %d → %s', (n, expected) => {
    expect(plural('countEntries', n)).toBe(expected);
  });

  it('puts the count first and the other substitutions after it', () => {
    expect(plural('cardAmbiguous', 2, 'Georgia')).toBe('“Georgia”: this name belongs to 2 entries.');
    expect(plural('listMatchOfStored', 1, plural('countPassages', 10))).toBe('1 of 10 passages matches');
  });

  it.each<[number, string]>([
    [1, '1 запись'],
    [3, '3 записи'],
    [5, '5 записей'],
    [21, '21 запись'],
  ])('picks the form the translation’s language needs: Russian %d → %s', (n, expected) => {
    speak({
      language: { message: 'ru' },
      countEntries_one: { message: '$COUNT$ запись', ...count },
      countEntries_few: { message: '$COUNT$ записи', ...count },
      countEntries_many: { message: '$COUNT$ записей', ...count },
      countEntries_other: { message: '$COUNT$ записи', ...count },
    });
    expect(plural('countEntries', n)).toBe(expected);
  });

  it('falls back to the other form where a translation lacks the one its language picks', () => {
    speak({ language: { message: 'ru' }, countEntries_other: { message: '$COUNT$ записи', ...count } });
    // Russian picks "few" for 3: no such key here, so the translation's other form.
    expect(plural('countEntries', 3)).toBe('3 записи');
  });

  it('uses the rules of the language the messages are in, not the browser’s, when no translation exists', () => {
    // A Russian browser with no Russian messages reads English: 21 is "other" in English, "one" in Russian.
    fakeBrowser.i18n.getUILanguage = () => 'ru';
    try {
      expect(plural('countEntries', 21)).toBe('21 entries');
    } finally {
      fakeBrowser.i18n.getUILanguage = () => 'en';
    }
  });
});

describe('messages from lib and the background', () => {
  it('translates a UserError with a message inside it', () => {
    const error = new UserError('errorKeepsWebPagesOnly', userMessage('urlNotWebScheme', 'javascript'));
    expect(errorText(error)).toBe(
      'Glossa keeps passages from web pages only: not a web address (javascript:); only http: and https: pages are kept.',
    );
    // What a log shows: the key and substitutions.
    expect(error.message).toBe('errorKeepsWebPagesOnly(urlNotWebScheme(javascript))');
  });

  it('says other errors as they are', () => {
    expect(errorText(new Error('quota exceeded'))).toBe('quota exceeded');
    expect(errorText('offline')).toBe('offline');
  });

  it('shows the key of a message no locale has (one from another version), not nothing', () => {
    expect(translate({ key: 'noSuchMessage' as never, substitutions: [] })).toBe('noSuchMessage');
  });
});

describe('localizePage', () => {
  it('sets the page’s title and the language of its text from the messages', () => {
    const { document } = new JSDOM('<!doctype html><html lang="xx"><title>?</title></html>').window;
    localizePage(document, 'optionsTitle');
    expect(document.title).toBe('Glossa options');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    speak({ language: { message: 'ru' }, optionsTitle: { message: 'Настройки Glossa' } });
    localizePage(document, 'optionsTitle');
    expect(document.title).toBe('Настройки Glossa');
    expect(document.documentElement.lang).toBe('ru');
  });
});
