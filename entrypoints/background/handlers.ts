/** What the background does for each request. */
import { linkToReferences } from '@/lib/glossary/layers';
import { createLruCache } from '@/lib/match/lru-cache';
import { isWebUrl } from '@/lib/passages/url';
import { createRateLimiter } from '@/lib/rate-limit';
import {
  compilePageMatcher,
  getEntries,
  importUserPack,
  isOwnPageOrigin,
  listEntries,
  listPacks,
  packEntries,
  packHash,
  pagePackId,
  publicEntries,
  publicGlossaryVersion,
  removeUserPack,
  savePagePack,
} from '@/lib/db/glossary';
import { buildPagePack, pageSourceUrl } from '@/lib/glossary/page-build';
import type { StoredEdit, StoredEntry, StoredPack } from '@/lib/db/database';
import {
  deletePassage,
  getPassage,
  importPassages,
  listPassages,
  passagesForUrl,
  recordFound,
  restorePassage,
  savePassage,
  updatePassage,
} from '@/lib/db/passages';
import { parseExport } from '@/lib/passages/export';
import { createReadingListSearch } from '@/lib/search/reading-list-search';
import { pageUrlsFor } from '@/lib/passages/page-match';
import {
  addHandEntry,
  blockedForms,
  blockForm,
  deleteBuiltPack,
  editedEntry,
  editEntry,
  entriesToMatch,
  forgetArticlesOlderThan,
  handPackId,
  mergeEntries,
  type ReaderChanges,
  readerChanges,
  setHidden,
  splitEntry,
  unblockForm,
} from '@/lib/db/personal';
import { buildPersonalGlossary, type PersonalGlossary } from '@/lib/glossary/personal';
import { PACK_FORMAT, parsePack } from '@/lib/glossary/schema';
import type { CompiledMatcher } from '@/lib/match/compiled';
import { type BlockMatches, matchBlocks } from '@/lib/match/block-matches';
import { createScanner, type Scanner } from '@/lib/match/scan';
import type { BackgroundRequest, BackgroundResponses, EntryView } from '@/lib/messages';
import { isActiveOn, type Settings } from '@/lib/settings';
import { UserError } from '@/lib/user-message';
import type { SettingsStore } from './settings-store';
import type { Toolbar } from './toolbar';

interface PersonalStateEntry {
  /** The entry with the reader's edit applied. */
  readonly entry: StoredEntry;
  readonly pack: StoredPack;
  readonly hidden: boolean;
  readonly edit?: StoredEdit;
}

interface PersonalState {
  readonly entries: ReadonlyMap<string, PersonalStateEntry>;
  readonly glossary: PersonalGlossary;
  readonly packs: ReadonlyMap<string, StoredPack>;
}

/** The tab of a request a web page's content script sent, if one did (not an extension page). */
function webPageTab(context: RequestContext): number | undefined {
  return context.tabId !== undefined && context.senderUrl !== undefined && isWebUrl(context.senderUrl)
    ? context.tabId
    : undefined;
}

/** A stamp of the reader's changes that alter marking (edits, hidden, blocked words). */
function changesStamp(changes: ReaderChanges): string {
  let latest = 0;
  for (const e of changes.edits.values()) latest = Math.max(latest, e.editedAt);
  return `${changes.edits.size}.${latest}.${[...changes.blocked].sort().join(',')}`;
}

export interface HandlerDeps {
  /** Resolves once the bundled glossary is seeded. */
  ready: Promise<void>;
  /** Tells every open page that the glossary changed (settings changes reach pages through storage). */
  broadcast(message: { type: 'glossaryChanged' }): Promise<void>;
  /** The reader's settings, in the browser's sync storage. */
  settings: SettingsStore;
  /** Opens a page in a new tab; resolves to the tab's id. */
  openTab(url: string): Promise<number | undefined>;
  /** Opens one of Glossa's own pages ("/glossary.html?entry=…") in a new tab. */
  openExtensionPage(path: `/glossary.html${string}`): Promise<void>;
  /** The toolbar button of each tab: muted where Glossa is off, a badge with the page's entries. */
  toolbar?: Toolbar;
}

export interface RequestContext {
  /** The tab of the content script that sent the request, if a content script sent it. */
  readonly tabId?: number;
  /** The URL of the page or frame that sent the request. */
  readonly senderUrl?: string;
}

