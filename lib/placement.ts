/**
 * Where a hover card goes: below its term, flipped above when there is no room, kept
 * inside the viewport and never over the term itself, unless neither side has room for the
 * card's fixed parts (its header and actions): then those stay whole in the viewport, over the
 * term if need be, since a card whose buttons are out of reach is worse than a covered word.
 * Pure geometry, tested in Node.
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
  /** The most the card may grow before its body must scroll. */
  readonly maxHeight: number;
  /** The room beside the term was too small: the card overlaps the term to keep its actions in view. */
  readonly overlaps: boolean;
}

export interface PlacementInput {
  /** The line box of the term under the pointer (one of its client rects). */
  readonly anchor: Box;
  readonly card: { readonly width: number; readonly height: number };
  readonly viewport: { readonly width: number; readonly height: number };
  /**
   * The least height at which the card is still usable (header, actions and a few lines of
   * body). When neither side of the term has that much room, the card overlaps the term.
   */
  readonly minHeight?: number;
  /** Right-to-left text: align the card's right edge with the term's. */
  readonly rtl?: boolean;
  readonly gap?: number;
  readonly margin?: number;
}

export function placeCard({
  anchor,
  card,
  viewport,
  minHeight = 0,
  rtl = false,
  gap = 6,
  margin = 8,
}: PlacementInput): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const below = card.height <= roomBelow || roomBelow >= roomAbove;
  const room = Math.max(0, below ? roomBelow : roomAbove);
  const needed = Math.min(card.height, minHeight);
  const overlaps = room < needed;
  // Cramped: as much room as the usable card needs, within the viewport, pushed back from the edge.
  const maxHeight = overlaps ? Math.min(needed, Math.max(0, viewport.height - 2 * margin)) : room;
  const height = Math.min(card.height, maxHeight);
  const top = below
    ? Math.min(anchor.bottom + gap, viewport.height - margin - height)
    : Math.max(margin, anchor.top - gap - height);
  const preferred = rtl ? anchor.right - card.width : anchor.left;
  const left = Math.max(margin, Math.min(preferred, viewport.width - margin - card.width));
  return { left, top, side: below ? 'below' : 'above', maxHeight, overlaps };
}
