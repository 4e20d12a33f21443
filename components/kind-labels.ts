import type { EntryKind } from '@/lib/glossary/schema';

/** How each kind of entry is named to readers. */
export const KIND_LABELS: Record<EntryKind, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organisation',
  facility: 'Facility',
  event: 'Event',
  group: 'Group',
  concept: 'Concept',
};
