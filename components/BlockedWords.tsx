import { useEffect, useState } from 'preact/hooks';
import type { StoredBlockedForm } from '@/lib/db/database';
import type { BackgroundClient } from '@/lib/messages';

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
    send({ type: 'blockForm', text: word }).then(() => onChanged(`“${word}” will not be marked on any page.`), onError);
  };

  return (
    <section class="blocked" aria-labelledby="blocked-title">
      <h2 id="blocked-title">Never mark these words</h2>
      <form class="row" onSubmit={block}>
        <label class="field">
          Word never to mark
          <input type="text" required maxLength={200} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Never mark this word</button>
      </form>
      {rows && rows.length === 0 && <p class="muted">None yet.</p>}
      {rows && rows.length > 0 && (
        <ul class="blocked-words">
          {rows.map((row) => (
            <li key={row.form}>
              {row.text}{' '}
              <button
                type="button"
                onClick={() =>
                  void send({ type: 'unblockForm', form: row.form }).then(
                    () => onChanged(`“${row.text}” is marked again.`),
                    onError,
                  )
                }
              >
                Remove<span class="visually-hidden"> “{row.text}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
