import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '@/lib/messages';
import type { Settings } from '@/lib/settings';

export interface OptionsAppProps {
  readonly send: BackgroundClient;
}

/** Glossa's options page. */
export function OptionsApp({ send }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    send({ type: 'getSettings' }).then(setSettings, (e: unknown) => setError(String(e)));
  }, [send]);

  const update = (patch: Partial<Settings>) =>
    send({ type: 'updateSettings', patch }).then(setSettings, (e: unknown) => setError(String(e)));

  return (
    <main>
      <h1>Glossa options</h1>
      {error && <p class="error">{error}</p>}
      {settings && (
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          Highlight glossary terms on pages
        </label>
      )}
    </main>
  );
}
