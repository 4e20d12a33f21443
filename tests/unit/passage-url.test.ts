import { describe, expect, it } from 'vitest';
import { translate } from '@/components/i18n';
import { isWebUrl, siteOf, webPageUrl, webUrlProblem } from '@/lib/passages/url';

describe('passage URLs: web pages only', () => {
  it.each<[string, string, boolean]>([
    ['https', 'https://news.example/story', true],
    ['http', 'http://news.example/story?id=1&b=2', true],
    ['an uppercase scheme and host', 'HTTPS://News.Example/Story', true],
    ['a port', 'https://news.example:8443/story', true],
    ['an IDN host', 'https://bücher.example/seite', true],
    ['a punycode host', 'https://xn--bcher-kva.example/', true],
    ['an IP host', 'http://127.0.0.1:8080/', true],
    ['an IPv6 host', 'http://[::1]:8080/a', true],
    ['a text fragment', 'https://news.example/a#:~:text=Rahmon%20spoke', true],
    ['non-ASCII in the path', 'https://ru.wikipedia.org/wiki/Путин', true],
    ['a javascript: URL', 'javascript:alert(1)', false],
    ['an uppercase JAVASCRIPT: URL', 'JaVaScRiPt:alert(1)', false],
    ['javascript: with a tab inside', 'java\tscript:alert(1)', false],
    ['javascript: with a newline inside', 'java\nscript:alert(1)', false],
    ['javascript: after spaces', '  javascript:alert(1)', false],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>', false],
    ['a vbscript: URL', 'vbscript:msgbox', false],
    ['a file: URL', 'file:///etc/passwd', false],
    ['a chrome: URL', 'chrome://settings', false],
    ['an extension URL', 'chrome-extension://abcdefghijklmnop/options.html', false],
    ['a Firefox extension URL', 'moz-extension://0a1b2c/options.html', false],
    ['about:', 'about:blank', false],
    ['blob:', 'blob:https://news.example/0a1b', false],
    ['ftp:', 'ftp://files.example/a', false],
    ['a protocol-relative URL', '//evil.example/x', false],
    ['a relative path', '/story', false],
    ['a bare host', 'news.example/story', false],
    ['https with no slashes', 'https:evil.example', false],
    ['https with backslashes', 'https:\\\\evil.example', false],
    ['a backslash in the host', 'https://news.example\\@evil.example/', false],
    ['three slashes', 'https:///evil.example', false],
    ['no host', 'https://', false],
    ['leading whitespace', ' https://news.example/', false],
    ['trailing whitespace', 'https://news.example/ ', false],
    ['a tab inside', 'https://news.\texample/', false],
    ['a newline inside', 'https://news.example/a\nb', false],
    ['a space in the path', 'https://news.example/a b', false],
    ['a NUL', 'https://news.example/\u0000', false],
    ['a user name', 'https://user@evil.example/', false],
    ['a look-alike user name', 'https://news.example@evil.example/', false],
    ['a user name and password', 'https://user:pass@evil.example/', false],
    ['an empty user name', 'https://@evil.example/', false],
    ['a bad port', 'https://news.example:99999/', false],
    ['a bad host', 'https://exa mple.com/', false],
    ['an empty string', '', false],
  ])('%s: %j is a web URL: %s', (_label, url, web) => {
    expect(isWebUrl(url)).toBe(web);
    expect(webUrlProblem(url) === undefined).toBe(web);
  });

  it.each([
    ['javascript:alert(1)', /not a web address \(javascript:\)/],
    ['CHROME://settings', /not a web address \(chrome:\)/],
    ['java\tscript:alert(1)', /malformed/],
    ['//evil.example', /not a web address/],
    ['https://user@evil.example', /user name or password/],
    ['https://news.example:99999/', /malformed/],
  ])('says why %j is refused', (url, reason) => {
    expect(translate(webUrlProblem(url)!)).toMatch(reason);
  });

  it.each([
    ['https://news.example/story', 'news.example'],
    ['https://WWW.News.Example/story', 'www.news.example'],
    ['https://news.example:8443/story', 'news.example'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['http://[::1]:8080/', '[::1]'],
    ['https://user@evil.example/', ''],
    ['javascript:alert(1)', ''],
    ['not a url', ''],
  ])('files %j under the site %j', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it.each([
    ['https://news.example/story#section-2', 'https://news.example/story'],
    ['HTTPS://News.Example/Story', 'https://news.example/Story'],
    ['https://news.example', 'https://news.example/'],
    ['https://bücher.example/a?b=c#d', 'https://xn--bcher-kva.example/a?b=c'],
    ['https://news.example:443/a', 'https://news.example/a'],
  ])('stores %j as %j', (url, page) => {
    expect(webPageUrl(url)).toBe(page);
  });

  it('stores nothing for a URL that is not a web page', () => {
    expect(webPageUrl('javascript:alert(1)')).toBeUndefined();
    expect(webPageUrl('data:text/html,<script>')).toBeUndefined();
  });
});
