import type { SaveState } from './TermCard';
import type { MentionPosition } from './EntityDetails';
import { plural, t } from './i18n';
import { trusted } from './trusted';

export interface CardActionsProps {
  /** The name the mention buttons are labelled with (the entity stepped through). */
  readonly name: string;
  readonly position: MentionPosition | undefined;
  readonly save: SaveState;
  /** The term sits in a link: a tap opened the card instead of following it. */
  readonly link?: string;
  onStep(delta: 1 | -1): void;
  onOpenGlossary(): void;
  onOpenLink(): void;
  onSave(): void;
  onUndo(): void;
}

function SaveStatus({ save, onUndo }: Pick<CardActionsProps, 'save' | 'onUndo'>) {
  // Always rendered, so a screen reader hears each change of the live region.
  return (
    <p class="status" role="status">
      {save.status === 'saved' && (save.duplicate ? t('alreadyInList') : t('savedToList'))}
      {save.status === 'saved' && !save.duplicate && (
        <>
          {' '}
          <button type="button" class="link" onClick={trusted(() => onUndo())}>
            {t('commonUndo')}
          </button>
        </>
      )}
      {save.status === 'undone' && t('removedFromList')}
      {save.status === 'error' && save.message}
    </p>
  );
}

/**
 * The card's footer: what a reader does with it, fixed below the scrolling body so no
 * description, however long, pushes the buttons out of reach.
 */
export function CardActions({ name, position, save, link, ...on }: CardActionsProps) {
  const many = position !== undefined && position.count > 1;
  return (
    <div class="card-foot">
      {position && (
        <div class="page-mentions">
          <span>
            {plural('cardMentionsOnPage', position.count)}
            {many && (
              <span class="muted">
                {' '}
                · {t('cardMentionIndex', (position.index + 1).toLocaleString(), position.count.toLocaleString())}
              </span>
            )}
          </span>
          {many && (
            <span class="steps">
              <button
                type="button"
                aria-label={t('cardPreviousMentionOf', name)}
                onClick={trusted(() => on.onStep(-1))}
              >
                {t('cardPrevious')}
              </button>
              <button type="button" aria-label={t('cardNextMentionOf', name)} onClick={trusted(() => on.onStep(1))}>
                {t('cardNext')}
              </button>
            </span>
          )}
        </div>
      )}
      <div class="actions">
        {save.status !== 'saved' && (
          <button
            type="button"
            class="primary"
            disabled={save.status === 'saving'}
            onClick={trusted(() => on.onSave())}
          >
            {save.status === 'saving' ? t('commonSaving') : t('cardSavePassage')}
          </button>
        )}
        {link && (
          <button type="button" class="open-link" onClick={trusted(() => on.onOpenLink())}>
            {t('cardOpenLink')}
          </button>
        )}
        <button type="button" class="link open-glossary" onClick={trusted(() => on.onOpenGlossary())}>
          {t('commonOpenInGlossary')}
        </button>
        <SaveStatus save={save} onUndo={on.onUndo} />
      </div>
    </div>
  );
}
