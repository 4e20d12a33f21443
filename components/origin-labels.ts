import type { EntryOrigin } from '@/lib/glossary/personal';

/** Where an entry comes from, as the glossary page names it (a filter, a group of sources). */
export const ORIGIN_LABELS: Record<EntryOrigin, string> = {
  bundled: 'Bundled',
  page: 'Built from pages',
  user: 'Imported',
  hand: 'Added by hand',
};

/** The order sources are offered in: the reader's own first, what shipped with Glossa last. */
export const ORIGIN_ORDER: readonly EntryOrigin[] = ['page', 'hand', 'user', 'bundled'];
