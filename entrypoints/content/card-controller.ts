/**
 * Shows the hover card for a painted term: renders TermCard into Glossa's UI host (created
 * on first use) and places it next to the line of the term under the pointer.
 */
import { h, render } from 'preact';
import { TermCard } from '@/components/TermCard';
import cardCss from '@/components/TermCard.css?inline';
import type { EntryView } from '@/lib/messages';
import { placeCard } from '@/lib/placement';
import { isDarkBackground } from './page-colors';
import type { PaintedTerm } from './painter';
import { createUiHost, type UiHost } from './ui-host';

export interface CardController {
  open(term: PaintedTerm, pointer: { x: number; y: number }): void;
  close(): void;
  isInside(target: EventTarget | null): boolean;
  destroy(): void;
}

export function rangeRects(range: AbstractRange): DOMRect[] {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return [...live.getClientRects()];
}

export function createCardController(entries: () => ReadonlyMap<string, EntryView>): CardController {
  let ui: UiHost | undefined;

  function position(card: HTMLElement, term: PaintedTerm, pointer: { x: number; y: number }) {
    const rects = rangeRects(term.range);
    // The line of a wrapped term the pointer is on, so the card sits next to it.
    const anchor = rects.find((r) => pointer.y >= r.top && pointer.y <= r.bottom) ?? rects[0];
    if (!anchor) return;
    const size = card.getBoundingClientRect();
    const element = term.range.startContainer.parentElement ?? document.body;
    const place = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      rtl: getComputedStyle(element).direction === 'rtl',
    });
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    card.style.maxHeight = `${place.maxHeight}px`;
  }

  return {
    open(term, pointer) {
      const known = entries();
      const shown = term.keys.flatMap((k) => known.get(k) ?? []);
      if (shown.length === 0) return;
      ui ??= createUiHost(document, cardCss);
      render(h(TermCard, { entries: shown }), ui.mount);
      const card = ui.mount.firstElementChild as HTMLElement | null;
      if (!card) return;
      card.classList.toggle('dark', isDarkBackground(term.range.startContainer.parentElement));
      position(card, term, pointer);
    },
    close() {
      if (ui) render(null, ui.mount);
    },
    isInside(target) {
      return !!ui && target instanceof Node && (target === ui.host || ui.host.contains(target));
    },
    destroy() {
      if (!ui) return;
      render(null, ui.mount);
      ui.remove();
      ui = undefined;
    },
  };
}
