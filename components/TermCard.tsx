import { useMemo } from 'preact/hooks';
import { layerEntries } from '@/lib/glossary/layers';
import type { EntryView } from '@/lib/messages';
import { CardActions } from './CardActions';
import { EntityDetails, type MentionPosition } from './EntityDetails';
import { kindLabel } from './kind-labels';
import { plural, t } from './i18n';
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
  /** The term is inside this link and a tap opened the card instead of following it. */
  readonly link?: string;
  onStep(key: string, delta: 1 | -1): void;
  onShowEntry(key: string): void;
  /** Opens the glossary page at an entity (the background opens it: a page cannot link there). */
  onOpenGlossary(key: string): void;
  onOpenLink(): void;
  onSave(): void;
  onUndo(): void;
  onClose(): void;
}

/**
 * The hover card: every entity the hovered term names (several when the name is ambiguous),
 * each entity once however many packs know it. Three parts: a fixed header (name, kind,
 * close), a body that alone scrolls, and fixed actions, so the buttons stay in view however
 * little room the card has (lib/placement.ts keeps header and actions inside the viewport).
 */
export function TermCard(props: TermCardProps) {
  const { entries, pageUrl, mentions, relatedName, onShowEntry, onClose } = props;
  const entities = useMemo(() => layerEntries(entries, pageUrl), [entries, pageUrl]);
  const label = entities.map((e) => e.name).join(', ');
  const single = entities.length === 1;
  // The footer steps through the first entity's mentions, by the key marked on this page
  // (its layers may come from other articles).
  const first = entities[0];
  const onPage = (keys: readonly string[]) => keys.find((k) => mentions(k)) ?? keys[0]!;
  const firstKey = first && onPage(first.keys);
  return (
    <div
      class="card"
      role="dialog"
      aria-label={t('cardLabel', label)}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="card-head">
        <button type="button" class="close" aria-label={t('commonClose')} onClick={trusted(() => onClose())}>
          ×
        </button>
        {single && first ? (
          <>
            <h2 class="name">{first.name}</h2>
            <span class="kind">{kindLabel(first.kind)}</span>
          </>
        ) : (
          <p class="ambiguous">{plural('cardAmbiguous', entities.length, label)}</p>
        )}
      </div>
      <div class="card-body">
        {entities.map((entity, i) => (
          <EntityDetails
            key={entity.keys[0]}
            entity={entity}
            titled={!single}
            relatedName={relatedName}
            onShowEntry={onShowEntry}
            onOpenGlossary={i > 0 ? () => props.onOpenGlossary(onPage(entity.keys)) : undefined}
          />
        ))}
      </div>
      {first && firstKey && (
        <CardActions
          name={first.name}
          position={mentions(firstKey)}
          save={props.save}
          link={props.link}
          onStep={(delta) => props.onStep(firstKey, delta)}
          onOpenGlossary={() => props.onOpenGlossary(firstKey)}
          onOpenLink={props.onOpenLink}
          onSave={props.onSave}
          onUndo={props.onUndo}
        />
      )}
    </div>
  );
}
