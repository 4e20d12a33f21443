import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ENTRY_ORIGINS, type EntitySummary, type EntryOrigin } from '@/lib/glossary/personal';
import type { BackgroundClient } from '@/lib/messages';
import { BlockedWords } from './BlockedWords';
import { GlossaryEntityView } from './GlossaryEntityView';
import { GlossarySources } from './GlossarySources';
import { errorText, plural, t } from './i18n';
import { kindLabel } from './kind-labels';
import { originLabel } from './origin-labels';

export interface GlossaryAppProps {
  readonly send: BackgroundClient;
  /** Offers a file to the reader (a download). */
  download(name: string, type: string, text: string): void;
  /** The entry whose entity opens first (`?entry=`). */
  readonly initialEntry?: string;
  /** The search the page starts with (`?q=`). */
  readonly initialQuery?: string;
  /** Told which entity is open, so the address can follow. */
  onShowEntry?(key: string | undefined): void;
}

/** Entities asked for at a time. */
const PAGE_SIZE = 100;
/** Typing pauses this long before a search is sent. */
const SEARCH_DELAY_MS = 120;

interface Listing {
  /** The search and source it answers, so an answer for older ones is not shown as current. */
  readonly key: string;
  readonly entities: EntitySummary[];
  readonly total: number;
}

type Notice = { readonly text: string; readonly tone: 'info' | 'error' };

/**
 * The personal glossary: every entity the reader's packs and articles name, browsed by source
 * and searched with the popup's ranking; one opens to be edited, merged, split or hidden.
 * The background holds the glossary and answers a page of it at a time.
 */
export function GlossaryApp({ send, download, initialEntry, initialQuery = '', onShowEntry }: GlossaryAppProps) {
  const [query, setQuery] = useState(initialQuery);
  const [search, setSearch] = useState(initialQuery.trim());
  const [origin, setOrigin] = useState<EntryOrigin | ''>('');
  const [listing, setListing] = useState<Listing | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [open, setOpen] = useState<string | undefined>(initialEntry);
  const [openName, setOpenName] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  // Bumped after every change the reader makes: the list, the open entity and the sources read again.
  const [version, setVersion] = useState(0);
  // Each first-page load gets a number: an answer for an older search is dropped.
  const generation = useRef(0);
  const listingRef = useRef(listing);
  listingRef.current = listing;

  const fail = useCallback((e: unknown) => setNotice({ text: errorText(e), tone: 'error' }), []);
  const changed = useCallback((text: string, next?: string) => {
    setNotice({ text, tone: 'info' });
    if (next) setOpen(next);
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    const next = query.trim();
    const timer = setTimeout(() => setSearch(next), next ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [query]);

  const key = JSON.stringify([search, origin]);
  useEffect(() => {
    const mine = ++generation.current;
    // After a change, as many as were shown come back, so the reader keeps their place.
    const shown = listingRef.current?.key === key ? listingRef.current.entities.length : 0;
    const limit = Math.min(1000, Math.max(PAGE_SIZE, shown));
    send({
      type: 'glossaryEntities',
      ...(search ? { query: search } : {}),
      ...(origin ? { origin } : {}),
      offset: 0,
      limit,
    }).then(
      (page) => mine === generation.current && setListing({ key, ...page }),
      (e: unknown) => mine === generation.current && fail(e),
    );
  }, [send, fail, key, search, origin, version]);

  const loadMore = async () => {
    const current = listingRef.current;
    if (!current || loadingMore) return;
    setLoadingMore(true);
    const mine = generation.current;
    try {
      const page = await send({
        type: 'glossaryEntities',
        ...(search ? { query: search } : {}),
        ...(origin ? { origin } : {}),
        offset: current.entities.length,
        limit: PAGE_SIZE,
      });
      if (mine !== generation.current) return;
      setListing((l) => {
        if (!l || l.key !== current.key) return l;
        const have = new Set(l.entities.map((e) => e.id));
        return { ...l, entities: [...l.entities, ...page.entities.filter((e) => !have.has(e.id))], total: page.total };
      });
    } catch (e) {
      fail(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const show = (key: string | undefined) => {
    setOpen(key);
    setNotice(undefined);
  };
  // Follows the open entity into the address after merges and splits too.
  useEffect(() => onShowEntry?.(open), [open, onShowEntry]);

  const entities = listing?.entities ?? [];
  const searching = listing?.key !== key;
  const filtered = Boolean(search || origin);

  return (
    <main class="glossary">
      <header class="list-header">
        <h1>{t('glossaryTitle')}</h1>
      </header>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <div class="glossary-columns">
        <section class="glossary-list" aria-labelledby="glossary-list-title">
          <h2 id="glossary-list-title" class="visually-hidden">
            {t('glossaryEntitiesHeading')}
          </h2>
          <div class="filters">
            <input
              type="search"
              placeholder={t('commonSearchGlossary')}
              aria-label={t('commonSearchGlossary')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <label>
              {t('glossarySource')}{' '}
              <select
                aria-label={t('glossaryFilterBySource')}
                value={origin}
                onChange={(e) => setOrigin(e.currentTarget.value as EntryOrigin | '')}
              >
                <option value="">{t('glossaryAllSources')}</option>
                {ENTRY_ORIGINS.map((o) => (
                  <option key={o} value={o}>
                    {originLabel(o)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p class="muted count" aria-live="polite">
            {!listing
              ? t('glossaryLoading')
              : filtered
                ? plural('glossaryMatches', listing.total)
                : plural('countEntities', listing.total)}
          </p>
          <ul class="entities" aria-busy={searching || loadingMore}>
            {entities.map((e) => (
              <li key={e.id} aria-current={open !== undefined && e.keys.includes(open) ? 'true' : undefined}>
                <button type="button" class="link" onClick={() => show(e.id)}>
                  {e.name}
                </button>{' '}
                <span class="muted">
                  {kindLabel(e.kind)} · {e.origins.map((o) => originLabel(o)).join(', ')}
                </span>
                {e.hidden && (
                  <>
                    {' '}
                    <span class="badge">{t('commonHidden')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          {listing && entities.length < listing.total && (
            <button type="button" onClick={() => void loadMore()} aria-busy={loadingMore}>
              {loadingMore ? t('commonLoading') : t('commonShowMore')}
            </button>
          )}
        </section>
        <div class="glossary-detail">
          {open ? (
            <GlossaryEntityView
              send={send}
              entryKey={open}
              version={version}
              onChanged={changed}
              onError={fail}
              onLoaded={(entity) => setOpenName(entity?.name)}
              onClose={() => show(undefined)}
            />
          ) : (
            <p class="muted">{t('glossaryChooseEntity')}</p>
          )}
          <BlockedWords send={send} suggestion={openName} version={version} onChanged={changed} onError={fail} />
        </div>
      </div>
      <GlossarySources send={send} download={download} version={version} onChanged={changed} />
    </main>
  );
}
