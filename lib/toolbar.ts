/** What the toolbar button shows: its icon where Glossa is on or off, and the badge's count. */

/** The icon (public/icon/, from `npm run icons`), also the manifest's default toolbar icon. */
export const TOOLBAR_ICON = { 16: 'icon/16.png', 32: 'icon/32.png' } as const;

/** The grey icon a tab shows where the reader turned Glossa off for its site (or everywhere). */
export const MUTED_TOOLBAR_ICON = { 16: 'icon-muted/16.png', 32: 'icon-muted/32.png' } as const;

/** The badge's colour: the icon's blue. */
export const BADGE_COLOR = '#2456c8';

/** Most a badge shows: it fits about four characters. */
const BADGE_MAX = 999;

/** The badge's text for a page that mentions `count` glossary entries: none for none. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(Math.floor(count));
}
