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
import type { MessageKey } from '@/lib/user-message';
import { errorText, plural, t } from './i18n';
import { kindLabel } from './kind-labels';

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
  months === 0 ? t('optionsKeepEverything') : plural('optionsForgetAfter', months);

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  dotted: 'styleDotted',
  solid: 'styleSolid',
  background: 'styleBackground',
};

/** Glossa's options: every setting, applied to open pages at once. */
const BUILD_MODE_LABELS: Record<BuildMode, MessageKey> = {
  auto: 'buildModeAuto',
  ask: 'buildModeAsk',
  never: 'buildModeNever',
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
        (e: unknown) => setError(errorText(e)),
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
        setError(errorText(e));
        setSaved(false);
        // Nothing was stored: show what is, not the change that was refused.
        if (request === latest.current) setSettings(await send({ type: 'getSettings' }).catch(() => settings));
      });
  };

  if (!settings) {
    return (
      <main>
        <h1>{t('optionsTitle')}</h1>
        {error ? <p class="error">{error}</p> : <p class="muted">{t('commonLoading')}</p>}
      </main>
    );
  }

  const toggleKind = (kind: EntryKind, on: boolean) =>
    update({ kinds: on ? [...settings.kinds, kind] : settings.kinds.filter((k) => k !== kind) });

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="muted">{t('optionsSyncIntro')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section>
        <h2>{t('optionsHighlighting')}</h2>
        <p class="muted">{t('optionsHighlightingHelp')}</p>
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          {t('optionsMarkTerms')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.firstMentionOnly}
            onChange={(e) => update({ firstMentionOnly: e.currentTarget.checked })}
          />{' '}
          {t('optionsFirstMentionOnly')}
        </label>
        <label>
          {t('optionsStyle')}{' '}
          <select
            value={settings.highlightStyle}
            onChange={(e) => update({ highlightStyle: e.currentTarget.value as HighlightStyle })}
          >
            {HIGHLIGHT_STYLES.map((s) => (
              <option key={s} value={s}>
                {t(STYLE_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section>
        <h2>{t('optionsBuiltHeading')}</h2>
        <p class="muted">{t('optionsBuiltHelp')}</p>
        <label>
          {t('optionsBuildLabel')}{' '}
          <select
            value={settings.buildMode}
            onChange={(e) => update({ buildMode: e.currentTarget.value as BuildMode })}
          >
            {BUILD_MODES.map((m) => (
              <option key={m} value={m}>
                {t(BUILD_MODE_LABELS[m])}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section>
        <h2>{t('optionsYourGlossary')}</h2>
        <p class="muted">
          {t('optionsYourGlossaryHelp')} <a href={glossaryUrl}>{t('optionsOpenGlossary')}</a>
        </p>
        <label>
          {t('optionsArticlesYouRead')}{' '}
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
        <p class="muted">{t('optionsForgettingKeeps')}</p>
      </section>
      <fieldset>
        <legend>{t('optionsKinds')}</legend>
        <p class="muted">{t('optionsKindsHelp')}</p>
        {ENTRY_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={settings.kinds.includes(kind)}
              onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
            />{' '}
            {kindLabel(kind)}
          </label>
        ))}
      </fieldset>
      <section>
        <h2>{t('optionsHoverCards')}</h2>
        <p class="muted">{t('optionsHoverHelp')}</p>
        <label>
          {t('optionsHoverDelay')}{' '}
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
          {t('optionsMilliseconds')}
        </label>
      </section>
      <section>
        <h2>{t('optionsSitesOff')}</h2>
        <p class="muted">{t('optionsSitesOffHelp')}</p>
        {syncState && !syncState.sitesSynced && (
          <p class="notice">{plural('sitesKeptLocally', syncState.sites, syncState.limitKb)}</p>
        )}
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optionsNoSitesOff')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() => update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                >
                  {t('optionsTurnBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="muted" aria-live="polite">
        {saved ? t('optionsSaved') : ''}
      </p>
    </main>
  );
}
