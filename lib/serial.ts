/**
 * Runs async tasks one at a time, in the order they were given: each starts once the one before
 * it has settled, whether it succeeded or failed (a failure is its caller's, not the next task's).
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
