import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '@/lib/glossary/personal';
import type { BackgroundClient } from '@/lib/messages';
import { KIND_LABELS } from './kind-labels';
import { ORIGIN_LABELS } from './origin-labels';

export interface MergePickerProps {
  readonly send: BackgroundClient;
  /** The open entity: left out of the choices. */
  readonly entity: EntitySummary;
  onMerge(other: EntitySummary): void;
}

/** Choices offered at a time: the reader narrows them by typing. */
const CHOICES = 8;
const SEARCH_DELAY_MS = 120;

/** "Merge with…": finds another entity by name and says the two are one. */
export function MergePicker({ send, entity, onMerge }: MergePickerProps) {
  const [query, setQuery] = useState('');
  // The choices with the search they answer: "no match" is said only once the answer is in.
  const [found, setFound] = useState<{ q: string; choices: EntitySummary[] }>({ q: '', choices: [] });

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      send({ type: 'glossaryEntities', query: q, offset: 0, limit: CHOICES + 1 }).then(
        ({ entities }) =>
          current && setFound({ q, choices: entities.filter((e) => e.id !== entity.id).slice(0, CHOICES) }),
        () => current && setFound({ q, choices: [] }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [send, query, entity.id]);

  return (
    <section class="merge" aria-labelledby="merge-title">
      <h3 id="merge-title">Merge with…</h3>
      <p class="muted">When another entity is the same one under another name, merge them: cards show them as one.</p>
      <input
        type="search"
        placeholder="Find the entity to merge with"
        aria-label="Find the entity to merge with"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {query.trim() !== '' && found.q === query.trim() && (
        <ul class="entities" aria-label="Entities to merge with">
          {found.choices.length === 0 && <li class="muted">No other entity matches.</li>}
          {found.choices.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onMerge(c);
                }}
              >
                Merge with {c.name}
              </button>{' '}
              <span class="muted">
                {KIND_LABELS[c.kind]} · {c.origins.map((o) => ORIGIN_LABELS[o]).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
