import { hasHighlightApi } from '@/lib/compat';
import { t } from './i18n';

export interface Shortcut {
  readonly description: string;
  /** As the browser has it now ("Alt+Shift+G"); empty when the reader removed it. */
  readonly shortcut: string;
}

export interface WelcomeAppProps {
  /** Glossa's keyboard commands, read from the browser (the reader may have changed them). */
  readonly shortcuts: readonly Shortcut[];
  readonly iconUrl: string;
  /** Where the reader changes shortcuts (chrome://extensions/shortcuts, or Firefox's add-ons page), as the reader reads it. */
  readonly shortcutsPage: string;
  readonly global?: Parameters<typeof hasHighlightApi>[0];
}

/**
 * The page Glossa opens once, when it is installed: what it marks, how to read a card, the
 * keyboard shortcuts, that nothing leaves the machine, and a short article to try it on. The
 * article is marked by the content script's own code, run on this page (see entrypoints/welcome).
 */
export function WelcomeApp({ shortcuts, iconUrl, shortcutsPage, global = globalThis }: WelcomeAppProps) {
  return (
    <main class="welcome">
      <header class="welcome-header">
        <img src={iconUrl} alt="" width={48} height={48} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      {!hasHighlightApi(global) && (
        <p class="error" role="alert">
          {t('noHighlightApi')}
        </p>
      )}
      <section aria-labelledby="welcome-marks">
        <h2 id="welcome-marks">{t('welcomeMarksHeading')}</h2>
        <ul>
          <li>{t('welcomeMarks1')}</li>
          <li>{t('welcomeMarks2')}</li>
          <li>{t('welcomeMarks3')}</li>
        </ul>
      </section>
      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t('welcomeTryHeading')}</h2>
        <p>{t('welcomeTryHelp')}</p>
        <article class="welcome-demo" aria-label={t('welcomeDemoLabel')}>
          <h3>{t('welcomeDemoTitle')}</h3>
          <p>{t('welcomeDemo1')}</p>
          <p>{t('welcomeDemo2')}</p>
          <p>{t('welcomeDemo3')}</p>
        </article>
      </section>
      <section aria-labelledby="welcome-keys">
        <h2 id="welcome-keys">{t('welcomeKeysHeading')}</h2>
        <dl class="welcome-keys">
          {shortcuts.map((s) => (
            <div key={s.description}>
              <dt>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">{t('welcomeNoShortcut')}</span>}</dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <p class="muted">{t('welcomeChangeShortcuts', shortcutsPage)}</p>
      </section>
      <section aria-labelledby="welcome-private">
        <h2 id="welcome-private">{t('welcomePrivateHeading')}</h2>
        <p>{t('welcomePrivate')}</p>
      </section>
    </main>
  );
}
