import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '@/lib/glossary/personal';
import type { BackgroundClient, GlossaryEntryView } from '@/lib/messages';
import { EntityEditForm } from './EntityEditForm';
import { EntrySource } from './EntrySource';
import { KIND_LABELS } from './kind-labels';
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

  if (loaded === undefined) return <p class="muted">Loading…</p>;
  if (loaded === null) {
    return (
      <p class="muted" role="status">
        This entry is no longer in your glossary (its article may have been deleted or forgotten).{' '}
        <button type="button" class="link" onClick={onClose}>
          Close
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
      entity.hidden ? `“${entity.name}” is shown again.` : `“${entity.name}” is hidden everywhere.`,
    );
  const split = (entry: GlossaryEntryView) => {
    // The entity stays open through an entry that remains in it.
    const rest = entries.find((e) => e.key !== entry.key)?.key;
    return run(send({ type: 'splitEntry', key: entry.key }), `“${entry.pack.title}” was split off.`, rest);
  };

  return (
    <article class="entity" aria-labelledby="entity-name">
      <header class="entity-header">
        <h2 id="entity-name">
          {entity.name}
          {entity.hidden && (
            <>
              {' '}
              <span class="badge">Hidden</span>
            </>
          )}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          Close
        </button>
      </header>
      <p class="meta">
        {KIND_LABELS[entity.kind]}
        {entity.aliases.length > 0 && <> · Also called {entity.aliases.join(', ')}</>}
      </p>
      <div class="row">
        <button type="button" onClick={() => void hide()}>
          {entity.hidden ? 'Show again' : 'Hide everywhere'}
        </button>
      </div>
      <h3>{entries.length === 1 ? 'Its source' : `Its ${entries.length} sources`}</h3>
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
        onSave={(patch) => run(send({ type: 'editEntry', key: entity.keys[0]!, patch }), 'Your changes are saved.')}
      />
      <MergePicker
        send={send}
        entity={entity}
        onMerge={(other) =>
          run(
            send({ type: 'mergeEntities', a: entity.keys[0]!, b: other.keys[0]! }),
            `“${other.name}” was merged into “${entity.name}”.`,
          )
        }
      />
    </article>
  );
}
