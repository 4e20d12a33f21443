/**
 * Hover: finds the painted term under the pointer from the caret position (no per-term
 * elements), waits for a short dwell, then opens the card; closes it after a grace period
 * once the pointer has left both the term and the card.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Painter, PaintedTerm } from './painter';

const CLOSE_GRACE_MS = 300;

export interface HoverOptions {
  readonly painter: () => Painter | undefined;
  readonly dwellMs: () => number;
  /** The pointer is over Glossa's UI: the card stays open. */
  readonly isInsideUi: (target: EventTarget | null) => boolean;
  readonly isOpen: () => boolean;
  /** The dwell has begun on a term: a card may follow, so get ready for it off the clock. */
  prepare(term: PaintedTerm): void;
  open(term: PaintedTerm, pointer: { x: number; y: number }, dwellEnd: number): void;
  close(): void;
}

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The caret snaps to the nearest text even in margins; confirm the point is on the term. */
function isPointOnTerm(term: PaintedTerm, x: number, y: number): boolean {
  const range = document.createRange();
  range.setStart(term.range.startContainer, term.range.startOffset);
  range.setEnd(term.range.endContainer, term.range.endOffset);
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

function termAtPoint(painter: Painter | undefined, x: number, y: number): PaintedTerm | undefined {
  if (!painter) return undefined;
  const caret = caretAt(document, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // At a term's last character the caret may sit just after it; try both sides.
  const term = painter.termAt(caret.node, caret.offset) ?? painter.termAt(caret.node, Math.max(0, caret.offset - 1));
  return term && isPointOnTerm(term, x, y) ? term : undefined;
}

export function watchHover(ctx: ContentScriptContext, options: HoverOptions): { cancel(): void } {
  let hovered: PaintedTerm | undefined;
  /** The term whose card the hover opened; undefined when the card is not hover's. */
  let hoverOpened: PaintedTerm | undefined;
  let dwellTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame: number | undefined;
  let last: PointerEvent | undefined;

  const clearDwell = () => {
    if (dwellTimer !== undefined) clearTimeout(dwellTimer);
    dwellTimer = undefined;
  };
  const cancelClose = () => {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const scheduleClose = () => {
    if (!hoverOpened || closeTimer !== undefined) return;
    closeTimer = ctx.setTimeout(() => {
      closeTimer = undefined;
      hoverOpened = undefined;
      options.close();
    }, CLOSE_GRACE_MS);
  };

  const evaluate = () => {
    frame = undefined;
    const event = last;
    if (!event) return;
    // The card was closed some other way (Escape, its close button, scrolling away).
    if (hoverOpened && !options.isOpen()) hoverOpened = undefined;
    if (options.isInsideUi(event.target)) {
      cancelClose();
      clearDwell();
      hovered = undefined;
      return;
    }
    const term = termAtPoint(options.painter(), event.clientX, event.clientY);
    if (term !== hovered) {
      hovered = term;
      clearDwell();
      if (term && term !== hoverOpened) {
        const pointer = { x: event.clientX, y: event.clientY };
        options.prepare(term);
        dwellTimer = ctx.setTimeout(() => {
          dwellTimer = undefined;
          cancelClose();
          hoverOpened = term;
          options.open(term, pointer, performance.now());
        }, options.dwellMs());
      }
    }
    if (term && term === hoverOpened) cancelClose();
    else scheduleClose();
  };

  ctx.addEventListener(document, 'pointermove', (event) => {
    // A page's script can dispatch pointer events over a term; only the reader's own open cards.
    if (!event.isTrusted) return;
    last = event;
    // Hit-test at most once a frame, however fast the pointer moves.
    frame ??= ctx.requestAnimationFrame(evaluate);
  });

  return {
    cancel() {
      clearDwell();
      cancelClose();
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
  };
}
