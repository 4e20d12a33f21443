import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '@/lib/glossary/personal';
import type { BackgroundClient, GlossaryEntryView } from '@/lib/messages';
import { EntityEditForm } from './EntityEditForm';
import { EntrySource } from './EntrySource';
import { plural, t } from './i18n';
import { kindLabel } from './kind-labels';
import { MergePicker } from './MergePicker';

export interface GlossaryEntityViewProps {
  readonly send: BackgroundClient;
  /** Any entry key of the entity to show. */
  readonly entryKey: string;
  /** Bumped after every change: the entity is read again. */
  readonly version: number;
  /** A change was made: says what, and which entry to show next (after a split). */
  onChanged(message: string, next?: string): void;
  onError(e: unknown): void;
  /** The entity as loaded (undefined when no entity has that key). */
  onLoaded(entity: EntitySummary | undefined): void;
  onClose(): void;
}

type Loaded = { readonly entity: EntitySummary; readonly entries: GlossaryEntryView[] } | null;

/** One entity: its names, every source that has it with their sentences, and what the reader may change. */
export function GlossaryEntityView({
  send,
  entryKey,
  version,
  onChanged,
  onError,
  onLoaded,
  onClose,
}: GlossaryEntityViewProps) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();

  useEffect(() => {
    let current = true;
    send({ type: 'glossaryEntity', key: entryKey }).then(
      (answer) => {
        if (!current) return;
        setLoaded(answer);
        onLoaded(answer?.entity);
      },
      (e: unknown) => current && onError(e),
    );
    return () => {
      current = false;
    };
    // onLoaded and onError are the parent's, new each render: they must not reload the entity.
  }, [send, entryKey, version]);

  if (loaded === undefined) return <p class="muted">{t('commonLoading')}</p>;
  if (loaded === null) {
    return (
      <p class="muted" role="status">
        {t('entityGone')}{' '}
        <button type="button" class="link" onClick={onClose}>
          {t('commonClose')}
        </button>
      </p>
    );
  }

  const { entity, entries } = loaded;
  const run = (request: Promise<unknown>, message: string, next?: string) =>
    request.then(() => onChanged(message, next), onError);
  const hide = () =>
    run(
      send({ type: 'hideEntries', keys: [...entity.keys], hidden: !entity.hidden }),
      entity.hidden ? t('entityShownAgain', entity.name) : t('entityHiddenEverywhere', entity.name),
    );
  const split = (entry: GlossaryEntryView) => {
    // The entity stays open through an entry that remains in it.
    const rest = entries.find((e) => e.key !== entry.key)?.key;
    return run(send({ type: 'splitEntry', key: entry.key }), t('entitySplitOff', entry.pack.title), rest);
  };

  return (
    <article class="entity" aria-labelledby="entity-name">
      <header class="entity-header">
        <h2 id="entity-name">
          {entity.name}
          {entity.hidden && (
            <>
              {' '}
              <span class="badge">{t('commonHidden')}</span>
            </>
          )}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('commonClose')}
        </button>
      </header>
      <p class="meta">
        {kindLabel(entity.kind)}
        {entity.aliases.length > 0 && <> · {t('entityAlsoCalled', entity.aliases.join(', '))}</>}
      </p>
      <div class="row">
        <button type="button" onClick={() => void hide()}>
          {entity.hidden ? t('entityShowAgain') : t('entityHideEverywhere')}
        </button>
      </div>
      <h3>{plural('entitySources', entries.length)}</h3>
      <ul class="entry-sources">
        {entries.map((entry) => (
          <EntrySource
            key={entry.key}
            entry={entry}
            onSplit={entries.length > 1 ? () => void split(entry) : undefined}
          />
        ))}
      </ul>
      <EntityEditForm
        key={`${entity.id}:${version}`}
        entity={entity}
        first={entries.find((e) => e.key === entity.keys[0])}
        onSave={(patch) => run(send({ type: 'editEntry', key: entity.keys[0]!, patch }), t('entityChangesSaved'))}
      />
      <MergePicker
        send={send}
        entity={entity}
        onMerge={(other) =>
          run(
            send({ type: 'mergeEntities', a: entity.keys[0]!, b: other.keys[0]! }),
            t('entityMerged', other.name, entity.name),
          )
        }
      />
    </article>
  );
}
