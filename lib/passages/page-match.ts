/** Which saved URLs a page may ask about: its own, and its canonical URL when same-origin. */
export function pageUrlsFor(senderUrl: string | undefined, declaredCanonical: string): string[] {
  if (!senderUrl) return [];
  const own = senderUrl.split('#')[0]!;
  try {
    const canonical = new URL(declaredCanonical);
    // A page may name another page of its own site as canonical, never another site.
    if (canonical.origin === new URL(own).origin) return [...new Set([own, canonical.href.split('#')[0]!])];
  } catch {
    // Not a URL: only the page's own.
  }
  return [own];
}
