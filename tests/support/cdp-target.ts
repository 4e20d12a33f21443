/**
 * Runs expressions in a browser target Playwright does not expose as a Page, such as the
 * popup the toolbar action opens, over a raw CDP session.
 */
import type { CDPSession } from '@playwright/test';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function findTarget(cdp: CDPSession, urlSuffix: string): Promise<TargetInfo | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.find((t) => t.url.endsWith(urlSuffix));
}

/** Attaches to a target; returns a function that evaluates an expression in it and returns its value. */
export async function attachEvaluator(
  cdp: CDPSession,
  targetId: string,
): Promise<(expression: string) => Promise<unknown>> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 0;
  return (expression) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown } };
          error?: unknown;
        };
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result?.result?.value);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true, awaitPromise: true },
        }),
      });
    });
}
