import { describe, expect, it } from 'vitest';
import { placeCard } from '@/lib/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const box = (left: number, top: number, width = 80, height = 20) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it.each([
    ['below when there is room', box(100, 100), { left: 100, top: 126, side: 'below', overlaps: false }],
    ['above near the bottom', box(100, 700), { left: 100, top: 494, side: 'above', overlaps: false }],
    ['kept inside the right edge', box(950, 100), { left: 692, top: 126, side: 'below' }],
    ['kept inside the left edge', box(-40, 100), { left: 8, top: 126, side: 'below' }],
  ] as const)('%s', (_label, anchor, expected) => {
    expect(placeCard({ anchor, card, viewport })).toMatchObject(expected);
  });

  it('aligns the right edges on right-to-left pages', () => {
    expect(placeCard({ anchor: box(500, 100), card, viewport, rtl: true }).left).toBe(280);
  });

  it('never covers the term: a tall card scrolls within the room on the larger side', () => {
    const anchor = box(100, 300);
    const p = placeCard({ anchor, card: { width: 300, height: 2000 }, viewport, minHeight: 200 });
    expect(p.side).toBe('below');
    expect(p.overlaps).toBe(false);
    expect(p.top).toBeGreaterThanOrEqual(anchor.bottom);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(viewport.height);
  });

  // A short viewport (a phone in landscape, 200% zoom): the room on either side of a term in
  // the middle is less than the card's header and actions need.
  const short = { width: 640, height: 300 };
  it.each([
    ['a term in the middle', box(100, 140), 'below'],
    ['a term near the top', box(100, 20), 'below'],
    ['a term near the bottom', box(100, 260), 'above'],
  ] as const)('keeps the usable card whole in a short viewport: %s', (_label, anchor, side) => {
    const p = placeCard({ anchor, card: { width: 300, height: 900 }, viewport: short, minHeight: 180 });
    expect(p.side).toBe(side);
    expect(p.maxHeight).toBeGreaterThanOrEqual(180);
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(short.height - 8);
  });

  it('overlaps the term only when the room beside it is too small', () => {
    const anchor = box(100, 140);
    const roomy = placeCard({ anchor, card: { width: 300, height: 900 }, viewport: short, minHeight: 100 });
    expect(roomy).toMatchObject({ overlaps: false, top: 166 });
    const cramped = placeCard({ anchor, card: { width: 300, height: 900 }, viewport: short, minHeight: 180 });
    expect(cramped).toMatchObject({ overlaps: true, top: 112, maxHeight: 180 });
  });

  it('a usable height taller than the viewport is capped to the viewport', () => {
    const p = placeCard({ anchor: box(100, 140), card: { width: 300, height: 900 }, viewport: short, minHeight: 500 });
    expect(p).toMatchObject({ top: 8, maxHeight: 284 });
  });
});
