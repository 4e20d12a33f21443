import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FileImport } from './FileImport';
import type { ListCursor, PassageCursor, PassageFacets, PassagePage } from '@/lib/db/passages';
import type { BackgroundClient } from '@/lib/messages';
import { toCsv, toJson, toMarkdown } from '@/lib/passages/export';
import type { Passage } from '@/lib/passages/schema';
import { PassageGroup } from './PassageGroup';
import { PassageItem } from './PassageItem';
import { type PausableTimer, startPausableTimer } from './pausable-timer';
import { Toast } from './Toast';
import { errorText, plural, t, translate } from './i18n';

export interface ReadingListAppProps {
  readonly send: BackgroundClient;
  /** Offers a file to the reader (a download). */
  download(name: string, type: string, text: string): void;
}

/** Passages asked for at a time as the reader scrolls. */
const PAGE_SIZE = 50;
/** Passages asked for at a time by an export (the background's largest page). */
const EXPORT_PAGE_SIZE = 1000;
/** Typing pauses this long before a search is sent. */
const SEARCH_DELAY_MS = 150;
/** How far below the visible list the next page starts loading. */
const PRELOAD_MARGIN = '800px 0px';
/** An information toast goes after this long, unless held (pointer over it, focus in it). */
const NOTICE_MS = 6000;

/** What the list shows: the filters as sent to the background (empty ones left out). */
interface Filters {
  readonly query?: string;
  readonly site?: string;
  readonly tag?: string;
  readonly entry?: string;
  readonly order: 'newest' | 'oldest';
}

/** The pages loaded so far for one set of filters. */
interface Listing {
  readonly key: string;
  readonly filters: Filters;
  readonly passages: Passage[];
  readonly next?: ListCursor;
  /** How many match, when the background could count them. */
  readonly total?: number;
}

type Notice = {
  readonly text: string;
  readonly tone: 'info' | 'error';
  /** A deleted passage, and the listing it was deleted from. */
  readonly undo?: { readonly passage: Passage; readonly key: string };
};

const isFiltered = (f: Filters) => Boolean(f.query || f.site || f.tag || f.entry);
const count = (n: number) => plural('countPassages', n);

/**
 * Passages grouped by article: each run of consecutive passages from one page (URL) is a group.
 * The list is paged by passage, newest first (or best first for a search): a group split by a
 * page boundary joins up when the next page loads, and an article saved from again later,
 * after others, heads a group of its own there, so groups stay in the order of their latest save.
 */
function groupByArticle(passages: readonly Passage[]): { url: string; passages: Passage[] }[] {
  const groups: { url: string; passages: Passage[] }[] = [];
  for (const p of passages) {
    const last = groups.at(-1);
    if (last && last.url === p.url) last.passages.push(p);
    else groups.push({ url: p.url, passages: [p] });
  }
  return groups;
}

/** The listing order, as the background sorts: time, then id. Negative when `a` comes first. */
function compare(order: Filters['order'], a: PassageCursor, b: PassageCursor): number {
  const ascending = a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return order === 'newest' ? -ascending : ascending;
}

/**
 * A User Timing measure from `start` to the frame that shows the page just loaded (the render
 * is committed before the next animation frame): what `npm run bench` reads.
 */
function measure(name: string, start: number, detail: Filters): void {
  requestAnimationFrame(() => performance.measure(name, { start, detail }));
}

/**
 * The reading list: search, filter, sort, edit, delete with undo, export and import. It holds
 * only the pages it has loaded: the background filters, searches and sorts through its indexes
 * and answers 50 passages at a time; more load as the reader scrolls (or presses "Show more").
 */
