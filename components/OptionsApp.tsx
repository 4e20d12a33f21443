import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTRY_KINDS, type EntryKind } from '@/lib/glossary/schema';
import type { BackgroundClient } from '@/lib/messages';
import type { SettingsSyncState } from '@/lib/settings-sync';
import {
  BUILD_MODES,
  type BuildMode,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  type Settings,
  type SettingsPatch,
} from '@/lib/settings';
import { KIND_LABELS } from './kind-labels';

export interface OptionsAppProps {
  readonly send: BackgroundClient;
  /** The glossary page's address. */
  readonly glossaryUrl: string;
  /**
   * Calls back when the stored settings change (in the popup, or synced from another of the
   * reader's browsers); returns the way to stop.
   */
  readonly watchSettings?: (changed: () => void) => () => void;
}

/** Retention choices, in months; 0 keeps everything. */
const FORGET_AFTER_MONTHS = [0, 3, 6, 12, 24] as const;
const forgetLabel = (months: number) =>
  months === 0 ? 'Keep everything' : `Forget articles read more than ${months} months ago`;

const STYLE_LABELS: Record<HighlightStyle, string> = {
  dotted: 'Dotted underline (follows the text colour)',
  solid: 'Blue underline',
  background: 'Yellow background',
};

/** Glossa's options: every setting, applied to open pages at once. */
const BUILD_MODE_LABELS: Record<BuildMode, string> = {
  auto: 'on every page that looks like an article',
  ask: 'only when I ask (popup, context menu, Alt+Shift+B)',
  never: 'never',
};

export function OptionsApp({ send, glossaryUrl, watchSettings }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [syncState, setSyncState] = useState<SettingsSyncState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  // Replies can arrive out of order; only the newest change's reply may set what is shown.
  const latest = useRef(0);

  useEffect(() => {
    const load = () => {
      // A change arriving while the reader's own change is on its way is shown with its reply.
      const request = latest.current;
      void Promise.all([send({ type: 'getSettings' }), send({ type: 'getSettingsSync' })]).then(
        ([stored, sync]) => {
          if (request !== latest.current) return;
          setSettings(stored);
          setSyncState(sync);
        },
        (e: unknown) => setError(String(e)),
      );
    };
    load();
    return watchSettings?.(load);
  }, [send, watchSettings]);

  const update = (patch: SettingsPatch) => {
    // Shown at once; open pages follow the stored settings as soon as they are written.
    setSettings((current) => (current ? { ...current, ...patch } : current));
    const request = ++latest.current;
    return send({ type: 'updateSettings', patch })
      .then(async (next) => {
        const sync = await send({ type: 'getSettingsSync' });
        if (request !== latest.current) return;
        setSettings(next);
        setSyncState(sync);
        setError(undefined);
        setSaved(true);
      })
      .catch(async (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setSaved(false);
        // Nothing was stored: show what is, not the change that was refused.
        if (request === latest.current) setSettings(await send({ type: 'getSettings' }).catch(() => settings));
      });
  };

  if (!settings) {
    return (
      <main>
        <h1>Glossa options</h1>
        {error ? <p class="error">{error}</p> : <p class="muted">Loading…</p>}
      </main>
    );
  }

  const toggleKind = (kind: EntryKind, on: boolean) =>
    update({ kinds: on ? [...settings.kinds, kind] : settings.kinds.filter((k) => k !== kind) });

  return (
    <main class="options">
      <h1>Glossa options</h1>
      <p class="muted">
        Your settings are kept in your browser’s sync storage: they follow you to every browser you sign in to. What you
        read and save stays on this computer.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section>
        <h2>Highlighting</h2>
        <p class="muted">
          How Glossa marks the names it can explain. Marks are drawn over the page, never written into it: the page
          itself is not changed.
        </p>
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          Mark glossary terms on pages
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            onChange={(e) => update({ firstMentionOnly: e.currentTarget.checked })}
          />{' '}
          Mark only the first mention of each term
        </label>
        <label>
          Style{' '}
          <select
            value={settings.highlightStyle}
            onChange={(e) => update({ highlightStyle: e.currentTarget.value as HighlightStyle })}
          >
            {HIGHLIGHT_STYLES.map((s) => (
              <option key={s} value={s}>
                {STYLE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section>
        <h2>Glossaries built from pages</h2>
        <p class="muted">
          Glossa can build a glossary from the article you are reading, on your computer: it marks the people, places
          and organisations the article names, and its cards quote the article. Nothing leaves your browser.
        </p>
        <label>
          Build a glossary{' '}
          <select
            value={settings.buildMode}
            onChange={(e) => update({ buildMode: e.currentTarget.value as BuildMode })}
          >
            {BUILD_MODES.map((m) => (
              <option key={m} value={m}>
                {BUILD_MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section>
        <h2>Your glossary</h2>
        <p class="muted">
          Everything Glossa built from the articles you read, what you imported or added by hand, and your edits.{' '}
          <a href={glossaryUrl}>Open your glossary</a>
        </p>
        <label>
          Articles you read{' '}
          <select
            value={settings.forgetAfterMonths}
            onChange={(e) => update({ forgetAfterMonths: Number(e.currentTarget.value) })}
          >
            {/* A value set elsewhere (the schema allows up to 120) is shown as it is, not as "Keep everything". */}
            {(FORGET_AFTER_MONTHS as readonly number[]).includes(settings.forgetAfterMonths) ? null : (
              <option value={settings.forgetAfterMonths}>{forgetLabel(settings.forgetAfterMonths)}</option>
            )}
            {FORGET_AFTER_MONTHS.map((m) => (
              <option key={m} value={m}>
                {forgetLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">Forgetting keeps what you added by hand and your edits.</p>
      </section>
      <fieldset>
        <legend>Kinds of term to mark</legend>
        <p class="muted">Unticked kinds are not marked; their entries stay in your glossary.</p>
        {ENTRY_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={settings.kinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
            />{' '}
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <section>
        <h2>Hover cards</h2>
        <p class="muted">
          A card opens when the pointer rests on a marked term. A shorter wait opens cards sooner; a longer one keeps
          them from opening as the pointer passes by. On a touch screen a tap opens the card at once.
        </p>
        <label>
          Open a card after resting on a term for{' '}
          <input
            type="number"
            min={0}
            max={1500}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const value = Math.round(Number(e.currentTarget.value));
              if (Number.isFinite(value)) update({ hoverDelayMs: Math.min(1500, Math.max(0, value)) });
            }}
          />{' '}
          ms
        </label>
      </section>
      <section>
        <h2>Sites where Glossa is off</h2>
        <p class="muted">On these sites Glossa marks nothing and reads nothing of the page.</p>
        {syncState && !syncState.sitesSynced && <p class="notice">{syncState.reason}</p>}
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Turn Glossa off for a site from the toolbar popup.</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() => update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="muted" aria-live="polite">
        {saved ? 'Saved. Open pages update at once.' : ''}
      </p>
    </main>
  );
}
