import { useEffect, useState } from 'preact/hooks';
import type { Passage } from '@/lib/passages/schema';
import { t } from './i18n';

export interface PassageItemProps {
  readonly passage: Passage;
  /** Names of glossary entries, by key. */
  readonly entryName: (key: string) => string | undefined;
  onOpen(): void;
  /** Resolves once stored; rejects with the reason it was not. */
  onSave(patch: { note?: string; tags?: string[] }): Promise<void>;
  onDelete(): void;
}

const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** One formatter for every passage: making one per passage costs more than the rest of its render. */
const SAVED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where a chip leads: the glossary page, open at the entry (as a card's "Open in your glossary"). */
export const glossaryHref = (key: string) => `/glossary.html?entry=${encodeURIComponent(key)}`;

/**
 * One saved passage: the quote, when it was saved, the glossary entries it names (each a link
 * to the entry in the glossary page), its note and tags, edited in place. Its article's title
 * and site are said once, by the group it is listed in (PassageGroup).
 */
export function PassageItem({ passage, entryName, onOpen, onSave, onDelete }: PassageItemProps) {
  const [note, setNote] = useState(passage.note);
  const [tags, setTags] = useState(passage.tags.join(', '));
  const [status, setStatus] = useState('');
  const save = (patch: { note?: string; tags?: string[] }) => {
    setStatus(t('commonSaving'));
    onSave(patch).then(
      () => setStatus(t('passageSavedDone')),
      () => setStatus(t('passageNotSaved')),
    );
  };
  // Follow the stored values when they change, not when an unrelated save returns a new object:
  // that would wipe what the reader is typing in the other field.
  const storedTags = passage.tags.join(', ');
  useEffect(() => setNote(passage.note), [passage.note]);
  useEffect(() => setTags(storedTags), [storedTags]);
  const saved = new Date(passage.savedAt);
  const titleId = `passage-${passage.id}`;
  return (
    // Off-screen passages are not laid out or painted until scrolled near (content-visibility),
    // so a reading list with many pages loaded stays light; they stay in the accessibility tree.
    <article
      class="passage"
      aria-labelledby={titleId}
      style="content-visibility: auto; contain-intrinsic-size: auto 240px"
    >
      <blockquote>{passage.text}</blockquote>
      <p class="meta" id={titleId}>
        {t('passageSaved')} <time dateTime={saved.toISOString()}>{SAVED_AT.format(saved)}</time>
      </p>
      {passage.found?.status === 'missing' && (
        <p class="orphan" role="note">
          {t('passageMissing')}
        </p>
      )}
      {passage.entries.length > 0 && (
        <ul class="chips" aria-label={t('passageEntries')}>
          {/* One chip per name: Tajikistan in the World pack and in an article is one entity. */}
          {[...new Map(passage.entries.map((k) => [entryName(k) ?? k.split('/').pop()!, k])).entries()].map(
            ([name, k]) => (
              <li key={k}>
                <a href={glossaryHref(k)} target="_blank" rel="noopener" title={t('passageOpenEntry', name)}>
                  {name}
                </a>
              </li>
            ),
          )}
        </ul>
      )}
      <label class="field">
        {t('passageNote')}
        <textarea
          value={note}
          rows={2}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={() => note !== passage.note && save({ note })}
        />
      </label>
      <label class="field">
        {t('passageTags')} <span class="muted">{t('commonCommaSeparated')}</span>
        <input
          type="text"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          onBlur={() => {
            const next = parseTags(tags);
            if (next.join('\u0000') !== passage.tags.join('\u0000')) save({ tags: next });
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </label>
      <div class="row">
        <button type="button" onClick={onOpen}>
          {t('passageOpen')}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {t('commonDelete')}
        </button>
        <span class="muted" role="status">
          {status}
        </span>
      </div>
    </article>
  );
}
