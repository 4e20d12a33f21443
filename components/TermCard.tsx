import type { EntryView } from '@/lib/messages';
import { KIND_LABELS } from './kind-labels';

export interface TermCardProps {
  readonly entries: readonly EntryView[];
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** One entry's content: what it is and what the article says about it. */
function EntryDetails({ entry }: { entry: EntryView }) {
  const source = entry.pack.source;
  const mentions = entry.mentions.slice(0, 2);
  return (
    <section class="entry" aria-labelledby={`glossa-name-${entry.id}`}>
      <header>
        <h2 id={`glossa-name-${entry.id}`} class="name">
          {entry.name}
        </h2>
        <span class="kind">{KIND_LABELS[entry.kind]}</span>
      </header>
      <p class="summary">{entry.summary}</p>
      {mentions.length > 0 && (
        <div class="mentions">
          <h3>In the article</h3>
          <ul>
            {mentions.map((m) => (
              <li key={`${m.paragraph}:${m.sentence}`}>{m.sentence}</li>
            ))}
          </ul>
          <p class="source">
            {[source.title, source.publisher, formatDate(source.published)].filter(Boolean).join(' · ')}
          </p>
        </div>
      )}
    </section>
  );
}

/** The hover card: every entry the hovered term names (usually one). */
export function TermCard({ entries }: TermCardProps) {
  return (
    <div class="card" role="dialog" aria-label={`Glossa: ${entries.map((e) => e.name).join(', ')}`}>
      {entries.map((entry) => (
        <EntryDetails key={entry.key} entry={entry} />
      ))}
    </div>
  );
}
