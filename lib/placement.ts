/**
 * Where a hover card goes: below its term, flipped above when there is no room, kept
 * inside the viewport and never over the term itself. Pure geometry, tested in Node.
 */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: 'below' | 'above';
  /** The most the card may grow before it must scroll, so it never covers the term. */
  readonly maxHeight: number;
}

export interface PlacementInput {
  /** The line box of the term under the pointer (one of its client rects). */
  readonly anchor: Box;
  readonly card: { readonly width: number; readonly height: number };
  readonly viewport: { readonly width: number; readonly height: number };
  /** Right-to-left text: align the card's right edge with the term's. */
  readonly rtl?: boolean;
  readonly gap?: number;
  readonly margin?: number;
}

export function placeCard({ anchor, card, viewport, rtl = false, gap = 6, margin = 8 }: PlacementInput): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const below = card.height <= roomBelow || roomBelow >= roomAbove;
  const maxHeight = Math.max(0, below ? roomBelow : roomAbove);
  const height = Math.min(card.height, maxHeight);
  const top = below ? anchor.bottom + gap : anchor.top - gap - height;
  const preferred = rtl ? anchor.right - card.width : anchor.left;
  const left = Math.max(margin, Math.min(preferred, viewport.width - margin - card.width));
  return { left, top, side: below ? 'below' : 'above', maxHeight };
}
