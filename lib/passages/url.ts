/**
 * Which addresses a passage may have: web pages only (http: and https:). A passage's URL is
 * opened in a tab and written into exports as a link, so a `javascript:`, `data:`, `file:`,
 * `chrome:` or extension URL from an imported file must never get that far. One rule, used at
 * save, at import, at restore, in the Markdown export, and by the background before it opens
 * a passage.
 *
 * The check is strict on the raw string, not only on what the WHATWG parser makes of it: the
 * parser forgives a lot (it drops tabs and newlines anywhere, so `java\tscript:` is
 * `javascript:`; it trims spaces; it reads `https:\\host` and `https:host` as `https://host`),
 * and other readers of the same string (a Markdown renderer, a spreadsheet) may not forgive
 * in the same way. So the string itself must start with `http://` or `https://`, hold no
 * whitespace or control characters, and have a plain authority: no user name or password
 * (`https://news.example@evil.example` is a page on evil.example) and no backslash.
 */
import { type UserMessage, userMessage } from '../user-message';

/** Why `url` is not a web page's address (a message for the reader), or undefined when it is one. */
export function webUrlProblem(url: string): UserMessage | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return userMessage('urlNotWebScheme', scheme);
  }
  // Spaces, tabs, newlines and other controls anywhere: the parser would drop or encode them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url)) return userMessage('urlControlCharacters');
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (authority === undefined) return userMessage('urlNotWeb');
  if (authority.includes('@')) return userMessage('urlCredentials');
  if (authority === '' || authority.includes('\\')) return userMessage('urlMalformed');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return userMessage('urlMalformed');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return userMessage('urlNotWeb');
  }
  if (parsed.username || parsed.password) return userMessage('urlCredentials');
  if (!parsed.hostname) return userMessage('urlMalformed');
  return undefined;
}

/** Whether `url` is a web page's address (http: or https:), safe to open and to link to. */
export function isWebUrl(url: string): boolean {
  return webUrlProblem(url) === undefined;
}

/**
 * The page's address as a passage stores it: the WHATWG serialization (lower-case scheme and
 * host, IDN hosts in punycode) without the fragment; undefined when `url` is not a web URL.
 */
export function webPageUrl(url: string): string | undefined {
  if (!isWebUrl(url)) return undefined;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * The site a passage is filed under: the URL's hostname as the URL parser gives it
 * (lower-case, IDN in punycode, no port, `www.` kept), as savePassage always did.
 * '' when `url` is not a web URL.
 */
export function siteOf(url: string): string {
  return isWebUrl(url) ? new URL(url).hostname : '';
}
