/**
 * Found again: paints the passages saved from this page (in the closed shadow root, where the
 * page cannot read them: passage-overlay.ts), re-found by quote when the page changed a
 * little, and tells the background which could not be placed, so the reading list can say so
 * instead of dropping them silently.
 */
import { anchor } from '@/lib/anchoring/anchor';
import { rootText } from '@/lib/anchoring/describe';
import { locateIn } from '@/lib/dom/blocks';
import type { BackgroundClient } from '@/lib/messages';
import type { Passage } from '@/lib/passages/schema';
import type { PassageOverlay } from './passage-overlay';

export interface SavedPassages {
  /** Fetches, anchors and paints this page's passages; reveals one if the reading list asked. */
  refresh(): Promise<void>;
  clear(): void;
}

function toRange(rt: ReturnType<typeof rootText>, start: number, end: number): StaticRange | undefined {
  const s = locateIn(rt.nodes, start, false);
  const e = locateIn(rt.nodes, end, true);
  if (!s || !e) return undefined;
  return new StaticRange({ startContainer: s.node, startOffset: s.offset, endContainer: e.node, endOffset: e.offset });
}

export function createSavedPassages(
  send: BackgroundClient,
  overlay: PassageOverlay,
  reveal: (range: StaticRange) => void,
): SavedPassages {
  async function paint(passages: readonly Passage[], revealId: string | undefined) {
    if (passages.length === 0) {
      overlay.set([]);
      return;
    }
    const painted: StaticRange[] = [];
    const rt = rootText(document.body);
    const results: { id: string; status: 'found' | 'missing'; errors?: number }[] = [];
    for (const p of passages) {
      const found = anchor(rt.text, { quote: p.quote, position: p.position });
      const range = found && toRange(rt, found.start, found.end);
      if (!range) {
        results.push({ id: p.id, status: 'missing' });
        continue;
      }
      painted.push(range);
      results.push({ id: p.id, status: 'found', ...(found.errors ? { errors: found.errors } : {}) });
      if (p.id === revealId) reveal(range);
    }
    overlay.set(painted);
    await send({ type: 'reportFound', results });
  }

  return {
    async refresh() {
      // The background answers for the sender's own URL only: a page cannot ask for another's.
      const { passages, reveal: revealId } = await send({ type: 'passagesForPage' });
      await paint(passages, revealId);
    },
    clear() {
      overlay.clear();
    },
  };
}
