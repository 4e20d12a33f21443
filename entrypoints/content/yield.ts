/**
 * Work on the page runs in slices of this length, then gives the main thread back: short
 * enough that input stays responsive (well under one 16 ms frame), long enough that the
 * cost of yielding (a task switch) stays a small share of the work.
 */
export const SLICE_MS = 8;

/** Gives the main thread back to the page between slices of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
