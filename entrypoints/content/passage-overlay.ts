/**
 * Paints the reader's saved passages where the page cannot read them: boxes drawn from each
 * range's client rects inside Glossa's closed shadow root, never in `CSS.highlights` (whose
 * registry the page's scripts can enumerate, and with it the text the reader saved).
 * The boxes take no pointer events and follow scrolling, resizing and layout changes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hostZoom, type UiHost } from './ui-host';

/**
 * Boxes drawn at most: a passage is a sentence or a paragraph, a few lines each, and only
 * the rects near the viewport are drawn. More would cost layout on every scroll frame.
 */
const MAX_BOXES = 400;
/** Rects this far outside the viewport are not drawn (pixels): scrolling shows them in time. */
const VIEWPORT_MARGIN = 200;
const FLASH_MS = 1200;

export interface PassageOverlay {
  /** The passages to paint, replacing the previous ones. */
  set(ranges: readonly AbstractRange[]): void;
  /** Scrolls one range (a passage the reading list asked to show) into view and flashes it. */
  reveal(range: AbstractRange): void;
  /** Redraws at the next frame: after scrolling, resizing or a change in layout. */
  schedule(): void;
  clear(): void;
}

function clientRects(range: AbstractRange): DOMRect[] {
  if (!range.startContainer.isConnected || !range.endContainer.isConnected) return [];
  const live = document.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return []; // The text shrank under a static range: it is re-anchored on the next refresh.
  }
  return [...live.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

export function createPassageOverlay(ctx: ContentScriptContext, ui: () => UiHost): PassageOverlay {
  let ranges: readonly AbstractRange[] = [];
  let flashing: AbstractRange | undefined;
  let flashTimer: number | undefined;
  let layer: HTMLElement | undefined;
  let frame: number | undefined;

  function ensureLayer(): HTMLElement {
    if (layer?.isConnected) return layer;
    const host = ui();
    layer = document.createElement('div');
    layer.className = 'passages';
    layer.setAttribute('aria-hidden', 'true');
    // First in the shadow root: under the card and the notices.
    host.root.prepend(layer);
    return layer;
  }

  function box(r: DOMRect, kind: string, zoom: number): HTMLElement {
    const el = document.createElement('div');
    el.className = kind;
    el.style.left = `${r.left / zoom}px`;
    el.style.top = `${r.top / zoom}px`;
    el.style.width = `${r.width / zoom}px`;
    el.style.height = `${r.height / zoom}px`;
    return el;
  }

  function draw() {
    frame = undefined;
    if (ranges.length === 0 && !flashing) {
      layer?.replaceChildren();
      return;
    }
    const target = ensureLayer();
    const zoom = hostZoom(ui());
    const boxes: HTMLElement[] = [];
    const near = (r: DOMRect) => r.bottom > -VIEWPORT_MARGIN && r.top < window.innerHeight + VIEWPORT_MARGIN;
    for (const range of ranges) {
      for (const r of clientRects(range))
        if (near(r) && boxes.length < MAX_BOXES) boxes.push(box(r, 'passage-box', zoom));
    }
    if (flashing) for (const r of clientRects(flashing)) if (near(r)) boxes.push(box(r, 'passage-flash', zoom));
    target.replaceChildren(...boxes);
  }

  const schedule = () => {
    frame ??= ctx.requestAnimationFrame(draw);
  };
  // Layout moves the text under the boxes without any DOM change (fonts, images, viewport).
  const resizes = new ResizeObserver(schedule);
  resizes.observe(document.documentElement);
  ctx.onInvalidated(() => resizes.disconnect());

  return {
    set(next) {
      ranges = next;
      schedule();
    },
    reveal(range) {
      const rect = clientRects(range)[0];
      // The upper third of the viewport, instantly: no motion forced on anyone.
      if (rect) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
      flashing = range;
      if (flashTimer !== undefined) clearTimeout(flashTimer);
      flashTimer = ctx.setTimeout(() => {
        flashing = undefined;
        schedule();
      }, FLASH_MS);
      schedule();
    },
    schedule,
    clear() {
      ranges = [];
      flashing = undefined;
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      layer?.remove();
      layer = undefined;
    },
  };
}
