import { useState } from 'preact/hooks';
import type { EntryView } from '@/lib/messages';
import { KIND_LABELS } from './kind-labels';

export interface MentionPosition {
  /** 0-based index of the mention the card is attached to, among the entry's mentions on the page. */
  readonly index: number;
  readonly count: number;
}

const SHOWN_MENTIONS = 2;

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function relatedKey(entry: EntryView, id: string): string {
  return `${entry.packId}/${id}`;
}

export interface EntryProps {
  readonly entry: EntryView;
  readonly position: MentionPosition | undefined;
  readonly relatedName: (key: string) => string | undefined;
  onStep?(delta: 1 | -1): void;
  onShowEntry(key: string): void;
}

/** One entry: what it is, what the article says about it, where else it is mentioned. */
export function EntryDetails({ entry, position, relatedName, onStep, onShowEntry }: EntryProps) {
  const [expanded, setExpanded] = useState(false);
  const source = entry.pack.source;
  // Packs built from a page mark only that page, so a card showing one is on its source page.
  const builtFromPage = entry.pack.origin === 'page';
  const sentences = expanded ? entry.mentions : entry.mentions.slice(0, SHOWN_MENTIONS);
  const hidden = entry.mentions.length - SHOWN_MENTIONS;
  const related = entry.related.flatMap((id) => {
    const key = relatedKey(entry, id);
    const name = relatedName(key);
    return name ? [{ key, name }] : [];
  });
  const nameId = `glossa-name-${entry.packId}-${entry.id}`;
  const listId = `glossa-mentions-${entry.packId}-${entry.id}`;
  return (
    <section class="entry" aria-labelledby={nameId}>
      <header>
        <h2 id={nameId} class="name">
          {entry.name}
        </h2>
        <span class="kind">{KIND_LABELS[entry.kind]}</span>
      </header>
      {entry.summary &&
        (entry.summaryQuote ? (
          // A built entry's description is the article's own words, quoted as such.
          <p class="summary" title={entry.summaryQuote}>
            <q>{entry.summary}</q> <span class="muted">— the article’s words</span>
          </p>
        ) : (
          <p class="summary">{entry.summary}</p>
        ))}
      {entry.aliases.length > 0 && (
        <p class="aliases">
          <span class="label">Also:</span> {entry.aliases.join(', ')}
        </p>
      )}
      {builtFromPage && (
        <p class="mention-count muted">
          {entry.mentions.length === 1
            ? 'Named in 1 sentence of this article'
            : `Named in ${entry.mentions.length} sentences of this article`}
        </p>
      )}
      {entry.mentions.length > 0 && (
        <div class="mentions">
          <h3>{builtFromPage ? 'In this article' : 'In the article'}</h3>
          <ul id={listId}>
            {sentences.map((m) => (
              <li key={`${m.paragraph}:${m.sentence}`}>{m.sentence}</li>
            ))}
          </ul>
          {hidden > 0 && (
            <button
              type="button"
              class="link"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Show fewer' : `Show ${hidden} more`}
            </button>
          )}
          <p class="source">
            {builtFromPage && 'Built from this page: '}
            {[source.title, source.publisher ?? source.site, formatDate(source.published)].filter(Boolean).join(' · ')}
          </p>
        </div>
      )}
      {related.length > 0 && (
        <div class="related">
          <h3>Related</h3>
          <ul>
            {related.map((r) => (
              <li key={r.key}>
                <button type="button" class="link" onClick={() => onShowEntry(r.key)}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {position && (
        <div class="page-mentions">
          <span>
            {position.count === 1 ? '1 mention on this page' : `${position.count} mentions on this page`}
            {position.count > 1 && (
              <span class="muted">
                {' '}
                · {position.index + 1} of {position.count}
              </span>
            )}
          </span>
          {position.count > 1 && onStep && (
            <span class="steps">
              <button type="button" aria-label={`Previous mention of ${entry.name}`} onClick={() => onStep?.(-1)}>
                ‹ Previous
              </button>
              <button type="button" aria-label={`Next mention of ${entry.name}`} onClick={() => onStep?.(1)}>
                Next ›
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
