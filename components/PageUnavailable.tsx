import { hasHighlightApi } from '@/lib/compat';
import { t } from './i18n';

/**
 * The popup's "On this page" where the page's content script does not answer: a browser page or
 * the store, or a browser without the Highlight API (the content script then stays out of every
 * page; the popup runs in the same browser, so it can tell).
 */
export function PageUnavailable({ global = globalThis }: { readonly global?: Parameters<typeof hasHighlightApi>[0] }) {
  if (!hasHighlightApi(global)) {
    return (
      <p class="muted" role="status">
        {t('noHighlightApi')}
      </p>
    );
  }
  return <p class="muted">{t('popupCannotReadPage')}</p>;
}
