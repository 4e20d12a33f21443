import { Fragment } from 'preact';
import type { EntityLayers } from '@/lib/glossary/layers';
import type { EntryView } from '@/lib/messages';
import { ArticleLayer } from './ArticleLayer';
import { KIND_LABELS } from './kind-labels';
import { trusted } from './trusted';

const isReading = (e: EntryView) => e.pack.origin === 'page' || e.pack.origin === 'hand';

export interface MentionPosition {
  /** 0-based index of the mention the card is attached to, among the entity's mentions on the page. */
  readonly index: number;
  readonly count: number;
}

export interface EntityProps {
  readonly entity: EntityLayers<EntryView>;
  readonly position: MentionPosition | undefined;
  readonly relatedName: (key: string) => string | undefined;
  onStep?(delta: 1 | -1): void;
  onShowEntry(key: string): void;
  onOpenGlossary?(): void;
}

/**
 * One entity: what is true of it anywhere (each line naming its source), then what each article
 * says, labelled by article, then where it stands among this page's mentions.
 */
export function EntityDetails({ entity, position, relatedName, onStep, onShowEntry, onOpenGlossary }: EntityProps) {
  const nameId = `glossa-name-${entity.keys[0]!.replace(/[^\w-]/gu, '-')}`;
  return (
    <section class="entry" aria-labelledby={nameId}>
      <header>
        <h2 id={nameId} class="name">
          {entity.name}
        </h2>
        <span class="kind">{KIND_LABELS[entity.kind]}</span>
        {onOpenGlossary && (
          // At the top, where it is seen without scrolling a long card.
          <button type="button" class="link open-glossary" onClick={trusted(() => onOpenGlossary())}>
            Open in your glossary
          </button>
        )}
      </header>
      {entity.general.map((g) => (
        <p key={g.text} class="general">
          {g.text} <span class="muted">— {g.source}</span>
        </p>
      ))}
      {entity.aliases.length > 0 && (
        <p class="aliases">
          <span class="label">Also:</span> {entity.aliases.join(', ')}
        </p>
      )}
      {entity.articles.map(({ entry, here }, i) => {
        // The reader's own reading (pages built or annotated by hand), after this article's layer.
        const read = !here && isReading(entry);
        const first = read && !entity.articles.slice(0, i).some((a) => !a.here && isReading(a.entry));
        return (
          <Fragment key={entry.key}>
            {first && <h3 class="group">In other articles you read</h3>}
            <ArticleLayer entry={entry} here={here} relatedName={relatedName} onShowEntry={onShowEntry} />
          </Fragment>
        );
      })}
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
              <button
                type="button"
                aria-label={`Previous mention of ${entity.name}`}
                onClick={trusted(() => onStep?.(-1))}
              >
                ‹ Previous
              </button>
              <button type="button" aria-label={`Next mention of ${entity.name}`} onClick={trusted(() => onStep?.(1))}>
                Next ›
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
