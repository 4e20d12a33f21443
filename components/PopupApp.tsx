import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackgroundClient, EntryView, TabRequest, TabResponses } from '@/lib/messages';
import { createGlossaryIndex } from '@/lib/search/glossary-search';
import type { Settings } from '@/lib/settings';
import { EntityDetails } from './EntityDetails';
import { layerEntries } from '@/lib/glossary/layers';
import { KIND_LABELS } from './kind-labels';

/** Talks to the content script of the tab the popup is about; rejects where none can run. */
export type TabClient = <R extends TabRequest>(request: R) => Promise<TabResponses[R['type']]>;

export interface PopupAppProps {
  readonly send: BackgroundClient;
  readonly sendToTab: TabClient;
  openReadingList(): void;
  openGlossary(): void;
  openOptions(): void;
  close(): void;
}

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly hostname: string; readonly terms: { key: string; count: number }[] }
  | { readonly status: 'unavailable' };

const MAX_RESULTS = 50;

/** The toolbar popup: search the whole glossary, see what this page mentions, switch Glossa off here. */
export function PopupApp({ send, sendToTab, openReadingList, openGlossary, openOptions, close }: PopupAppProps) {
  const [entries, setEntries] = useState<EntryView[] | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<string | undefined>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [build, setBuild] = useState<{ busy: boolean; message?: string }>({ busy: false });
  const inputAt = useRef<number | undefined>(undefined);
  const searchBox = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
    send({ type: 'listEntries' }).then(setEntries, fail);
    send({ type: 'getSettings' }).then(setSettings, fail);
    Promise.all([sendToTab({ type: 'pageInfo' }), sendToTab({ type: 'pageTerms' })]).then(
      ([info, terms]) => setPage({ status: 'ready', hostname: info.hostname, terms }),
      () => setPage({ status: 'unavailable' }),
    );
  }, [send, sendToTab]);
  useEffect(load, [load]);

  /** Builds a glossary from the page, whether or not it looks like an article, then shows what it marks. */
  const buildFromPage = () => {
    setBuild({ busy: true });
    sendToTab({ type: 'buildGlossary' }).then(
      ({ message }) => {
        setBuild({ busy: false, message });
        load();
      },
      (e: unknown) => setBuild({ busy: false, message: `Glossa could not build a glossary here: ${String(e)}` }),
    );
  };

  const byKey = useMemo(() => new Map((entries ?? []).map((e) => [e.key, e])), [entries]);
  const index = useMemo(() => {
    if (!entries) return undefined;
    const start = performance.now();
    const built = createGlossaryIndex(entries);
    performance.measure('glossa-search-index', { start, end: performance.now(), detail: { entries: entries.length } });
    return built;
  }, [entries]);
  // Entities, each with every pack's layer of it: Tajikistan in the World pack and in an article is one.
  const entities = useMemo(() => layerEntries(entries ?? []), [entries]);
  const entityOf = useMemo(() => new Map(entities.flatMap((e) => e.keys.map((k) => [k, e] as const))), [entities]);
  /** One row per entity, shown by the entity's lead entry. */
  const perEntity = useCallback(
    (list: readonly EntryView[]) => {
      const seen = new Set<string>();
      return list.flatMap((e) => {
        const lead = byKey.get(entityOf.get(e.key)?.keys[0] ?? e.key) ?? e;
        if (seen.has(lead.key)) return [];
        seen.add(lead.key);
        return [lead];
      });
    },
    [byKey, entityOf],
  );
  // With no query, the list browses the glossary alphabetically; with one, it ranks matches.
  const browse = useMemo(
    () => perEntity([...(entries ?? [])].sort((a, b) => a.name.localeCompare(b.name))).slice(0, MAX_RESULTS),
    [entries, perEntity],
  );
  const results = useMemo(
    () =>
      index && query.trim()
        ? perEntity(index.search(query, MAX_RESULTS).flatMap((h) => byKey.get(h.key) ?? []))
        : browse,
    [index, query, byKey, browse, perEntity],
  );

  // Script time per keystroke, from the input event to the rendered results (`npm run bench`).
  useLayoutEffect(() => {
    if (inputAt.current === undefined) return;
    performance.measure('glossa-search', { start: inputAt.current, end: performance.now() });
    inputAt.current = undefined;
  }, [results]);

  const updateSettings = (patch: Partial<Settings>) =>
    send({ type: 'updateSettings', patch }).then(setSettings, (e: unknown) => setError(String(e)));

  const shown = detail ? entityOf.get(detail) : undefined;
  // One line per entity on the page: Russia in the World pack and in an article is one name.
  const onPage = useMemo(() => {
    if (page.status !== 'ready') return [];
    const entityOf = new Map(entities.flatMap((e) => e.keys.map((k) => [k, e] as const)));
    const seen = new Set<string>();
    return page.terms.filter((t) => {
      const id = entityOf.get(t.key)?.keys[0] ?? t.key;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }, [page, entities]);
  if (shown) {
    return (
      <main class="detail">
        <button
          type="button"
          class="back link"
          onClick={() => {
            setDetail(undefined);
            queueMicrotask(() => searchBox.current?.focus());
          }}
        >
          ‹ Back to results
        </button>
        <div class="card">
          <EntityDetails
            entity={shown}
            position={undefined}
            relatedName={(k) => byKey.get(k)?.name}
            onShowEntry={setDetail}
          />
        </div>
      </main>
    );
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      const hit = results[active];
      if (hit) setDetail(hit.key);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query) setQuery('');
      else close();
    }
  };

  const site = page.status === 'ready' ? page.hostname : undefined;
  const siteOff = !!site && !!settings?.disabledSites.includes(site);

  return (
    <main>
      <header class="popup-header">
        <h1>Glossa</h1>
        <nav class="links">
          <button type="button" class="link" onClick={openReadingList}>
            Reading list
          </button>
          <button type="button" class="link" onClick={openGlossary}>
            Glossary
          </button>
          <button type="button" class="link" onClick={openOptions}>
            Options
          </button>
        </nav>
      </header>
      <input
        ref={searchBox}
        type="search"
        placeholder="Search the glossary"
        aria-label="Search the glossary"
        aria-controls="glossa-results"
        aria-activedescendant={results[active] ? `glossa-result-${active}` : undefined}
        value={query}
        autoFocus
        onInput={(e) => {
          inputAt.current = performance.now();
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p class="error" role="alert">
          Glossa could not load its glossary: {error}
        </p>
      )}
      {!entries && !error && <p class="muted">Loading the glossary…</p>}
      {query.trim() && entries && results.length === 0 && (
        <p class="muted" role="status">
          Nothing in the glossary matches “{query.trim()}”. Try fewer letters, or another spelling.
        </p>
      )}
      {!query.trim() && (
        <section class="on-page" aria-labelledby="on-page-title">
          <h2 id="on-page-title">On this page</h2>
          {page.status === 'loading' && <p class="muted">Looking at the page…</p>}
          {page.status === 'unavailable' && (
            <p class="muted">
              Glossa can’t read this page. Browsers keep extensions out of their own pages and the extension store.
            </p>
          )}
          {page.status === 'ready' && page.terms.length === 0 && (
            <p class="muted">
              {siteOff || settings?.enabled === false ? 'Glossa is off here.' : 'No glossary terms on this page.'}
            </p>
          )}
          {page.status === 'ready' && !siteOff && settings?.enabled !== false && settings?.buildMode !== 'never' && (
            <p class="build">
              <button type="button" class="secondary" disabled={build.busy} onClick={buildFromPage}>
                {build.busy ? 'Building…' : 'Build a glossary from this page'}
              </button>{' '}
              <span class="muted" role="status">
                {build.message ?? ''}
              </span>
            </p>
          )}
          {page.status === 'ready' && page.terms.length > 0 && (
            <ul class="results">
              {onPage.map((t) => (
                <li key={t.key}>
                  <button
                    type="button"
                    class="link term"
                    onClick={() => void sendToTab({ type: 'revealTerm', key: t.key })}
                  >
                    {entities.find((e) => e.keys.includes(t.key))?.name ?? byKey.get(t.key)?.name ?? t.key}
                  </button>{' '}
                  <span class="muted">
                    {t.count} {t.count === 1 ? 'mention' : 'mentions'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {!query.trim() && entries && (
        <h2 class="list-title">
          Glossary · {entities.length} {entities.length === 1 ? 'entry' : 'entries'}
          {entities.length > MAX_RESULTS && <span class="muted"> (type to search them all)</span>}
        </h2>
      )}
      {/* Focusable: a list longer than the popup scrolls, and keyboard users must reach it too. */}
      <ul class="results" id="glossa-results" role="listbox" aria-label="Glossary entries" tabIndex={0}>
        {results.map((e, i) => (
          <li
            key={e.key}
            id={`glossa-result-${i}`}
            role="option"
            aria-selected={i === active}
            aria-label={e.name}
            onClick={() => setDetail(e.key)}
            onMouseEnter={() => setActive(i)}
          >
            <span class="name">{e.name}</span> <span class="kind">{KIND_LABELS[e.kind]}</span>
            {e.summary && <span class="summary">{e.summary}</span>}
          </li>
        ))}
      </ul>
      {settings && (
        <section class="controls">
          <label>
            <input
              type="checkbox"
              checked={settings.enabled}
              onChange={(e) => updateSettings({ enabled: e.currentTarget.checked })}
            />{' '}
            Highlight terms on all sites
          </label>
          {site && (
            <label>
              <input
                type="checkbox"
                checked={!siteOff}
                disabled={!settings.enabled}
                onChange={(e) =>
                  updateSettings({
                    disabledSites: e.currentTarget.checked
                      ? settings.disabledSites.filter((s) => s !== site)
                      : [...settings.disabledSites, site],
                  })
                }
              />{' '}
              Highlight terms on {site}
            </label>
          )}
        </section>
      )}
    </main>
  );
}
