/**
 * Which URL a page's passages are kept under: the page's own, without its fragment. A declared
 * canonical URL (`<link rel="canonical">`) is not used: the page's own script writes it, so
 * trusting it would let one page of a site read, or mark "not found", the passages saved on
 * another. The cost: an AMP copy and its article keep separate passages.
 */
export function passageUrlFor(pageUrl: string): string {
  return pageUrl.split('#')[0]!;
}

/** Which saved URLs a page may ask about: its own, as the browser reports the sender. */
export function pageUrlsFor(senderUrl: string | undefined): string[] {
  return senderUrl ? [passageUrlFor(senderUrl)] : [];
}
