import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { EntityLayers } from '@/lib/glossary/layers';
import type { EntryView } from '@/lib/messages';
import { ArticleLayer } from './ArticleLayer';
import { kindLabel } from './kind-labels';
import { t } from './i18n';
import { trusted } from './trusted';

const isReading = (e: EntryView) => e.pack.origin === 'page' || e.pack.origin === 'hand';

export interface MentionPosition {
  /** 0-based index of the mention the card is attached to, among the entity's mentions on the page. */
  readonly index: number;
  readonly count: number;
}

export interface EntityProps {
  readonly entity: EntityLayers<EntryView>;
  /**
   * Whether the entity names itself: a card of several entities (an ambiguous name) heads each
   * one; a card of one has the name in its fixed header instead.
   */
  readonly titled: boolean;
  readonly relatedName: (key: string) => string | undefined;
  onShowEntry(key: string): void;
  /** The glossary link of an entity other than the card's first (the footer's is the first one's). */
  onOpenGlossary?(): void;
}

type Layer = EntityLayers<EntryView>['articles'][number];

/**
 * The layers of the compact card: this article's, and the latest other article's, since recalling
 * what another article said is what Glossa is for; older articles wait behind "Show more".
 */
function compactLayers(articles: readonly Layer[]): readonly Layer[] {
  const [first, next] = articles;
  if (!first) return [];
  return first.here && next ? [first, next] : [first];
}

/** What the compact card leaves out: other names, more sentences, older articles. */
function hasMore(entity: EntityLayers<EntryView>, compact: readonly Layer[]): boolean {
  return (
    entity.aliases.length > 0 ||
    entity.articles.length > compact.length ||
    compact.some((a) => a.entry.mentions.length > 1)
  );
}

/**
 * One entity: what is true of it anywhere (each line naming its source), then what each article
 * says, labelled by article. Compact at first (the description and each shown article's best
 * sentence) so the card stays short; "Show more" for the rest.
 */
export function EntityDetails({ entity, titled, relatedName, onShowEntry, onOpenGlossary }: EntityProps) {
  const [more, setMore] = useState(false);
  const slug = entity.keys[0]!.replace(/[^\w-]/gu, '-');
  const nameId = `glossa-name-${slug}`;
  const bodyId = `glossa-more-${slug}`;
  const compact = compactLayers(entity.articles);
  const articles = more ? entity.articles : compact;
  return (
    <section class="entry" aria-labelledby={titled ? nameId : undefined} aria-label={titled ? undefined : entity.name}>
      {titled && (
        <header>
          <h2 id={nameId} class="name">
            {entity.name}
          </h2>
          <span class="kind">{kindLabel(entity.kind)}</span>
          {onOpenGlossary && (
            <button type="button" class="link open-glossary" onClick={trusted(() => onOpenGlossary())}>
              {t('commonOpenInGlossary')}
            </button>
          )}
        </header>
      )}
      <div id={bodyId}>
        {entity.general.map((g) => (
          <p key={g.text} class="general">
            {g.text} <span class="muted">— {g.source}</span>
          </p>
        ))}
        {more && entity.aliases.length > 0 && (
          <p class="aliases">
            <span class="label">{t('cardAlso')}</span> {entity.aliases.join(', ')}
          </p>
        )}
        {articles.map(({ entry, here }, i) => {
          // The reader's own reading (pages built or annotated by hand), after this article's layer.
          const read = !here && isReading(entry);
          const first = read && !articles.slice(0, i).some((a) => !a.here && isReading(a.entry));
          return (
            <Fragment key={entry.key}>
              {first && <h3 class="group">{t('cardInOtherArticles')}</h3>}
              <ArticleLayer
                entry={entry}
                here={here}
                compact={!more}
                relatedName={relatedName}
                onShowEntry={onShowEntry}
              />
            </Fragment>
          );
        })}
      </div>
      {hasMore(entity, compact) && (
        <button
          type="button"
          class="link more"
          aria-expanded={more}
          aria-controls={bodyId}
          aria-label={more ? t('cardShowLessAbout', entity.name) : t('cardShowMoreAbout', entity.name)}
          onClick={trusted(() => setMore(!more))}
        >
          {more ? t('commonShowLess') : t('commonShowMore')}
        </button>
      )}
    </section>
  );
}
