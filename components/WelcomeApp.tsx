import { hasHighlightApi, NO_HIGHLIGHT_API_MESSAGE } from '@/lib/compat';

export interface Shortcut {
  readonly description: string;
  /** As the browser has it now ("Alt+Shift+G"); empty when the reader removed it. */
  readonly shortcut: string;
}

export interface WelcomeAppProps {
  /** Glossa's keyboard commands, read from the browser (the reader may have changed them). */
  readonly shortcuts: readonly Shortcut[];
  readonly iconUrl: string;
  /** Where the reader changes shortcuts (chrome://extensions/shortcuts, or Firefox's add-ons page). */
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
        <h1>Welcome to Glossa</h1>
      </header>
      {!hasHighlightApi(global) && (
        <p class="error" role="alert">
          {NO_HIGHLIGHT_API_MESSAGE}
        </p>
      )}
      <section aria-labelledby="welcome-marks">
        <h2 id="welcome-marks">What it marks</h2>
        <ul>
          <li>In news articles, the people, places, organisations and events Glossa knows get a dotted underline.</li>
          <li>
            It also builds a small glossary from each article you read, so the article’s own names are marked too.
          </li>
          <li>
            The toolbar button counts the entries a page mentions. It turns grey on sites where you switch Glossa off.
          </li>
        </ul>
      </section>
      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">Try it</h2>
        <p>Rest the pointer on an underlined name below: a card explains it.</p>
        <article class="welcome-demo" aria-label="A short article to try Glossa on">
          <h3>Tajikistan after the Moscow attack</h3>
          <p>Four suspects in the attack on Crocus City Hall were Tajik citizens.</p>
          <p>ISIS–K claimed it. Emomali Rahmon spoke with Vladimir Putin two days later.</p>
          <p>Russia keeps its 201st military base near Dushanbe.</p>
        </article>
      </section>
      <section aria-labelledby="welcome-keys">
        <h2 id="welcome-keys">Keyboard</h2>
        <dl class="welcome-keys">
          {shortcuts.map((s) => (
            <div key={s.description}>
              <dt>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">no shortcut set</span>}</dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <p class="muted">Change them at {shortcutsPage}.</p>
      </section>
      <section aria-labelledby="welcome-private">
        <h2 id="welcome-private">Nothing leaves your machine</h2>
        <p>Glossa makes no network requests. Its glossary and your reading list stay in this browser.</p>
      </section>
    </main>
  );
}
