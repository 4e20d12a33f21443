import { textFragmentLink } from '@/lib/anchoring/text-fragment';
import { isWebUrl } from '@/lib/passages/url';
import type { EntryView } from '@/lib/messages';
import { plural, t } from './i18n';
import { trusted } from './trusted';

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

export interface ArticleLayerProps {
  readonly entry: EntryView;
  /** The article is the page being read. */
  readonly here: boolean;
  /**
   * The compact card: the layer's description and its best sentence only (builders order the
   * sentences best first), without the sentence count.
   */
  readonly compact: boolean;
  readonly relatedName: (key: string) => string | undefined;
  onShowEntry(key: string): void;
}

/**
 * What one article says of an entity, labelled with that article: "In this article" on its own
 * page, "In «title» (site, date)" anywhere else, so a story never passes for a general fact,
 * compact or not.
 */
export function ArticleLayer({ entry, here, compact, relatedName, onShowEntry }: ArticleLayerProps) {
  const source = entry.pack.source;
  const builtFromPage = entry.pack.origin === 'page';
  const byHand = entry.pack.origin === 'hand';
  const where = [source.publisher ?? source.site, formatDate(source.published)].filter(Boolean).join(', ');
  const heading = here
    ? t('cardInThisArticle')
    : where
      ? t('cardInArticleWhere', source.title, where)
      : t('cardInArticle', source.title);
  const line = [source.title, source.publisher ?? source.site, formatDate(source.published)]
    .filter(Boolean)
    .join(' · ');
  const sentences = compact ? entry.mentions.slice(0, 1) : entry.mentions;
  const url = source.url;
  const sentenceLink =
    url && isWebUrl(url)
      ? (sentence: string) => textFragmentLink(url, { exact: sentence, prefix: '', suffix: '' })
      : undefined;
  const related = entry.related.flatMap((id) => {
    const key = `${entry.packId}/${id}`;
    const name = relatedName(key);
    return name ? [{ key, name }] : [];
  });
  return (
    <div class="layer">
      <h3>{heading}</h3>
      {entry.summary &&
        (entry.summaryQuote ? (
          // A built entry's description is the article's own words, quoted as such.
          <p class="summary" title={entry.summaryQuote}>
            <q>{entry.summary}</q> <span class="muted">{t('cardArticlesWords')}</span>
          </p>
        ) : (
          <p class="summary">{entry.summary}</p>
        ))}
      {builtFromPage && here && !compact && (
        <p class="mention-count muted">{plural('cardNamedInSentences', entry.mentions.length)}</p>
      )}
      {sentences.length > 0 && (
        <ul class="mentions">
          {sentences.map((m) => (
            <li key={`${m.paragraph}:${m.sentence}`}>
              {sentenceLink && !here ? (
                // Another article the reader read: the link opens it scrolled to this sentence.
                <a href={sentenceLink(m.sentence)} target="_blank" rel="noopener noreferrer">
                  {m.sentence}
                </a>
              ) : (
                m.sentence
              )}
            </li>
          ))}
        </ul>
      )}
      {here && (
        // Kept in the compact card: where a layer comes from is never hidden.
        <p class="source">
          {builtFromPage ? t('cardBuiltFromThisPage', line) : byHand ? t('cardAddedOnThisPage', line) : line}
        </p>
      )}
      {related.length > 0 && (
        // Kept in the compact card: one line of links, and the quickest way on to a related name.
        <div class="related">
          <h3>{t('cardRelated')}</h3>
          <ul>
            {related.map((r) => (
              <li key={r.key}>
                <button type="button" class="link" onClick={trusted(() => onShowEntry(r.key))}>
                  {r.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
