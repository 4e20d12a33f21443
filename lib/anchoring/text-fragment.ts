/**
 * Text-fragment links (`#:~:text=`): a URL that scrolls to and highlights a passage in
 * browsers that support it, and degrades to the plain page elsewhere.
 * https://wicg.github.io/scroll-to-text-fragment/
 */

/** The characters the fragment syntax reserves must be percent-encoded ("-", "," and "&"). */
function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * Builds a link to `exact` on `url`. Short quotes are spelled out; long ones become
 * textStart,textEnd (the first and last four words). Up to three words of prefix and suffix
 * make the link unique on the page when the quote recurs.
 */
export function textFragmentLink(url: string, quote: { exact: string; prefix: string; suffix: string }): string {
  const base = url.split('#')[0]!;
  const w = words(quote.exact);
  const range =
    w.length <= 8
      ? encodePart(w.join(' '))
      : `${encodePart(w.slice(0, 4).join(' '))},${encodePart(w.slice(-4).join(' '))}`;
  const prefixWords = words(quote.prefix).slice(-3);
  const suffixWords = words(quote.suffix).slice(0, 3);
  // The prefix and suffix must be whole words next to the quote; a cut word would not match.
  const prefix = prefixWords.length > 1 ? `${encodePart(prefixWords.slice(1).join(' '))}-,` : '';
  const suffix = suffixWords.length > 1 ? `,-${encodePart(suffixWords.slice(0, -1).join(' '))}` : '';
  return `${base}#:~:text=${prefix}${range}${suffix}`;
}
