/** What the background does for each request. */
import { linkToReferences } from '@/lib/glossary/layers';
import { createLruCache } from '@/lib/match/lru-cache';
import { isWebUrl } from '@/lib/passages/url';
import { createRateLimiter } from '@/lib/rate-limit';
import {
  compilePageMatcher,
  getEntries,
  importUserPack,
  listEntries,
  listPacks,
  packEntries,
  pagePackId,
  publicEntries,
  publicGlossaryVersion,
  removeUserPack,
  savePagePack,
} from '@/lib/db/glossary';
import { buildPagePack, pageSourceUrl } from '@/lib/glossary/page-build';
import type { StoredEntry } from '@/lib/db/database';
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
import { pageUrlsFor } from '@/lib/passages/page-match';
import { getSettings, updateSettings } from '@/lib/db/settings';
import type { CompiledMatcher } from '@/lib/match/compiled';
import type { BackgroundRequest, BackgroundResponses, EntryView } from '@/lib/messages';

export interface HandlerDeps {
  /** Resolves once the bundled glossary is seeded. */
  ready: Promise<void>;
  broadcast(message: { type: 'settingsChanged' | 'glossaryChanged' }): Promise<void>;
  /** Opens a page in a new tab; resolves to the tab's id. */
  openTab(url: string): Promise<number | undefined>;
}

export interface RequestContext {
  /** The tab of the content script that sent the request, if a content script sent it. */
  readonly tabId?: number;
  /** The URL of the page or frame that sent the request. */
  readonly senderUrl?: string;
}

export interface Handlers {
  handle(request: BackgroundRequest, context: RequestContext): Promise<BackgroundResponses[BackgroundRequest['type']]>;
}

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

