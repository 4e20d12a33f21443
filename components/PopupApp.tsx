import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackgroundClient, EntryView, TabRequest, TabResponses } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import type { EntryKind } from '@/lib/glossary/schema';
import { EntityDetails } from './EntityDetails';
import { type EntityLayers, layerEntries } from '@/lib/glossary/layers';
import type { EntitySummary } from '@/lib/glossary/personal';
import { kindLabel } from './kind-labels';
import { PageUnavailable } from './PageUnavailable';
import { errorText, plural, t } from './i18n';

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
/** Up and down arrows move focus between the buttons of a list's rows. */
function moveBetweenRows(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('li > button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
}

export function PopupApp({ send, sendToTab, openReadingList, openGlossary, openOptions, close }: PopupAppProps) {
  const [browse, setBrowse] = useState<{ entities: EntitySummary[]; total: number } | undefined>();
  const [found, setFound] = useState<{ query: string; entities: EntitySummary[] } | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<string | undefined>();
  const [shown, setShown] = useState<{ entity: EntityLayers<EntryView>; names: Map<string, string> } | undefined>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [onPageNames, setOnPageNames] = useState<Map<string, { name: string; kind: EntryKind }>>(new Map());
  const [build, setBuild] = useState<{ busy: boolean; message?: string }>({ busy: false });
  const inputAt = useRef<number | undefined>(undefined);
  const searchBox = useRef<HTMLInputElement>(null);

  // The glossary is searched in the background, which holds it (with a thousand articles read,
  // tens of thousands of entries): the popup receives one page of results, never the whole.
  const load = useCallback(() => {
    const fail = (e: unknown) => setError(errorText(e));
    send({ type: 'glossaryEntities', offset: 0, limit: MAX_RESULTS, includeHidden: false }).then(setBrowse, fail);
    send({ type: 'getSettings' }).then(setSettings, fail);
    Promise.all([sendToTab({ type: 'pageInfo' }), sendToTab({ type: 'pageTerms' })]).then(
      ([info, terms]) => {
        setPage({ status: 'ready', hostname: info.hostname, terms });
        // Each entry on the page by its entity's name: Russia in the World pack and in the article is one line.
        send({ type: 'getEntries', keys: terms.map((term) => term.key) }).then((entries) => {
          const names = new Map<string, { name: string; kind: EntryKind }>();
          for (const entity of layerEntries(entries))
            for (const k of entity.keys) names.set(k, { name: entity.name, kind: entity.kind });
          setOnPageNames(names);
        }, fail);
      },
      () => setPage({ status: 'unavailable' }),
    );
  }, [send, sendToTab]);
  useEffect(load, [load]);

  // Every keystroke asks; an answer to an older query than the box holds is dropped.
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    send({ type: 'glossaryEntities', query: q, offset: 0, limit: MAX_RESULTS, includeHidden: false }).then(
      ({ entities }) => current && setFound({ query: q, entities }),
      (e: unknown) => current && setError(errorText(e)),
    );
    return () => {
      current = false;
    };
  }, [query, send]);

  // An entity opened: all its layers, and the names of its related entries (for their links).
  useEffect(() => {
    if (!detail) {
      setShown(undefined);
      return;
    }
    let current = true;
    void (async () => {
      const answer = await send({ type: 'glossaryEntity', key: detail });
      const entries = answer?.entries.filter((e) => !e.hidden) ?? [];
      const related = entries.flatMap((e) => e.related.map((id) => `${e.packId}/${id}`));
      const names = new Map((await send({ type: 'getEntries', keys: related })).map((e) => [e.key, e.name]));
      const entity = layerEntries(entries)[0];
      if (current) setShown(entity ? { entity, names } : undefined);
    })().catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [detail, send]);

  /** Builds a glossary from the page, whether or not it looks like an article, then shows what it marks. */
  const buildFromPage = () => {
    setBuild({ busy: true });
    sendToTab({ type: 'buildGlossary' }).then(
      ({ message }) => {
        setBuild({ busy: false, message });
        load();
      },
      (e: unknown) => setBuild({ busy: false, message: t('popupBuildFailed', errorText(e)) }),
    );
  };

  // With no query, the list browses the glossary alphabetically; with one, it ranks matches.
  const searching = query.trim() !== '';
  const results = searching ? (found?.query === query.trim() ? found.entities : []) : (browse?.entities ?? []);
  const answered = !searching || found?.query === query.trim();

  // Time per keystroke, from the input event to the rendered results (`npm run bench`).
  useLayoutEffect(() => {
    if (inputAt.current === undefined || !answered) return;
    performance.measure('glossa-search', { start: inputAt.current, end: performance.now() });
    inputAt.current = undefined;
  }, [results, answered]);

  const updateSettings = (patch: Partial<Settings>) =>
    send({ type: 'updateSettings', patch }).then(setSettings, (e: unknown) => setError(errorText(e)));

  // One line per entity on the page.
  const onPage = useMemo(() => {
    if (page.status !== 'ready') return [];
    const seen = new Set<string>();
    return page.terms.filter((term) => {
      const name = onPageNames.get(term.key)?.name ?? term.key;
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
  }, [page, onPageNames]);
  if (detail && shown) {
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
          {t('popupBackToResults')}
        </button>
        <div class="card">
          <EntityDetails entity={shown.entity} titled relatedName={(k) => shown.names.get(k)} onShowEntry={setDetail} />
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
      if (hit) setDetail(hit.id);
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
        <h1>{t('extName')}</h1>
        <nav class="links">
          <button type="button" class="link" onClick={openReadingList}>
            {t('popupReadingList')}
          </button>
          <button type="button" class="link" onClick={openGlossary}>
            {t('popupGlossary')}
          </button>
          <button type="button" class="link" onClick={openOptions}>
            {t('popupOptions')}
          </button>
        </nav>
      </header>
      <input
        ref={searchBox}
        type="search"
        placeholder={t('commonSearchGlossary')}
        aria-label={t('commonSearchGlossary')}
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
          {t('popupLoadFailed', error)}
        </p>
      )}
      {!browse && !error && <p class="muted">{t('popupLoadingGlossary')}</p>}
      {searching && answered && results.length === 0 && (
        <p class="muted" role="status">
          {t('popupNoMatch', query.trim())}
        </p>
      )}
      {!query.trim() && (
        <section class="on-page" aria-labelledby="on-page-title">
          <h2 id="on-page-title">{t('popupOnThisPage')}</h2>
          {page.status === 'loading' && <p class="muted">{t('popupLookingAtPage')}</p>}
          {page.status === 'unavailable' && <PageUnavailable />}
          {page.status === 'ready' && page.terms.length === 0 && (
            <p class="muted">{siteOff || settings?.enabled === false ? t('popupOffHere') : t('popupNoTerms')}</p>
          )}
          {page.status === 'ready' && !siteOff && settings?.enabled !== false && settings?.buildMode !== 'never' && (
            <p class="build">
              <button type="button" class="secondary" disabled={build.busy} onClick={buildFromPage}>
                {build.busy ? t('popupBuilding') : t('popupBuild')}
              </button>{' '}
              <span class="muted" role="status">
                {build.message ?? ''}
              </span>
            </p>
          )}
          {page.status === 'ready' && page.terms.length > 0 && (
            // The glossary page's rows (name, then kind and count); arrow keys move between them.
            <ul class="entities" onKeyDown={moveBetweenRows}>
              {onPage.map((term) => {
                const known = onPageNames.get(term.key);
                return (
                  <li key={term.key}>
                    <button
                      type="button"
                      class="link term"
                      onClick={() => void sendToTab({ type: 'revealTerm', key: term.key })}
                    >
                      {known?.name ?? term.key}
                    </button>{' '}
                    <span class="muted">
                      {known ? `${kindLabel(known.kind)} · ` : ''}
                      {plural('countMentions', term.count)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      {!searching && browse && (
        <h2 class="list-title">
          {plural('popupGlossaryCount', browse.total)}
          {browse.total > MAX_RESULTS && <span class="muted"> {t('popupTypeToSearch')}</span>}
        </h2>
      )}
      {/* Focusable: a list longer than the popup scrolls, and keyboard users must reach it too. */}
      <ul class="results" id="glossa-results" role="listbox" aria-label={t('popupResultsLabel')} tabIndex={0}>
        {results.map((e, i) => (
          <li
            key={e.id}
            id={`glossa-result-${i}`}
            role="option"
            aria-selected={i === active}
            aria-label={e.name}
            onClick={() => setDetail(e.id)}
            onMouseEnter={() => setActive(i)}
          >
            <span class="name">{e.name}</span> <span class="kind">{kindLabel(e.kind)}</span>
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
            {t('popupHighlightAll')}
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
              {t('popupHighlightSite', site)}
            </label>
          )}
        </section>
      )}
    </main>
  );
}
