/** What the background does for each request. */
import { buildMatcher, getEntries, importUserPack, listEntries, listPacks, removeUserPack } from '@/lib/db/glossary';
import type { StoredEntry } from '@/lib/db/database';
import { deletePassage, savePassage } from '@/lib/db/passages';
import { getSettings, updateSettings } from '@/lib/db/settings';
import type { CompiledMatcher } from '@/lib/match/compiled';
import type { BackgroundRequest, BackgroundResponses, EntryView } from '@/lib/messages';

export interface HandlerDeps {
  /** Resolves once the bundled glossary is seeded. */
  ready: Promise<void>;
  broadcast(message: { type: 'settingsChanged' | 'glossaryChanged' }): Promise<void>;
}

export interface RequestContext {
  /** The tab of the content script that sent the request, if a content script sent it. */
  readonly tabId?: number;
}

export interface Handlers {
  handle(request: BackgroundRequest, context: RequestContext): Promise<BackgroundResponses[BackgroundRequest['type']]>;
}

/** How long after a save the page that made it may undo it. */
const UNDO_WINDOW_MS = 2 * 60_000;

export function createHandlers({ ready, broadcast }: HandlerDeps): Handlers {
  // Compiled once per glossary version and kept for the service worker's lifetime.
  let matcher: Promise<CompiledMatcher> | undefined;
  // Which tab made each recent save: only that tab may undo it, and only for a short while.
  // Kept in memory on purpose: after a service-worker restart, undo falls back to the reading list.
  const recentSaves = new Map<string, { tabId: number; at: number }>();

  async function withPacks(entries: StoredEntry[]): Promise<EntryView[]> {
    const packs = new Map((await listPacks()).map((p) => [p.id, p]));
    return entries.flatMap((e) => {
      const pack = packs.get(e.packId);
      return pack ? [{ ...e, pack: { id: pack.id, title: pack.title, source: pack.source } }] : [];
    });
  }

  async function glossaryChanged() {
    matcher = undefined;
    await broadcast({ type: 'glossaryChanged' });
  }

  async function handle(request: BackgroundRequest, context: RequestContext) {
    await ready;
    switch (request.type) {
      case 'getMatcher': {
        matcher ??= buildMatcher();
        return { matcher: await matcher, settings: await getSettings() };
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
        const result = await savePassage(request.passage);
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
      case 'updateSettings': {
        const settings = await updateSettings(request.patch);
        await broadcast({ type: 'settingsChanged' });
        return settings;
      }
    }
  }

  return { handle };
}