export function createHandlers({ ready, broadcast, openTab }: HandlerDeps): Handlers {
  // The public glossary (bundled and imported packs), compiled once per change and kept for the
  // service worker's lifetime; a page's own pack is added to it per request.
  let base: Promise<{ entries: StoredEntry[]; version: string; matcher: CompiledMatcher }> | undefined;
  const loadBase = async () => {
    const [entries, version] = await Promise.all([publicEntries(), publicGlossaryVersion()]);
    return { entries, version, matcher: compilePageMatcher(entries, version) };
  };
  const pageMatchers = createLruCache<string, CompiledMatcher>(PAGE_MATCHER_CACHE_SIZE);
  const pageMatcher = (entries: StoredEntry[], version: string, page: { hash: string; entries: StoredEntry[] }) =>
    pageMatchers.getOrCreate(`${version}+${page.hash}`, () => compilePageMatcher(entries, version, page));
  const saveLimit = createRateLimiter(SAVES_PER_TAB);
  // Which tab made each recent save: only that tab may undo it, and only for a short while.
  // Kept in memory on purpose: after a service-worker restart, undo falls back to the reading list.
  const recentSaves = new Map<string, { tabId: number; at: number }>();
  // Tabs opened from the reading list, and the passage each should reveal once loaded.
  const pendingReveals = new Map<number, string>();
  // Passage ids each tab was told about: a page may report on those only.
  const shownToTab = new Map<number, Set<string>>();

  async function withPacks(entries: StoredEntry[]): Promise<EntryView[]> {
    const packs = new Map((await listPacks()).map((p) => [p.id, p]));
    return entries.flatMap((e) => {
      const pack = packs.get(e.packId);
      return pack ? [{ ...e, pack: { id: pack.id, title: pack.title, source: pack.source, origin: pack.origin } }] : [];
    });
  }

  async function glossaryChanged() {
    base = undefined;
    await broadcast({ type: 'glossaryChanged' });
  }

  async function handle(request: BackgroundRequest, context: RequestContext) {
    await ready;
    switch (request.type) {
      case 'getMatcher': {
        base ??= loadBase();
        const { entries, version, matcher } = await base;
        const settings = await getSettings();
        const url = pageSourceUrl(context.senderUrl);
        const page =
          url && context.tabId !== undefined && settings.buildMode !== 'never'
            ? await packEntries(await pagePackId(url))
            : undefined;
        return { matcher: page ? pageMatcher(entries, version, page) : matcher, settings };
      }
      case 'buildPageGlossary': {
        // The page is the sender's own: its URL comes from the browser, never from the message.
        const url = pageSourceUrl(context.senderUrl);
        if (!url || context.tabId === undefined) throw new Error('Glossa builds glossaries from web pages only.');
        if ((await getSettings()).buildMode === 'never')
          throw new Error('Building glossaries is turned off in options.');
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
        if (!pack) return { outcome: 'empty' as const, entries: 0, buildMs };
        // "Ukraine" built from this page is world/ukraine: one card, the World line above the article's words.
        base ??= loadBase();
        const linked = { ...pack, entries: linkToReferences(pack.entries, (await base).entries) };
        const outcome = await savePagePack(linked);
        return {
          outcome: outcome === 'unchanged' ? ('unchanged' as const) : ('built' as const),
          entries: pack.entries.length,
          buildMs,
        };
      }
      case 'getEntries':
        return withPacks(await getEntries(request.keys));
      case 'listEntries':
        return withPacks(await listEntries());
      case 'getSettings':
        return getSettings();
      case 'importPack': {
        const result = await importUserPack(request.pack);
        if (result.outcome !== 'unchanged') await glossaryChanged();
        return result;
      }
      case 'removePack': {
        const removed = await removeUserPack(request.id);
        if (removed) await glossaryChanged();
        return removed;
      }
      case 'savePassage': {
        let passage = request.passage;
        if (context.tabId !== undefined) {
          if (!saveLimit.allow(context.tabId, Date.now()))
            throw new Error('Too many saves from this page in a minute. Wait a little, then save again.');
          // A page's passage is kept under the page's own URL, as the browser reports it.
          const own = pageUrlsFor(context.senderUrl)[0];
          if (!own) throw new Error('Glossa saves passages from web pages only.');
          passage = { ...passage, url: own };
        }
        const result = await savePassage(passage);
        if (!result.duplicate && context.tabId !== undefined) {
          recentSaves.set(result.passage.id, { tabId: context.tabId, at: Date.now() });
        }
        return result;
      }
      case 'undoSave': {
        const save = recentSaves.get(request.id);
        recentSaves.delete(request.id);
        if (!save || save.tabId !== context.tabId || Date.now() - save.at > UNDO_WINDOW_MS) return false;
        return (await deletePassage(request.id)) !== undefined;
      }
      case 'passagesForPage': {
        const urls = pageUrlsFor(context.senderUrl);
        const passages = (await Promise.all(urls.map(passagesForUrl))).flat();
        const unique = [...new Map(passages.map((p) => [p.id, p])).values()];
        const reveal = context.tabId === undefined ? undefined : pendingReveals.get(context.tabId);
        if (context.tabId !== undefined) {
          pendingReveals.delete(context.tabId);
          shownToTab.set(context.tabId, new Set(unique.map((p) => p.id)));
        }
        return { passages: unique, ...(reveal && unique.some((p) => p.id === reveal) ? { reveal } : {}) };
      }
      case 'reportFound': {
        const allowed = context.tabId === undefined ? undefined : shownToTab.get(context.tabId);
        for (const r of request.results) {
          if (!allowed?.has(r.id)) continue;
          await recordFound(r.id, { status: r.status, at: Date.now(), ...(r.errors ? { errors: r.errors } : {}) });
        }
        return null;
      }
      case 'listPassages': {
        const { type: _type, ...query } = request;
        return listPassages(query);
      }
      case 'updatePassage':
        return updatePassage(request.id, { note: request.note, tags: request.tags });
      case 'deletePassage':
        return (await deletePassage(request.id)) ?? null;
      case 'restorePassage':
        await restorePassage(request.passage);
        return null;
      case 'importPassages':
        return importPassages(parseExport(request.text));
      case 'openPassage': {
        const passage = await getPassage(request.id);
        if (!passage) throw new Error('That passage no longer exists.');
        // Only web pages open: a passage stored before URLs were checked may hold anything.
        if (!isWebUrl(passage.url)) throw new Error('That passage’s address is not a web page, so it is not opened.');
        const tabId = await openTab(passage.url);
        if (tabId !== undefined) pendingReveals.set(tabId, passage.id);
        return null;
      }
      case 'updateSettings': {
        const settings = await updateSettings(request.patch);
        await broadcast({ type: 'settingsChanged' });
        return settings;
      }
    }
  }

  return { handle };
}
