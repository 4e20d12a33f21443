import { useEffect, useState } from 'preact/hooks';
import type { StoredBlockedForm } from '@/lib/db/database';
import type { BackgroundClient } from '@/lib/messages';
import { t } from './i18n';

export interface BlockedWordsProps {
  readonly send: BackgroundClient;
  /** The open entity's name: the word the reader most likely wants gone. */
  readonly suggestion?: string;
  /** Bumped after every change: the list is read again. */
  readonly version: number;
  onChanged(message: string): void;
  onError(e: unknown): void;
}

/** "Never mark this word": words Glossa marks on no page, whatever pack names them. */
export function BlockedWords({ send, suggestion, version, onChanged, onError }: BlockedWordsProps) {
  const [rows, setRows] = useState<StoredBlockedForm[] | undefined>();
  const [text, setText] = useState(suggestion ?? '');

  useEffect(() => setText(suggestion ?? ''), [suggestion]);
  useEffect(() => {
    let current = true;
    send({ type: 'listBlockedForms' }).then(
      (list) => current && setRows(list),
      (e: unknown) => current && onError(e),
    );
    return () => {
      current = false;
    };
    // onError is the parent's, new each render: it must not reload the list.
  }, [send, version]);

  const block = (e: Event) => {
    e.preventDefault();
    const word = text.trim();
    if (!word) return;
    send({ type: 'blockForm', text: word }).then(() => onChanged(t('blockedAdded', word)), onError);
  };

  return (
    <section class="blocked" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t('blockedHeading')}</h2>
      <form class="row" onSubmit={block}>
        <label class="field">
          {t('blockedWordLabel')}
          <input type="text" required maxLength={200} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('blockedSubmit')}</button>
      </form>
      {rows && rows.length === 0 && <p class="muted">{t('blockedNone')}</p>}
      {rows && rows.length > 0 && (
        <ul class="blocked-words">
          {rows.map((row) => (
            <li key={row.form}>
              {row.text}{' '}
              <button
                type="button"
                onClick={() =>
                  void send({ type: 'unblockForm', form: row.form }).then(
                    () => onChanged(t('blockedRemoved', row.text)),
                    onError,
                  )
                }
              >
                {t('commonRemove')}
                <span class="visually-hidden"> {t('commonQuoted', row.text)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
