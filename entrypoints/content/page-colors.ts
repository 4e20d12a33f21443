/** Reads the page's background behind a term, so the card can match light or dark pages. */

function parseRgb(color: string): [number, number, number, number] | undefined {
  const m = color.match(/rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * True when the first opaque background behind `el` is dark. With no opaque background
 * anywhere, the page is the browser's canvas: follow the reader's colour scheme.
 */
export function isDarkBackground(el: Element | null): boolean {
  for (let node = el; node; node = node.parentElement) {
    const rgba = parseRgb(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.2;
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}
