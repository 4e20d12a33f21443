import type { EntryOrigin } from '@/lib/glossary/personal';
import type { MessageKey } from '@/lib/user-message';
import { t } from './i18n';

const ORIGIN_LABELS: Record<EntryOrigin, MessageKey> = {
  bundled: 'originBundled',
  page: 'originPage',
  user: 'originUser',
  hand: 'originHand',
};

/** Where an entry comes from, as the glossary page names it (a filter, a group of sources). */
export function originLabel(origin: EntryOrigin): string {
  return t(ORIGIN_LABELS[origin]);
}

/** The order sources are offered in: the reader's own first, what shipped with Glossa last. */
export const ORIGIN_ORDER: readonly EntryOrigin[] = ['page', 'hand', 'user', 'bundled'];
