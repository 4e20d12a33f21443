import { useState } from 'preact/hooks';
import type { GlossaryEntryView } from '@/lib/messages';
import { plural, t } from './i18n';
import { originLabel } from './origin-labels';

export interface EntrySourceProps {
  readonly entry: GlossaryEntryView;
  /** Splits this entry off its entity; absent when it is the entity's only entry. */
  onSplit?(): void;
}

/** Sentences shown before "Show all": an article can name someone hundreds of times. */
const FIRST_SENTENCES = 5;

/** Published dates are calendar days: formatted in UTC so no time zone moves them a day. */
const PUBLISHED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** Only web addresses become links: an imported pack could carry any URL at all. */
const isWebUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** One source of an entity: the pack (article) it comes from, what it says, and the sentences naming it. */
export function EntrySource({ entry, onSplit }: EntrySourceProps) {
  const [allSentences, setAllSentences] = useState(false);
  const { pack } = entry;
  const published = pack.source.published ? new Date(pack.source.published) : undefined;
  // A page's own sentences link back to it; a reference pack's mentions are not from a page to open.
  const url =
    (pack.origin === 'page' || pack.origin === 'hand') && isWebUrl(pack.source.url) ? pack.source.url : undefined;
  const sentences = allSentences ? entry.mentions : entry.mentions.slice(0, FIRST_SENTENCES);
  const titleId = `source-${entry.key}`;
  return (
    <li class="entry-source" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {pack.title}
        {entry.hidden && (
          <>
            {' '}
            <span class="badge">{t('commonHidden')}</span>
          </>
        )}
      </h4>
      <p class="meta">
        {originLabel(pack.origin)}
        {pack.source.site && <> · {pack.source.site}</>}
        {published && !Number.isNaN(published.getTime()) && (
          <>
            {' '}
            · <time dateTime={pack.source.published}>{PUBLISHED.format(published)}</time>
          </>
        )}
        {' · '}
        {t('sourceAsName', entry.name)}
      </p>
      {entry.summary && <p class="entry-summary">{entry.summary}</p>}
      {sentences.length > 0 && (
        <ul class="sentences" aria-label={t('sourceSentencesFrom', pack.title)}>
          {sentences.map((m, i) => (
            <li key={i}>
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {m.sentence}
                </a>
              ) : (
                m.sentence
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        {entry.mentions.length > FIRST_SENTENCES && (
          <button type="button" class="link" onClick={() => setAllSentences((v) => !v)}>
            {allSentences ? t('sourceShowFewer') : plural('sourceShowAll', entry.mentions.length)}
          </button>
        )}
        {onSplit && (
          <button type="button" onClick={onSplit}>
            {t('sourceSplitOff')}
          </button>
        )}
      </div>
    </li>
  );
}