export function ReadingListApp({ send, download }: ReadingListAppProps) {
  const [listing, setListing] = useState<Listing | undefined>();
  const [stored, setStored] = useState<number | undefined>();
  const [facets, setFacets] = useState<PassageFacets>({ sites: [], tags: [], entries: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [entry, setEntry] = useState('');
  const [newestFirst, setNewestFirst] = useState(true);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [exporting, setExporting] = useState(false);
  // Each first-page load gets a number: an answer for older filters is dropped.
  const generation = useRef(0);
  const summaries = useRef(0);
  const busy = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const listingRef = useRef(listing);
  listingRef.current = listing;

  // An information toast goes by itself after a while, held while the reader points at it or
  // has focus in it; an error stays until dismissed.
  const noticeTimer = useRef<PausableTimer | undefined>(undefined);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = startPausableTimer(NOTICE_MS, () => setNotice((n) => (n === notice ? undefined : n)));
    noticeTimer.current = timer;
    return () => timer.cancel();
  }, [notice]);

  const fail = useCallback((e: unknown) => setNotice({ text: errorText(e), tone: 'error' }), []);

  useEffect(() => {
    send({ type: 'listEntries' }).then(
      (entries) => setNames(new Map(entries.map((e) => [e.key, e.name]))),
      () => undefined,
    );
  }, [send]);

  // Full-text search runs in the background, once typing pauses.
  useEffect(() => {
    const next = query.trim();
    const timer = setTimeout(() => setSearch(next), next ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [query]);

  const filters = useMemo<Filters>(
    () => ({
      ...(search ? { query: search } : {}),
      ...(site ? { site } : {}),
      ...(tag ? { tag } : {}),
      ...(entry ? { entry } : {}),
      order: newestFirst ? 'newest' : 'oldest',
    }),
    [search, site, tag, entry, newestFirst],
  );
  const key = JSON.stringify(filters);

  const counted = (page: PassagePage<ListCursor>) => {
    if (page.stored !== undefined) setStored(page.stored);
    if (page.facets) setFacets(page.facets);
  };

  /** Loads the first page for these filters, replacing what is shown. */
  const loadFirst = useCallback(
    async (filters: Filters) => {
      const mine = ++generation.current;
      const started = performance.now();
      try {
        const page = await send({ type: 'listPassages', ...filters, limit: PAGE_SIZE });
        if (mine !== generation.current) return;
        setListing({
          key: JSON.stringify(filters),
          filters,
          passages: page.passages,
          next: page.next,
          total: page.total,
        });
        counted(page);
        measure('glossa-list-page', started, filters);
      } catch (e) {
        if (mine === generation.current) fail(e);
      }
    },
    [send, fail],
  );

  /** The counts and the filters' choices again, after a change that may alter them. */
  const refreshFacets = useCallback(
    (report = false) => {
      const started = performance.now();
      const mine = ++summaries.current;
      return send({ type: 'listPassages', limit: 0, facets: true }).then(
        (page) => {
          // An older answer, overtaken by a newer request, would bring back counts already changed.
          if (mine !== summaries.current) return;
          counted(page);
          measure('glossa-list-summary', started, { order: 'newest' });
        },
        // When the list opens, a failure is said; a later refresh failing leaves the counts as they were.
        (e: unknown) => report && fail(e),
      );
    },
    [send, fail],
  );

  useEffect(() => {
    void loadFirst(filters);
  }, [loadFirst, filters]);
  // The filters' choices come in a request of their own, so the first page does not wait for them.
  useEffect(() => {
    void refreshFacets(true);
  }, [refreshFacets]);

  const loadMore = useCallback(async () => {
    const current = listingRef.current;
    if (!current?.next || busy.current) return;
    busy.current = true;
    setLoadingMore(true);
    const mine = generation.current;
    const started = performance.now();
    try {
      const page = await send({ type: 'listPassages', ...current.filters, cursor: current.next, limit: PAGE_SIZE });
      if (mine !== generation.current) return;
      setListing((l) => {
        if (!l || l.key !== current.key) return l;
        const have = new Set(l.passages.map((p) => p.id));
        return { ...l, passages: [...l.passages, ...page.passages.filter((p) => !have.has(p.id))], next: page.next };
      });
      measure('glossa-list-more', started, current.filters);
    } catch (e) {
      fail(e);
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  }, [send, fail]);

  // The next page loads when the end of the list comes near. The observer is made again after
  // every page, so a page that leaves the end still in view is followed by the next one.
  useEffect(() => {
    const end = sentinel.current;
    if (!end || !listing?.next || loadingMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && void loadMore(), {
      rootMargin: PRELOAD_MARGIN,
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [listing, loadingMore, loadMore]);

  const replace = (next: Passage) =>
    setListing((l) => l && { ...l, passages: l.passages.map((p) => (p.id === next.id ? next : p)) });

  const remove = async (p: Passage) => {
    try {
      const deleted = await send({ type: 'deletePassage', id: p.id });
      setListing(
        (l) =>
          l && {
            ...l,
            passages: l.passages.filter((x) => x.id !== p.id),
            total: deleted && l.total !== undefined ? l.total - 1 : l.total,
          },
      );
      if (deleted) {
        setStored((n) => (n === undefined ? n : n - 1));
        setNotice({ text: t('listDeleted'), tone: 'info', undo: { passage: deleted, key } });
        void refreshFacets();
      }
    } catch (e) {
      fail(e);
    }
  };

  const undoDelete = async ({ passage, key: from }: NonNullable<Notice['undo']>) => {
    try {
      await send({ type: 'restorePassage', passage });
      setNotice({ text: t('listRestored'), tone: 'info' });
      const current = listingRef.current;
      if (current?.key === from && !current.filters.query) {
        // Back where it was, if that place is among the pages loaded; otherwise a later page has it.
        const { order } = current.filters;
        const last = current.passages.at(-1);
        setStored((n) => (n === undefined ? n : n + 1));
        setListing((l) => {
          if (!l || l.key !== from || l.passages.some((p) => p.id === passage.id)) return l;
          const total = l.total === undefined ? undefined : l.total + 1;
          if (l.next && 'savedAt' in l.next && last && compare(order, passage, last) > 0) return { ...l, total };
          const at = l.passages.findIndex((p) => compare(order, passage, p) < 0);
          const passages = [...l.passages];
          passages.splice(at < 0 ? passages.length : at, 0, passage);
          return { ...l, passages, total };
        });
        void refreshFacets();
      } else {
        await loadFirst(filters);
        void refreshFacets();
      }
    } catch (e) {
      fail(e);
    }
  };

  const importFile = async (file: File) => {
    try {
      const { added, skipped, rejected, problems } = await send({ type: 'importPassages', text: await file.text() });
      const reasons = `${problems
        .slice(0, 3)
        .map((p) => translate(p.reason))
        .join('; ')}${rejected > 3 ? '…' : ''}`;
      const notes = [
        ...(skipped ? [t('listAlreadyHere', skipped.toLocaleString())] : []),
        ...(rejected ? [t('listLeftOutUnsafe', rejected.toLocaleString(), reasons)] : []),
      ];
      setNotice({
        text: notes.length
          ? t('listImportedWithNotes', count(added), notes.join('; '))
          : t('listImported', count(added)),
        tone: rejected ? 'error' : 'info',
      });
      await loadFirst(filters);
      void refreshFacets();
    } catch (e) {
      setNotice({ text: t('commonNothingImported', errorText(e)), tone: 'error' });
    }
  };

  /**
   * Every passage the export covers, read from the background a large page at a time: all of
   * them (JSON), or all that match the filters, in the order shown (Markdown, CSV). An export
   * holds them all in memory at once: it is the one place the page does, on the reader's request.
   */
  const exportFile = async (format: 'md' | 'json' | 'csv') => {
    const scope: Filters = format === 'json' ? { order: 'newest' } : filters;
    setExporting(true);
    try {
      const all: Passage[] = [];
      let cursor: ListCursor | undefined;
      do {
        const page = await send({ type: 'listPassages', ...scope, cursor, limit: EXPORT_PAGE_SIZE });
        all.push(...page.passages);
        cursor = page.next;
        if (cursor) setNotice({ text: t('listExportingSoFar', count(all.length)), tone: 'info' });
      } while (cursor);
      const stamp = new Date().toISOString().slice(0, 10);
      const name = `glossa-reading-list-${stamp}.${format}`;
      if (format === 'md') download(name, 'text/markdown', toMarkdown(all));
      else if (format === 'json') download(name, 'application/json', toJson(all));
      else download(name, 'text/csv', toCsv(all));
      if (all.length > EXPORT_PAGE_SIZE) setNotice({ text: t('listExported', count(all.length)), tone: 'info' });
    } catch (e) {
      setNotice({ text: t('commonNothingExported', errorText(e)), tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const passages = listing?.passages ?? [];
  // Nothing stored: counted so, or the whole list, unfiltered, came back empty.
  const empty = stored === 0 || (!!listing && !isFiltered(listing.filters) && !passages.length && !listing.next);
  const searching = listing?.key !== key;

  /**
   * What the list holds, said plainly: exact counts when the background could count (the
   * number stored comes in its own request, a moment after the first page), and "so far" when
   * it could not count the matches without reading every passage.
   */
  const summary = (): string => {
    if (!listing || empty) return '';
    const loaded = passages.length;
    const { total, next } = listing;
    /** "3 passages match", or "3 of 10 passages match" once the number stored is known. */
    const matching = (n: number) =>
      stored === undefined ? plural('listMatch', n) : plural('listMatchOfStored', n, count(stored));
    if (!isFiltered(listing.filters)) {
      const newest = listing.filters.order === 'newest';
      const shown = loaded.toLocaleString();
      if (stored === undefined) {
        if (!next) return count(loaded);
        return newest ? t('listShowingFirst', shown) : t('listShowingFirstOldest', shown);
      }
      if (loaded >= stored) return count(stored);
      return newest ? t('listStoredShowing', count(stored), shown) : t('listStoredShowingOldest', count(stored), shown);
    }
    if (total !== undefined) {
      return loaded < total ? t('listMatchShowing', matching(total), loaded.toLocaleString()) : matching(total);
    }
    if (next) {
      return stored === undefined
        ? t('listFoundSoFar', count(loaded))
        : t('listFoundSoFarOfStored', count(loaded), count(stored));
    }
    return matching(loaded);
  };

  return (
    <main class="reading-list">
      <header class="list-header">
        <h1>{t('readingListTitle')}</h1>
        <div class="row">
          <button type="button" disabled={!listing || empty || exporting} onClick={() => void exportFile('md')}>
            {t('listExportMarkdown')}
          </button>
          <button type="button" disabled={!listing || empty || exporting} onClick={() => void exportFile('json')}>
            {t('listExportJson')}
          </button>
          <button type="button" disabled={!listing || empty || exporting} onClick={() => void exportFile('csv')}>
            {t('listExportCsv')}
          </button>
          <FileImport label={t('listImportJson')} onFile={(file) => void importFile(file)} />
        </div>
      </header>
      {notice && (
        <Toast
          message={notice.text}
          tone={notice.tone}
          {...(notice.undo ? { action: { label: t('commonUndo'), onClick: () => void undoDelete(notice.undo!) } } : {})}
          onDismiss={() => setNotice(undefined)}
          onHold={(held) => noticeTimer.current?.hold(held)}
        />
      )}
      <div class="filters">
        <input
          type="search"
          placeholder={t('listSearch')}
          aria-label={t('listSearch')}
          title={t('listSearchHelp')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label>
          {t('listSite')}{' '}
          <select aria-label={t('listFilterBySite')} value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">{t('listAllSites')}</option>
            {facets.sites.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          {t('listTag')}{' '}
          <select aria-label={t('listFilterByTag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{t('listAllTags')}</option>
            {facets.tags.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          {t('listEntry')}{' '}
          <select aria-label={t('listFilterByEntry')} value={entry} onChange={(e) => setEntry(e.currentTarget.value)}>
            <option value="">{t('listAllEntries')}</option>
            {facets.entries.map((k) => (
              <option key={k} value={k}>
                {names.get(k) ?? k}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('listSort')} {/* A search is ranked, best match first: the date order comes back when it is cleared. */}
          <select
            aria-label={t('listSortByDate')}
            value={search ? 'best' : newestFirst ? 'newest' : 'oldest'}
            disabled={Boolean(search)}
            onChange={(e) => setNewestFirst(e.currentTarget.value === 'newest')}
          >
            {search && <option value="best">{t('listBestFirst')}</option>}
            <option value="newest">{t('listNewestFirst')}</option>
            <option value="oldest">{t('listOldestFirst')}</option>
          </select>
        </label>
      </div>
      {!listing && <p class="muted">{t('listLoading')}</p>}
      {listing && empty && <p class="muted">{t('listEmpty', t('menuSavePassage'), t('cardSavePassage'))}</p>}
      {listing && !empty && passages.length === 0 && !listing.next && (
        <p class="muted" role="status">
          {t('listNoMatch')}
        </p>
      )}
      <p class="muted count" aria-live="polite">
        {summary()}
      </p>
      <div class="passages" aria-busy={searching || loadingMore}>
        {groupByArticle(passages).map((group) => (
          <PassageGroup
            key={group.passages[0]!.id}
            id={`group-${group.passages[0]!.id}`}
            url={group.url}
            title={group.passages[0]!.title}
            site={group.passages[0]!.site}
            latest={Math.max(...group.passages.map((p) => p.savedAt))}
            count={group.passages.length}
          >
            {group.passages.map((p) => (
              <PassageItem
                key={p.id}
                passage={p}
                entryName={(k) => names.get(k)}
                onOpen={() => void send({ type: 'openPassage', id: p.id }).catch(fail)}
                onSave={(patch) =>
                  send({ type: 'updatePassage', id: p.id, ...patch }).then(
                    (next) => {
                      replace(next);
                      if (patch.tags) void refreshFacets();
                    },
                    (e: unknown) => {
                      setNotice({ text: t('listChangeNotSaved', errorText(e)), tone: 'error' });
                      throw e;
                    },
                  )
                }
                onDelete={() => void remove(p)}
              />
            ))}
          </PassageGroup>
        ))}
      </div>
      {listing?.next && (
        <div class="row" ref={sentinel}>
          <button type="button" onClick={() => void loadMore()} aria-busy={loadingMore}>
            {loadingMore ? t('commonLoading') : passages.length ? t('commonShowMore') : t('listKeepSearching')}
          </button>
        </div>
      )}
    </main>
  );
}
