import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '@/lib/glossary/personal';
import type { BackgroundClient } from '@/lib/messages';
import { t } from './i18n';
import { kindLabel } from './kind-labels';
import { originLabel } from './origin-labels';

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
      <h3 id="merge-title">{t('mergeHeading')}</h3>
      <p class="muted">{t('mergeHelp')}</p>
      <input
        type="search"
        placeholder={t('mergeFind')}
        aria-label={t('mergeFind')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {query.trim() !== '' && found.q === query.trim() && (
        <ul class="entities" aria-label={t('mergeChoices')}>
          {found.choices.length === 0 && <li class="muted">{t('mergeNoMatch')}</li>}
          {found.choices.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onMerge(c);
                }}
              >
                {t('mergeWith', c.name)}
              </button>{' '}
              <span class="muted">
                {kindLabel(c.kind)} · {c.origins.map((o) => originLabel(o)).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
