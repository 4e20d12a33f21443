/**
 * Hover: finds the painted term under the pointer from the caret position (no per-term
 * elements), waits for a short dwell, then opens the card; closes it after a grace period
 * once the pointer has left both the term and the card.
 *
 * Touch and pen: a finger has no hover, so a tap on a term opens its card at once and a tap
 * anywhere else closes it (a pen hovering over the screen dwells like a mouse; its tap is a
 * tap). A term inside a link: the first tap opens the card, which offers "Open link"; a second
 * tap on the term, its card open, follows the link. Otherwise a reader on a phone could never
 * see the card of a linked name (news sites link many), and the link is one tap further,
 * never lost. Long presses (selection, the browser's menu) are left alone: they end in no click.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PaintedTerm } from './painter';

const CLOSE_GRACE_MS = 300;

export interface HoverOptions {
  /** The painted term at a text position: the page's marks on screen. */
  readonly termAt: (node: Node, offset: number) => PaintedTerm | undefined;
  readonly dwellMs: () => number;
  /** The pointer is over Glossa's UI: the card stays open. */
  readonly isInsideUi: (target: EventTarget | null) => boolean;
  readonly isOpen: () => boolean;
  /** The dwell has begun on a term: a card may follow, so get ready for it off the clock. */
  prepare(term: PaintedTerm): void;
  open(term: PaintedTerm, pointer: { x: number; y: number }, dwellEnd: number): void;
  /** A tap (touch or pen) on a term; `link` when the term sits in one the tap did not follow. */
  tap(term: PaintedTerm, pointer: { x: number; y: number }, link: HTMLAnchorElement | undefined): void;
  close(): void;
}

/** Pointers without hover: their taps open cards. */
const isTapPointer = (type: string | undefined) => type === 'touch' || type === 'pen';

/** The same mention, even if the painter has made its term anew (repainting as the page scrolls). */
const sameTerm = (a: PaintedTerm, b: PaintedTerm) =>
  a.range.startContainer === b.range.startContainer && a.range.startOffset === b.range.startOffset;

/** The link a term sits in, if any. */
function linkAround(term: PaintedTerm): HTMLAnchorElement | undefined {
  const parent = term.range.startContainer.parentElement;
  return parent?.closest<HTMLAnchorElement>('a[href]') ?? undefined;
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

function termAtPoint(termAt: HoverOptions['termAt'], x: number, y: number): PaintedTerm | undefined {
  const caret = caretAt(document, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // At a term's last character the caret may sit just after it; try both sides.
  const term = termAt(caret.node, caret.offset) ?? termAt(caret.node, Math.max(0, caret.offset - 1));
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
    const term = termAtPoint(options.termAt, event.clientX, event.clientY);
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
    // A finger moving is scrolling or selecting, never hovering.
    if (event.pointerType === 'touch') return;
    last = event;
    // Hit-test at most once a frame, however fast the pointer moves.
    frame ??= ctx.requestAnimationFrame(evaluate);
  });

  /** The term whose card a tap opened, so a second tap on a linked term follows its link. */
  let tapOpened: PaintedTerm | undefined;
  /** The kind of pointer that went down last: a click that is not a PointerEvent says none. */
  let downType: string | undefined;
  ctx.addEventListener(document, 'pointerdown', (event) => {
    if (event.isTrusted) downType = event.pointerType;
  });
  // On the window, capturing: ahead of the page's own handlers, so a link's first tap can be kept.
  ctx.addEventListener(
    window,
    'click',
    (event) => {
      if (!event.isTrusted || !isTapPointer((event as Partial<PointerEvent>).pointerType || downType)) return;
      if (options.isInsideUi(event.target)) return;
      if (tapOpened && !options.isOpen()) tapOpened = undefined;
      const term = termAtPoint(options.termAt, event.clientX, event.clientY);
      if (!term) {
        if (options.isOpen()) options.close();
        tapOpened = undefined;
        return;
      }
      const link = linkAround(term);
      // The second tap on a linked term whose card is open: the link is followed as usual.
      if (link && tapOpened && sameTerm(term, tapOpened)) {
        tapOpened = undefined;
        return;
      }
      if (link) {
        event.preventDefault();
        event.stopPropagation();
      }
      clearDwell();
      cancelClose();
      hovered = undefined;
      hoverOpened = undefined;
      tapOpened = term;
      options.tap(term, { x: event.clientX, y: event.clientY }, link);
    },
    { capture: true },
  );

  return {
    cancel() {
      clearDwell();
      cancelClose();
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
  };
}
