/** What the background does for each request. */
import { buildMatcher, getEntries, importUserPack, listEntries, listPacks, removeUserPack } from '@/lib/db/glossary';
import type { StoredEntry } from '@/lib/db/database';
import { getSettings, updateSettings } from '@/lib/db/settings';
import type { CompiledMatcher } from '@/lib/match/compiled';
import type { BackgroundRequest, BackgroundResponses, EntryView } from '@/lib/messages';

export interface HandlerDeps {
  /** Resolves once the bundled glossary is seeded. */
  ready: Promise<void>;
  broadcast(message: { type: 'settingsChanged' | 'glossaryChanged' }): Promise<void>;
}

export interface Handlers {
  handle(request: BackgroundRequest): Promise<BackgroundResponses[BackgroundRequest['type']]>;
}

export function createHandlers({ ready, broadcast }: HandlerDeps): Handlers {
  // Compiled once per glossary version and kept for the service worker's lifetime.
  let matcher: Promise<CompiledMatcher> | undefined;

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

  async function handle(request: BackgroundRequest) {
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
      case 'updateSettings': {
        const settings = await updateSettings(request.patch);
        await broadcast({ type: 'settingsChanged' });
        return settings;
      }
    }
  }

  return { handle };
}
