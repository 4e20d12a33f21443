import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundClient, EntryView } from '@/lib/messages';
import { foldForSearch } from '@/lib/text/normalize';

export interface PopupAppProps {
  readonly send: BackgroundClient;
}

/** The toolbar popup: search the whole glossary. */
export function PopupApp({ send }: PopupAppProps) {
  const [entries, setEntries] = useState<EntryView[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');

  useEffect(() => {
    send({ type: 'listEntries' }).then(
      (list) => setEntries([...list].sort((a, b) => a.name.localeCompare(b.name))),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [send]);

  const results = useMemo(() => {
    const q = foldForSearch(query);
    if (!entries || !q) return entries ?? [];
    return entries.filter((e) => [e.name, ...e.aliases].some((form) => foldForSearch(form).includes(q)));
  }, [entries, query]);

  return (
    <main>
      <h1>Glossa</h1>
      <input
        type="search"
        placeholder="Search the glossary"
        aria-label="Search the glossary"
        value={query}
        autoFocus
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && <p class="error">{error}</p>}
      {!entries && !error && <p class="muted">Loading the glossary…</p>}
      <ul class="results" role="listbox" aria-label="Glossary entries">
        {results.map((e) => (
          <li key={e.key} role="option" aria-selected="false">
            <span class="name">{e.name}</span> <span class="kind">{e.kind}</span>
            <span class="summary">{e.summary}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
