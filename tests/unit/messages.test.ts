import { describe, expect, it } from 'vitest';
import { answer, createBackgroundClient, parseBackgroundRequest, parseTabRequest } from '@/lib/messages';

describe('message protocol', () => {
  it.each([
    [{ type: 'getMatcher' }, true],
    [{ type: 'getEntries', keys: ['p/a', 'p/b'] }, true],
    [{ type: 'getEntries', keys: 'p/a' }, false],
    [{ type: 'updateSettings', patch: { enabled: false } }, true],
    [{ type: 'updateSettings', patch: { hoverDelayMs: 99999 } }, false],
    [{ type: 'dropDatabase' }, false],
    [null, false],
    ['getMatcher', false],
  ])('validates %j → %s', (raw, ok) => {
    expect('request' in parseBackgroundRequest(raw)).toBe(ok);
  });

  it('validates tab requests', () => {
    expect('request' in parseTabRequest({ type: 'pageTerms' })).toBe(true);
    expect('error' in parseTabRequest({ type: 'getMatcher' })).toBe(true);
  });

  it('carries errors back as readable messages', async () => {
    const send = createBackgroundClient(async () => answer(() => Promise.reject(new Error('quota exceeded'))));
    await expect(send({ type: 'getSettings' })).rejects.toThrow('quota exceeded');
  });

  it('explains a missing answer', async () => {
    const send = createBackgroundClient(async () => undefined);
    await expect(send({ type: 'getSettings' })).rejects.toThrow(/did not answer/);
  });
});
