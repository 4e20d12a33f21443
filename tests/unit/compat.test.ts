import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PageUnavailable } from '../../components/PageUnavailable';
import { t } from '../../components/i18n';
import { createYield, hasHighlightApi, isHiddenByCss } from '../../lib/compat';
import { walkBlocks } from '../../lib/dom/blocks';

describe('createYield', () => {
  it('uses scheduler.yield where the browser has it', async () => {
    let calls = 0;
    const yieldNow = createYield({
      scheduler: { yield: () => (calls++, Promise.resolve()) },
      setTimeout: () => {
        throw new Error('no timeout expected');
      },
    });
    await yieldNow();
    expect(calls).toBe(1);
  });

  it('without scheduler.yield, gives the event loop back with a timeout: tasks queued before it run first', async () => {
    const yieldNow = createYield({ setTimeout: (callback, ms) => setTimeout(callback, ms) });
    const order: string[] = [];
    setTimeout(() => order.push('task queued before'), 0);
    await yieldNow();
    order.push('after yielding');
    expect(order).toEqual(['task queued before', 'after yielding']);
  });

  it('without a scheduler object at all (Firefox before 142), the same', async () => {
    const yieldNow = createYield({ scheduler: {}, setTimeout: (callback, ms) => setTimeout(callback, ms) });
    const order: string[] = [];
    setTimeout(() => order.push('task queued before'), 0);
    await yieldNow();
    order.push('after yielding');
    expect(order).toEqual(['task queued before', 'after yielding']);
  });
});

describe('isHiddenByCss', () => {
  it('asks checkVisibility, with visibility: hidden counted', () => {
    const asked: unknown[] = [];
    expect(isHiddenByCss({ checkVisibility: (o) => (asked.push(o), false) })).toBe(true);
    expect(isHiddenByCss({ checkVisibility: () => true })).toBe(false);
    expect(asked).toEqual([{ visibilityProperty: true }]);
  });

  it('without checkVisibility (jsdom has none, like Chrome before 105), every block counts as shown and is walked', () => {
    const { document } = new JSDOM(
      '<!doctype html><body><p>First block.</p><p style="display:none">Second block.</p></body>',
    ).window;
    const p = document.querySelector('p')!;
    expect('checkVisibility' in p).toBe(false);
    expect(isHiddenByCss(p)).toBe(false);
    const texts = [...walkBlocks(document.body, { isHidden: isHiddenByCss })].map((b) =>
      b.segments.map((s) => s.node.data).join(''),
    );
    expect(texts).toEqual(['First block.', 'Second block.']);
  });
});

describe('hasHighlightApi', () => {
  it('needs both the Highlight constructor and CSS.highlights', () => {
    class Highlight {}
    expect(hasHighlightApi({ Highlight, CSS: { highlights: new Map() } })).toBe(true);
    expect(hasHighlightApi({ CSS: { highlights: new Map() } })).toBe(false);
    expect(hasHighlightApi({ Highlight, CSS: {} })).toBe(false);
    expect(hasHighlightApi({ Highlight })).toBe(false);
  });

  it('the popup explains when it is missing, and otherwise says the page is closed to extensions', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const root = document.body;
    render(h(PageUnavailable, { global: {} }), root);
    expect(root.textContent).toBe(t('noHighlightApi'));
    expect(root.textContent).toMatch(/^This browser lacks the CSS Custom Highlight API/);
    class Highlight {}
    render(h(PageUnavailable, { global: { Highlight, CSS: { highlights: new Map() } } }), root);
    expect(root.textContent).toMatch(/^Glossa can’t read this page/);
  });
});