export interface Handlers {
  handle(request: BackgroundRequest, context: RequestContext): Promise<unknown>;
}

/**
 * One handler per request type, each typed with its own request and reply: a handler that
 * answers the wrong shape, or a request type without a handler, does not compile.
 */
export type HandlerMap = {
  [K in BackgroundRequest['type']]: (
    request: Extract<BackgroundRequest, { type: K }>,
    context: RequestContext,
  ) => Promise<BackgroundResponses[K]>;
};

/**
 * Compiled matchers for pages with a pack of their own, kept by version (public glossary +
 * page pack). A reload or a return to a tab reuses one instead of recompiling the whole public
 * glossary; each holds the public entries' automaton (a few MB with 10,000 entries), so few.
 */
const PAGE_MATCHER_CACHE_SIZE = 4;

/**
 * Saves a tab may make: a reader saves a passage every few seconds at most; a page that drove
 * the UI could save hundreds. Ten a minute leaves the reader room and the page none.
 */
const SAVES_PER_TAB = { max: 10, windowMs: 60_000 };

/** How long after a save the page that made it may undo it. */
const UNDO_WINDOW_MS = 2 * 60_000;

export function createHandlers({
  ready,
  broadcast,
  openTab,
  openExtensionPage,
  toolbar,
  settings: settingsStore,
}: HandlerDeps): Handlers {
  const getSettings = () => settingsStore.get();
  /**
   * The settings a page asked for, and whether Glossa is on for its site. A page asks on every
   * load and change: its tab's icon follows the answer.
   */
  async function settingsForPage(context: RequestContext): Promise<{ settings: Settings; active: boolean }> {
    const settings = await getSettings();
    const tabId = webPageTab(context);
    const active = tabId === undefined || isActiveOn(settings, new URL(context.senderUrl!).hostname);
    if (tabId !== undefined) void toolbar?.siteState(tabId, active);
    return { settings, active };
  }
  // The public glossary (bundled and imported packs), compiled once per change and kept for the
  // service worker's lifetime; a page's own pack is added to it per request.
  let base:
    Promise<{ entries: StoredEntry[]; version: string; matcher: CompiledMatcher; changes: ReaderChanges }> | undefined;
  const loadBase = async () => {
    const [raw, packsVersion, changes] = await Promise.all([publicEntries(), publicGlossaryVersion(), readerChanges()]);
    // The reader's edits, hidden entries and blocked words change what marks: they are in the version.
    const version = `${packsVersion}|${changesStamp(changes)}`;
    const entries = entriesToMatch(raw, changes);
    return { entries, version, matcher: compilePageMatcher(entries, version), changes };
  };
  // The whole personal glossary (every pack, edited, grouped into entities), for cards' other
  // articles and the glossary page; built on first use after a change.
  let personal: Promise<PersonalState> | undefined;
  // Every entry as stored, kept apart from the grouping: the reader's edits, merges, hidden
  // entries and blocked words change the grouping only, so an edit on the glossary page regroups
  // (~0.2 s at 1,000 articles) without reading every entry again (most of the ~1 s).
  let stored: Promise<{ raw: StoredEntry[]; packs: StoredPack[] }> | undefined;
  const loadStored = async () => {
    const [raw, packs] = await Promise.all([listEntries(), listPacks()]);
    return { raw, packs };
  };
  const loadPersonal = async (): Promise<PersonalState> => {
    const [{ raw, packs }, changes] = await Promise.all([(stored ??= loadStored()), readerChanges()]);
    const packById = new Map(packs.map((p) => [p.id, p]));
    const entries = new Map<string, PersonalStateEntry>();
    for (const e of raw) {
      const pack = packById.get(e.packId);
      if (!pack) continue;
      const edit = changes.edits.get(e.key);
      entries.set(e.key, { entry: editedEntry(e, edit), pack, hidden: edit?.hidden === true, edit });
    }
    const glossary = buildPersonalGlossary(
      [...entries.values()].map(({ entry, pack, hidden, edit }) => ({
        ...entry,
        hidden,
        edited: edit?.name !== undefined,
        pack: { origin: pack.origin, installedAt: pack.installedAt },
      })),
      changes.links,
    );
    // The search index is built just after the first answer, not before it: the list shows at
    // once, and a search a moment later finds the index ready (1,000 articles: ~0.4 s to build).
    setTimeout(() => glossary.warmSearch(), 0);
    return { entries, glossary, packs: packById };
  };
  const pageMatchers = createLruCache<string, CompiledMatcher>(PAGE_MATCHER_CACHE_SIZE);
  /** The page's packs' hashes, as one: with the public glossary's version, its matcher's cache key. */
  const pagePacksHash = (hashes: readonly (string | undefined)[]) =>
    hashes
      .filter((h) => h !== undefined)
      .map((h) => h.slice(0, 16))
      .join('+');
  /** A page matcher's cache key: the public glossary's version and its page packs' hash. */
  const pageMatcherKey = (version: string, packsHash: string) => `${version}+${packsHash}`;
  const pageMatcher = (entries: StoredEntry[], version: string, page: { hash: string; entries: StoredEntry[] }) =>
    pageMatchers.getOrCreate(pageMatcherKey(version, page.hash), () => compilePageMatcher(entries, version, page));
  const saveLimit = createRateLimiter(SAVES_PER_TAB);
  // Which tab made each recent save: only that tab may undo it, and only for a short while.
  // Kept in memory on purpose: after a service-worker restart, undo falls back to the reading list.
  const recentSaves = new Map<string, { tabId: number; at: number }>();
  // The reading list's ranked search: its index is built on the first search, then kept current here.
  const passageSearch = createReadingListSearch();
  // Tabs opened from the reading list, and the passage each should reveal once loaded.
  const pendingReveals = new Map<number, string>();
  // Passage ids each tab was told about: a page may report on those only.
  const shownToTab = new Map<number, Set<string>>();

  /** Entries as cards and the popup show them: edited by the reader, hidden ones left out. */
  async function withPacks(entries: StoredEntry[]): Promise<EntryView[]> {
    const [packList, changes] = await Promise.all([listPacks(), readerChanges()]);
    const packs = new Map(packList.map((p) => [p.id, p]));
    return entries.flatMap((raw) => {
      const pack = packs.get(raw.packId);
      const edit = changes.edits.get(raw.key);
      if (!pack || edit?.hidden) return [];
      const e = editedEntry(raw, edit);
      return [{ ...e, pack: { id: pack.id, title: pack.title, source: pack.source, origin: pack.origin } }];
    });
  }

  /** The retention setting, applied whenever an article is built (and at start). */
  async function forgetOldArticles() {
    const { forgetAfterMonths } = await getSettings();
    if (forgetAfterMonths > 0 && (await forgetArticlesOlderThan(forgetAfterMonths)) > 0) packsChanged();
  }

  /** Packs were added, replaced or removed: what is stored must be read again. */
  function packsChanged() {
    stored = undefined;
    personal = undefined;
  }

  /** `packs`: packs changed too, not only the reader's changes to them. */
  async function glossaryChanged({ packs }: { packs: boolean }) {
    base = undefined;
    personal = undefined;
    if (packs) stored = undefined;
    await broadcast({ type: 'glossaryChanged' });
  }

  const viewOf = ({ entry, pack }: PersonalStateEntry): EntryView => ({
    ...entry,
    pack: { id: pack.id, title: pack.title, source: pack.source, origin: pack.origin },
  });

  /** The packs of the page at `url` that mark it: the one built from it and the one made by hand on it. */
  async function ownPackIds(url: string | undefined): Promise<Set<string>> {
    return url ? new Set([await pagePackId(url), await handPackId(url)]) : new Set();
  }

  /** The matcher for the sender's page: the public glossary with the page's own packs, if any. */
  async function matcherForPage(context: RequestContext): Promise<BackgroundResponses['getMatcher']> {
    // Off for the page's site: its settings, and nothing to mark with.
    const { settings, active } = await settingsForPage(context);
    if (!active) return { settings };
    base ??= loadBase();
    const { entries, version, matcher } = await base;
    const url = pageSourceUrl(context.senderUrl);
    if (!url || context.tabId === undefined) return { matcher, settings };
    // The page's own packs: built from it (unless building is off) and made by hand on it.
    const ids = await Promise.all([settings.buildMode !== 'never' ? pagePackId(url) : undefined, handPackId(url)]);
    // Their hashes find a matcher compiled before without reading their entries: a revisit's
    // first marks do not wait for megabytes of a dense article's sentences.
    const hashes = await Promise.all(ids.map((id) => (id ? packHash(id) : undefined)));
    if (hashes.every((h) => h === undefined)) return { matcher, settings };
    const cached = pageMatchers.get(pageMatcherKey(version, pagePacksHash(hashes)));
    if (cached) return { matcher: cached, settings };
    const packs = (await Promise.all(ids.map((id) => (id ? packEntries(id) : undefined)))).filter(
      (p) => p !== undefined,
    );
    if (packs.length === 0) return { matcher, settings };
    const page = {
      hash: pagePacksHash(packs.map((p) => p.hash)),
      entries: entriesToMatch(
        packs.flatMap((p) => p.entries),
        (await base).changes,
      ),
    };
    return { matcher: pageMatcher(entries, version, page), settings };
  }

  /** Scanners by matcher: a page's matcher scans the next article built with it too. */
  const scanners = new WeakMap<CompiledMatcher, Scanner>();
  /**
   * The matches of an article's blocks under the matcher its page is about to ask for (the one
   * with the glossary just built): the page's scan after the build need not match again.
   */
  async function matchesFor(
    blocks: readonly string[],
    context: RequestContext,
  ): Promise<{ matches?: BlockMatches; matchMs?: number }> {
    const { matcher } = await matcherForPage(context);
    if (!matcher) return {};
    const started = performance.now();
    let scanner = scanners.get(matcher);
    if (!scanner) scanners.set(matcher, (scanner = createScanner(matcher)));
    const matches = matchBlocks(blocks, scanner);
    const matchMs = Math.round(performance.now() - started);
    return matches ? { matches, matchMs } : { matchMs };
  }

  const handlers: HandlerMap = {
    getMatcher: (_request, context) => matcherForPage(context),
    buildPageGlossary: async (request, context) => {
      // The page is the sender's own: its URL comes from the browser, never from the message.
      const url = pageSourceUrl(context.senderUrl);
      if (!url || context.tabId === undefined) throw new UserError('errorBuildWebPagesOnly');
      if ((await getSettings()).buildMode === 'never') throw new UserError('errorBuildingOff');
      const started = performance.now();
      const { pack } = buildPagePack({
        id: await pagePackId(url),
        url,
        site: new URL(url).hostname,
        title: request.title,
        published: request.published,
        lang: request.lang,
        blocks: request.blocks,
      });
      const buildMs = Math.round(performance.now() - started);
      if (!pack)
        return { outcome: 'empty' as const, entries: 0, buildMs, ...(await matchesFor(request.blocks, context)) };
      // "Ukraine" built from this page is world/ukraine: one card, the World line above the article's words.
      base ??= loadBase();
      const linked = { ...pack, entries: linkToReferences(pack.entries, (await base).entries) };
      const outcome = await savePagePack(linked);
      if (outcome !== 'unchanged') packsChanged();
      await forgetOldArticles();
      return {
        outcome: outcome === 'unchanged' ? ('unchanged' as const) : ('built' as const),
        entries: pack.entries.length,
        buildMs,
        ...(await matchesFor(request.blocks, context)),
      };
    },
    getEntries: async (request, context) => {
      // A page asks for the entries it painted after each scan: the moment to count them.
      const tabId = webPageTab(context);
      if (tabId !== undefined) void toolbar?.pageScanned(tabId);
      return withPacks(await getEntries(request.keys));
    },
    listEntries: async () => {
      return withPacks(await listEntries());
    },
    getSettings: async (_request, context) => (await settingsForPage(context)).settings,
    importPack: async (request) => {
      const result = await importUserPack(request.pack);
      if (result.outcome !== 'unchanged') await glossaryChanged({ packs: true });
      return result;
    },
    removePack: async (request) => {
      const removed = await removeUserPack(request.id);
      if (removed) await glossaryChanged({ packs: true });
      return removed;
    },
    savePassage: async (request, context) => {
      let passage = request.passage;
      if (context.tabId !== undefined) {
        if (!saveLimit.allow(context.tabId, Date.now())) throw new UserError('errorTooManySaves');
        // A page's passage is kept under the page's own URL, as the browser reports it.
        const own = pageUrlsFor(context.senderUrl)[0];
        if (!own) throw new UserError('errorSaveWebPagesOnly');
        passage = { ...passage, url: own };
      }
      const result = await savePassage(passage);
      if (!result.duplicate) passageSearch.saved(result.passage);
      if (!result.duplicate && context.tabId !== undefined) {
        recentSaves.set(result.passage.id, { tabId: context.tabId, at: Date.now() });
      }
      return result;
    },
    undoSave: async (request, context) => {
      const save = recentSaves.get(request.id);
      recentSaves.delete(request.id);
      if (!save || save.tabId !== context.tabId || Date.now() - save.at > UNDO_WINDOW_MS) return false;
      const undone = await deletePassage(request.id);
      if (undone) passageSearch.deleted(undone.id);
      return undone !== undefined;
    },
    passagesForPage: async (_request, context) => {
      const urls = pageUrlsFor(context.senderUrl);
      const passages = (await Promise.all(urls.map(passagesForUrl))).flat();
      const unique = [...new Map(passages.map((p) => [p.id, p])).values()];
      const reveal = context.tabId === undefined ? undefined : pendingReveals.get(context.tabId);
      if (context.tabId !== undefined) {
        pendingReveals.delete(context.tabId);
        shownToTab.set(context.tabId, new Set(unique.map((p) => p.id)));
      }
      return { passages: unique, ...(reveal && unique.some((p) => p.id === reveal) ? { reveal } : {}) };
    },
    reportFound: async (request, context) => {
      const allowed = context.tabId === undefined ? undefined : shownToTab.get(context.tabId);
      for (const r of request.results) {
        if (!allowed?.has(r.id)) continue;
        await recordFound(r.id, { status: r.status, at: Date.now(), ...(r.errors ? { errors: r.errors } : {}) });
      }
      return null;
    },
    listPassages: async (request) => {
      const { type: _type, cursor, query, ...rest } = request;
      // A search is ranked, best first, through the search index; a list without one is in time order.
      if (query?.trim()) return passageSearch.search({ ...rest, query, ...(cursor ? { cursor } : {}) });
      if (cursor && 'rank' in cursor) throw new Error('A list in time order goes on from a time, not a rank.');
      const page = await listPassages({ ...rest, ...(cursor ? { cursor } : {}) });
      // The reading list opened: its search index is built now, so a search a moment later finds it ready.
      if (!cursor && rest.limit) setTimeout(() => passageSearch.warm(), 0);
      return page;
    },
    updatePassage: async (request) => {
      const next = await updatePassage(request.id, { note: request.note, tags: request.tags });
      passageSearch.saved(next);
      return next;
    },
    deletePassage: async (request) => {
      const deleted = await deletePassage(request.id);
      if (deleted) passageSearch.deleted(deleted.id);
      return deleted ?? null;
    },
    restorePassage: async (request) => {
      passageSearch.saved(await restorePassage(request.passage));
      return null;
    },
    importPassages: async (request) => {
      const result = await importPassages(parseExport(request.text));
      if (result.added) passageSearch.forget();
      return result;
    },
    openPassage: async (request) => {
      const passage = await getPassage(request.id);
      if (!passage) throw new UserError('errorPassageGone');
      // Only web pages open: a passage stored before URLs were checked may hold anything.
      if (!isWebUrl(passage.url)) throw new UserError('errorPassageNotWebPage');
      const tabId = await openTab(passage.url);
      if (tabId !== undefined) pendingReveals.set(tabId, passage.id);
      return null;
    },
    updateSettings: async (request) => {
      // Open pages, and the toolbar below, follow by watching the stored settings: a change
      // synced from the reader's other browsers reaches them the same way.
      const settings = await settingsStore.update(request.patch);
      if (request.patch.forgetAfterMonths !== undefined) await forgetOldArticles();
      return settings;
    },
    getSettingsSync: () => settingsStore.syncState(),
    otherArticles: async (request, context) => {
      const own = await ownPackIds(pageSourceUrl(context.senderUrl));
      const { entries, glossary } = await (personal ??= loadPersonal());
      const asked = new Set(request.keys);
      const found = new Map<string, EntryView>();
      for (const key of request.keys) {
        const shown = entries.get(key);
        // Only what this page may show: public packs, or the page's own.
        if (!shown || shown.hidden || (isOwnPageOrigin(shown.pack.origin) && !own.has(shown.pack.id))) continue;
        for (const other of glossary.identity.keysOf(key)) {
          const e = entries.get(other);
          if (!e || e.hidden || asked.has(other) || own.has(e.pack.id)) continue;
          // Linked to the entry asked about, so the card layers it into that entity.
          const view = viewOf(e);
          found.set(other, { ...view, sameAs: [...new Set([...(view.sameAs ?? []), key])] });
        }
      }
      return [...found.values()];
    },
    addToGlossary: async (request, context) => {
      const url = pageUrlsFor(context.senderUrl)[0];
      if (!url || context.tabId === undefined) throw new UserError('errorAddWebPagesOnly');
      if (!saveLimit.allow(context.tabId, Date.now())) throw new UserError('errorTooManyAdditions');
      const entry = await addHandEntry({
        name: request.name,
        kind: 'concept',
        sentence: request.sentence,
        page: { url, site: new URL(url).hostname, title: request.title.trim() },
      });
      await glossaryChanged({ packs: true });
      return { key: entry.key, name: entry.name };
    },
    openGlossary: async (request, context) => {
      const own = await ownPackIds(pageSourceUrl(context.senderUrl));
      const { entries } = await (personal ??= loadPersonal());
      const entry = entries.get(request.key);
      // Only an entry this page may show: a page's card cannot open another page's entries.
      const key =
        entry && !entry.hidden && (!isOwnPageOrigin(entry.pack.origin) || own.has(entry.pack.id))
          ? request.key
          : undefined;
      await openExtensionPage(`/glossary.html${key ? `?entry=${encodeURIComponent(key)}` : ''}`);
      return null;
    },
    glossaryEntities: async (request) => {
      const { glossary } = await (personal ??= loadPersonal());
      const { type: _type, ...query } = request;
      return glossary.query(query);
    },
    glossaryEntity: async (request) => {
      const { entries, glossary } = await (personal ??= loadPersonal());
      const entity = glossary.entity(request.key);
      if (!entity) return null;
      const views = entity.keys.flatMap((k) => {
        const e = entries.get(k);
        return e ? [{ ...viewOf(e), hidden: e.hidden, ...(e.edit ? { edit: e.edit } : {}) }] : [];
      });
      return { entity, entries: views };
    },
    editEntry: async (request) => {
      await editEntry(request.key, request.patch);
      await glossaryChanged({ packs: false });
      return null;
    },
    hideEntries: async (request) => {
      await setHidden(request.keys, request.hidden);
      await glossaryChanged({ packs: false });
      return null;
    },
    mergeEntities: async (request) => {
      await mergeEntries(request.a, request.b);
      await glossaryChanged({ packs: false });
      return null;
    },
    splitEntry: async (request) => {
      await splitEntry(request.key);
      await glossaryChanged({ packs: false });
      return null;
    },
    blockForm: async (request) => {
      const row = await blockForm(request.text);
      await glossaryChanged({ packs: false });
      return row;
    },
    unblockForm: async (request) => {
      await unblockForm(request.form);
      await glossaryChanged({ packs: false });
      return null;
    },
    listBlockedForms: async () => blockedForms(),
    listPacks: async () => listPacks(),
    deleteBuiltPack: async (request) => {
      const deleted = await deleteBuiltPack(request.id);
      if (deleted) await glossaryChanged({ packs: true });
      return deleted;
    },
    exportPack: async (request) => {
      const { entries, packs } = await (personal ??= loadPersonal());
      const pack = packs.get(request.id);
      if (!pack) throw new UserError('errorPackGone');
      // As the reader has it: their edits applied, hidden entries left out.
      const own = [...entries.values()].filter((e) => e.pack.id === pack.id && !e.hidden);
      return parsePack(
        {
          format: PACK_FORMAT,
          id: pack.id,
          title: pack.title,
          version: pack.version,
          source: pack.source,
          entries: own.map(({ entry: { key: _key, packId: _packId, ...e } }) => e),
        },
        `The pack "${pack.title}"`,
      );
    },
  };

  void ready.then(forgetOldArticles).catch((e: unknown) => console.warn('Glossa: retention not applied:', e));
  void ready
    .then(getSettings)
    .then((settings) => toolbar?.everywhere(settings.enabled))
    .catch(() => undefined);
  settingsStore.watch((settings) => void toolbar?.everywhere(settings.enabled));

  return {
    async handle(request, context) {
      await ready;
      const handler = handlers[request.type] as (r: BackgroundRequest, c: RequestContext) => Promise<unknown>;
      return handler(request, context);
    },
  };
}
