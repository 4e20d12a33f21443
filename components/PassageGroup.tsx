import type { ComponentChildren } from 'preact';
import { plural, t } from './i18n';

export interface PassageGroupProps {
  /** Unique on the page: an article saved from at different times may head two groups. */
  readonly id: string;
  /** The article's URL: its name when it has no title. */
  readonly url: string;
  readonly title: string;
  readonly site: string;
  /** The most recent save among the group's passages. */
  readonly latest: number;
  /** Passages in the group, as loaded. */
  readonly count: number;
  readonly children: ComponentChildren;
}

const SAVED_ON = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The passages saved from one article, under a header: its title, site, latest save and count. */
export function PassageGroup({ id, url, title, site, latest, count, children }: PassageGroupProps) {
  const last = new Date(latest);
  return (
    <section class="article-group" aria-labelledby={id}>
      <header class="group-header">
        <h2 id={id}>{title || url}</h2>
        <p class="meta">
          {site} · {t('groupLastSaved')} <time dateTime={last.toISOString()}>{SAVED_ON.format(last)}</time> ·{' '}
          <span class="group-count">{plural('countPassages', count)}</span>
        </p>
      </header>
      {children}
    </section>
  );
}
