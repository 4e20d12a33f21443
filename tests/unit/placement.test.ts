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
    ['below when there is room', box(100, 100), { left: 100, top: 126, side: 'below' }],
    ['above near the bottom', box(100, 700), { left: 100, top: 494, side: 'above' }],
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
    const p = placeCard({ anchor, card: { width: 300, height: 2000 }, viewport });
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(anchor.bottom);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(viewport.height);
  });
});
