import type { EntryKind } from '@/lib/glossary/schema';
import type { MessageKey } from '@/lib/user-message';
import { t } from './i18n';

const KIND_LABELS: Record<EntryKind, MessageKey> = {
  person: 'kindPerson',
  place: 'kindPlace',
  organization: 'kindOrganization',
  facility: 'kindFacility',
  event: 'kindEvent',
  group: 'kindGroup',
  concept: 'kindConcept',
};

/** How each kind of entry is named to readers. */
export function kindLabel(kind: EntryKind): string {
  return t(KIND_LABELS[kind]);
}
