/**
 * Glossa's single UI host: one element with a closed shadow root, added on first use. A plain
 * <div>, not a custom element: a page cannot define its name first and so pre-empt it; closed,
 * so the page's scripts cannot reach the card, its buttons or what it shows (Playwright cannot
 * either: the e2e build, `--mode e2e`, opens it for the tests' locators; the hostile-page
 * tests run on the production build).
 * Styles come from a constructed stylesheet, so the page's CSS cannot reach in and a strict
 * page CSP (style-src with a nonce) cannot block them. The host is fixed-position and
 * zero-sized: adding it shifts no layout.
 */
import { UI_HOST_ID } from '@/lib/dom/scope';

export interface UiHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  /** Where Preact renders the hover card. */
  readonly mount: HTMLElement;
  /** Where Preact renders notices (toasts). */
  readonly toastMount: HTMLElement;
  remove(): void;
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  contain: 'none',
};

/** Closed in every build but the e2e test build. */
export const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement('div');
  host.id = UI_HOST_ID;
  // Set through the CSSOM, which a style-src CSP allows (a style attribute in markup it would not).
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  const mount = doc.createElement('div');
  const toastMount = doc.createElement('div');
  root.append(mount, toastMount);
  // On <html>, not <body>: frameworks that own <body>'s children never see it.
  doc.documentElement.append(host);
  return { host, root, mount, toastMount, remove: () => host.remove() };
}

/**
 * The CSS zoom the host renders under (zoom on the page's root zooms it too): positions inside
 * it are the viewport's pixels divided by this. 1 where the browser has no `currentCSSZoom`.
 */
export function hostZoom(ui: UiHost | undefined): number {
  return (ui?.host as (HTMLElement & { currentCSSZoom?: number }) | undefined)?.currentCSSZoom ?? 1;
}

/** The page's one UI host, created on first use and shared by the card and notices. */
export function lazyUiHost(
  doc: Document,
  css: string,
): { get(): UiHost; current(): UiHost | undefined; destroy(): void } {
  let ui: UiHost | undefined;
  return {
    // A host gone with its document (document.open() and write()) is made again.
    get: () => (ui?.host.isConnected ? ui : (ui = createUiHost(doc, css))),
    current: () => ui,
    destroy() {
      ui?.remove();
      ui = undefined;
    },
  };
}
