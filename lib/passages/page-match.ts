/**
 * Which URL a page's passages are kept under: its canonical URL when it declares one on its
 * own origin (a page may name another page of its own site, never another site), else its own
 * URL; never a fragment. The content script saves under it and the background checks it, so
 * both use this one rule.
 */
export function passageUrlFor(pageUrl: string, declaredCanonical: string | undefined): string {
  const own = pageUrl.split('#')[0]!;
  if (!declaredCanonical) return own;
  try {
    const canonical = new URL(declaredCanonical);
    return canonical.origin === new URL(own).origin ? canonical.href.split('#')[0]! : own;
  } catch {
    // Not a URL: only the page's own.
    return own;
  }
}

/** Which saved URLs a page may ask about: its own, and its canonical URL when same-origin. */
export function pageUrlsFor(senderUrl: string | undefined, declaredCanonical: string): string[] {
  if (!senderUrl) return [];
  const own = senderUrl.split('#')[0]!;
  return [...new Set([own, passageUrlFor(own, declaredCanonical)])];
}
