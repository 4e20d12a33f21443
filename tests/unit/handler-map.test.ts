/**
 * The compiler checks the protocol: a handler answering the wrong shape, or a handler missing
 * for a request type, does not compile (`npm run typecheck` runs over the tests too, and each
 * `@ts-expect-error` below fails it if the error it expects goes away).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { HandlerMap } from '@/entrypoints/background/handlers';
import type { BackgroundResponses } from '@/lib/messages';
import type { Settings } from '@/lib/settings';

describe('the background handler map', () => {
  it('types each handler with its own request and reply', () => {
    expectTypeOf<ReturnType<HandlerMap['getSettings']>>().toEqualTypeOf<Promise<Settings>>();
    expectTypeOf<Parameters<HandlerMap['editEntry']>[0]['patch']>().toHaveProperty('aliases');
    expectTypeOf<keyof HandlerMap>().toEqualTypeOf<keyof BackgroundResponses>();

    const wrongReply: Pick<HandlerMap, 'getSettings'> = {
      // @ts-expect-error a reply of the wrong shape does not compile
      getSettings: async () => 42,
    };
    // @ts-expect-error a request type without its handler does not compile
    const missing: Pick<HandlerMap, 'getSettings' | 'listPacks'> = { getSettings: wrongReply.getSettings };
    void missing;
  });
});
