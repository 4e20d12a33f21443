/**
 * What Glossa does where a browser lacks an API it uses. Each takes the global or element it
 * reads as a parameter, so the fallbacks are tested in Node with the API missing (a content
 * script's isolated world cannot be stripped of an API from a test). The versions where each
 * API arrived, and the minimum versions they set, are in wxt.config.ts.
 */

interface SchedulerGlobal {
  readonly scheduler?: { readonly yield?: () => Promise<void> };
  setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * How work gives the main thread back between slices: `scheduler.yield()` (Chrome 129,
 * Firefox 142), which resumes ahead of other queued tasks; else a 0 ms timeout, which resumes
 * after the tasks already queued (input among them) — slower to finish, as responsive.
 */
export function createYield(global: SchedulerGlobal): () => Promise<void> {
  const scheduler = global.scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () => new Promise<void>((resolve) => global.setTimeout(resolve, 0));
}

/**
 * Whether CSS hides an element (display, visibility, content-visibility): `checkVisibility`
 * (Chrome 105, Firefox 106; `visibilityProperty` from Chrome 121, Firefox 122; older versions
 * ignore the option and miss only `visibility: hidden`). Without it every block counts as
 * shown: Glossa may mark a hidden block's names, and misses none that are shown.
 */
export function isHiddenByCss(el: {
  checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean;
}): boolean {
  return typeof el.checkVisibility === 'function' ? !el.checkVisibility({ visibilityProperty: true }) : false;
}

/** Whether a document of this content type is an HTML page: not SVG, an XML feed, JSON or plain text. */
export function isHtmlDocument(contentType: string): boolean {
  return contentType === 'text/html' || contentType === 'application/xhtml+xml';
}

interface HighlightGlobal {
  readonly CSS?: { readonly highlights?: unknown };
  readonly Highlight?: unknown;
}

/**
 * Whether the CSS Custom Highlight API is there (Chrome 105, Firefox 140), which Glossa marks
 * terms with. It has no fallback: Glossa would have to edit the page's DOM, which it never does.
 * Where it is missing, the content script does nothing and the popup says why.
 */
export function hasHighlightApi(global: HighlightGlobal): boolean {
  return (
    typeof global.Highlight === 'function' &&
    typeof global.CSS?.highlights === 'object' &&
    global.CSS.highlights !== null
  );
}
