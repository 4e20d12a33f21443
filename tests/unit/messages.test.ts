import { describe, expect, it } from 'vitest';
import { answer, createBackgroundClient, parseBackgroundRequest, parseTabRequest, refusalFor } from '@/lib/messages';
import { UserError, userMessage } from '@/lib/user-message';
import { rejectionText } from '../support/i18n';

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

  it('carries a message for the reader as its key and substitutions, translated where it is shown', async () => {
    const error = new UserError('errorCannotRestore', userMessage('urlNotWebScheme', 'data'));
    const envelope = await answer(() => Promise.reject(error));
    // Plain data: it crosses structured cloning (browser messages) unchanged.
    expect(structuredClone(envelope)).toEqual(envelope);
    const send = createBackgroundClient(async () => structuredClone(envelope));
    await expect(send({ type: 'getSettings' })).rejects.toThrow(UserError);
    expect(await rejectionText(send({ type: 'getSettings' }))).toBe(
      'This passage cannot be restored: not a web address (data:); only http: and https: pages are kept.',
    );
  });

  it('explains a missing answer', async () => {
    const send = createBackgroundClient(async () => undefined);
    expect(await rejectionText(send({ type: 'getSettings' }))).toMatch(/^Glossa did not answer/);
  });

  const self = { id: 'glossa-id', origin: 'chrome-extension://glossa-id/' };
  it.each([
    ['a content script reading', { type: 'getMatcher' }, { id: 'glossa-id', url: 'https://news.example/a' }, undefined],
    [
      'a content script changing settings',
      { type: 'updateSettings', patch: {} },
      { id: 'glossa-id', url: 'https://news.example/a' },
      /only be sent from Glossa's own pages/,
    ],
    [
      'the options page changing settings',
      { type: 'updateSettings', patch: {} },
      { id: 'glossa-id', url: 'chrome-extension://glossa-id/options.html' },
      undefined,
    ],
    [
      'another extension',
      { type: 'getMatcher' },
      { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' },
      /only its own/,
    ],
    [
      'a look-alike origin',
      { type: 'updateSettings', patch: {} },
      { id: 'glossa-id', url: 'https://chrome-extension.example/glossa-id/' },
      /only be sent/,
    ],
  ] as const)('sender check: %s', (_label, request, sender, expected) => {
    const refusal = refusalFor(request as never, sender, self);
    if (expected === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toMatch(expected);
  });
});
