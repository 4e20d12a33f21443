import { useMemo } from 'preact/hooks';
import { layerEntries } from '@/lib/glossary/layers';
import type { EntryView } from '@/lib/messages';
import { EntityDetails, type MentionPosition } from './EntityDetails';
import { trusted } from './trusted';

export type { MentionPosition } from './EntityDetails';

export type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly id: string; readonly duplicate: boolean }
  | { readonly status: 'undone' }
  | { readonly status: 'error'; readonly message: string };

export interface TermCardProps {
  readonly entries: readonly EntryView[];
  /** The page the card is on: an article layer from it reads "In this article". */
  readonly pageUrl?: string;
  /** Where each shown entry stands among its mentions on this page. */
  readonly mentions: (key: string) => MentionPosition | undefined;
  /** Names of related entries that can be shown, by key. */
  readonly relatedName: (key: string) => string | undefined;
  readonly save: SaveState;
  onStep(key: string, delta: 1 | -1): void;
  onShowEntry(key: string): void;
  /** Opens the glossary page at an entity (the background opens it: a page cannot link there). */
  onOpenGlossary(key: string): void;
  onSave(): void;
  onUndo(): void;
  onClose(): void;
}

function SaveBar({ save, onSave, onUndo }: Pick<TermCardProps, 'save' | 'onSave' | 'onUndo'>) {
  return (
    <div class="actions">
      {save.status === 'saved' ? (
        <p class="status" role="status">
          {save.duplicate ? 'Already in your reading list.' : 'Saved to your reading list.'}{' '}
          {!save.duplicate && (
            <button type="button" class="link" onClick={trusted(() => onUndo())}>
              Undo
            </button>
          )}
        </p>
      ) : (
        <>
          <button type="button" class="primary" disabled={save.status === 'saving'} onClick={trusted(() => onSave())}>
            {save.status === 'saving' ? 'Saving…' : 'Save passage'}
          </button>
          <p class="status" role="status">
            {save.status === 'undone' ? 'Removed from your reading list.' : save.status === 'error' ? save.message : ''}
          </p>
        </>
      )}
    </div>
  );
}

/**
 * The hover card: every entity the hovered term names (several when the name is ambiguous),
 * each entity once however many packs know it.
 */
export function TermCard(props: TermCardProps) {
  const { entries, pageUrl, mentions, relatedName, onStep, onShowEntry, onClose } = props;
  const entities = useMemo(() => layerEntries(entries, pageUrl), [entries, pageUrl]);
  const label = entities.map((e) => e.name).join(', ');
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Glossa: ${label}`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" class="close" aria-label="Close" onClick={trusted(() => onClose())}>
        ×
      </button>
      {entities.length > 1 && (
        <p class="ambiguous">
          “{label}”: this name belongs to {entities.length} entries.
        </p>
      )}
      {entities.map((entity) => {
        // The entity's layers may come from other articles: step by the key marked on this page.
        const onPage = entity.keys.find((k) => mentions(k)) ?? entity.keys[0]!;
        return (
          <EntityDetails
            key={entity.keys[0]}
            entity={entity}
            position={mentions(onPage)}
            relatedName={relatedName}
            onStep={(delta) => onStep(onPage, delta)}
            onShowEntry={onShowEntry}
            onOpenGlossary={() => props.onOpenGlossary(onPage)}
          />
        );
      })}
      <SaveBar save={props.save} onSave={props.onSave} onUndo={props.onUndo} />
    </div>
  );
}
