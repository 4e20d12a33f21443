import { createYield } from '@/lib/compat';

/**
 * Work on the page runs in slices of this length, then gives the main thread back: short
 * enough that input stays responsive (well under one 16 ms frame), long enough that the
 * cost of yielding (a task switch) stays a small share of the work.
 */
export const SLICE_MS = 8;

/** Gives the main thread back to the page between slices of work (`scheduler.yield`, or a timeout where it is missing). */
export const yieldToMain: () => Promise<void> = createYield(globalThis as Parameters<typeof createYield>[0]);
