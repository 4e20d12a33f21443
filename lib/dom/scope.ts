/**
 * Which parts of a page Glossa reads. Only the article: navigation, headers, footers,
 * asides, forms, editable and code regions, scripts and hidden content are never marked.
 * Pure DOM code: it takes its document or root as a parameter and runs on saved pages in tests.
 */

import { tagSet } from './tag-set';

/** Elements whose whole subtree is skipped. */
const SKIPPED_TAGS = tagSet([
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** ARIA roles that mark the same regions as the skipped tags. */
const SKIPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'form',
  'dialog',
  'menu',
  'menubar',
]);

/** The id of Glossa's own UI host; never scanned. */
export const UI_HOST_ID = 'glossa-ui-host';

/** Whether `el` and everything under it must be left alone. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName;
  if (SKIPPED_TAGS.has(tag)) {
    // A <header> inside an <article> is the article's own headline block: keep it.
    if ((tag === 'HEADER' || tag === 'header') && el.parentElement?.closest('article')) return false;
    return true;
  }
  if (el.id === UI_HOST_ID) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
}

/** True when `node` sits in a skipped region, checked up to (not beyond) `root`. */
export function isInSkippedRegion(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) return false;
  }
  return false;
}

function paragraphTextLength(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll('p')) total += p.textContent?.length ?? 0;
  return total;
}

/**
 * The elements that hold the page's main content. Prefers the page's own markup
 * (article, main, role=main); otherwise guesses like Readability does, by where the
 * paragraph text is densest. Falls back to the body.
 */
export function findContentRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const articles = [...doc.querySelectorAll('article')].filter(
    (a) => !a.parentElement?.closest('article') && !isInSkippedRegion(a, body) && paragraphTextLength(a) > 0,
  );
  if (articles.length > 0) {
    // Feeds put many small <article>s on a page; a single story has one big one.
    const biggest = articles.reduce((a, b) => (paragraphTextLength(b) > paragraphTextLength(a) ? b : a));
    const main = biggest.closest('main, [role="main"]');
    return main && articles.length > 1 ? [main] : [biggest];
  }
  const main = doc.querySelector('main, [role="main"]');
  if (main) return [main];
  // Readability-style guess: the parent of the most paragraph text.
  const scores = new Map<Element, number>();
  for (const p of body.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || isInSkippedRegion(p, body)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return [best && bestScore >= 500 ? best : body];
}
