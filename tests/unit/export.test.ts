import { describe, expect, it } from 'vitest';
import {
  csvCell,
  escapeMarkdown,
  ImportError,
  markdownDestination,
  MAX_IMPORT_PROBLEMS,
  newPassages,
  parseExport,
  toCsv,
  toJson,
  toMarkdown,
  vetImport,
} from '@/lib/passages/export';
import { translate } from '@/components/i18n';
import { thrownText } from '../support/i18n';
import { passage } from '../support/passages';

describe('export', () => {
  it('writes Markdown with quote, note, tags and link', () => {
    const md = toMarkdown([passage()]);
    expect(md).toContain('## Tajikistan and the Moscow terror attack fallout');
    expect(md).toContain('> Tajikistan President Emomali Rahmon spoke with his Russian counterpart\\.');
    expect(md).toContain('Check the date of the call\\.');
    expect(md).toContain('Tags: #tajikistan #diplomacy');
    expect(md).toContain('[Open the passage](<https://news.example/tajikistan#:~:text=Tajikistan%20President>)');
  });

  it.each([
    ['plain words', 'Rahmon spoke with Putin', 'Rahmon spoke with Putin'],
    ['HTML', '<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['a link', '[click](javascript:alert(1))', '\\[click\\]\\(javascript\\:alert\\(1\\)\\)'],
    ['an image', '![x](https://evil.example/t.png)', '\\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/t\\.png\\)'],
    ['an autolink', '<javascript:alert(1)>', '\\<javascript\\:alert\\(1\\)\\>'],
    ['emphasis and code', '*a* _b_ `c` ~~d~~', '\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~'],
    ['an entity', '&lt;img&gt; &#106;', '\\&lt\\;img\\&gt\\; \\&\\#106\\;'],
    ['a heading', '# Big', '\\# Big'],
    ['a list item', '- item', '\\- item'],
    ['an ordered list item', '1. one', '1\\. one'],
    ['a block quote', '> q', '\\> q'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a table row', '| a | b |', '\\| a \\| b \\|'],
  ])('escapes %s in Markdown text', (_label, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it.each([
    ['a plain link', 'https://news.example/a#:~:text=x', '<https://news.example/a#:~:text=x>'],
    ['parentheses and brackets', 'https://news.example/a_(b)]c', '<https://news.example/a_(b)]c>'],
    ['angle brackets', 'https://news.example/a<b>c', '<https://news.example/a%3Cb%3Ec>'],
    ['a space and a backslash', 'https://news.example/a b\\c', '<https://news.example/a%20b%5Cc>'],
    ['an entity-like &', 'https://news.example/?a=1&lt;b&c=2', '<https://news.example/?a=1\\&lt;b&c=2>'],
  ])('puts %s in a Markdown link destination', (_label, url, expected) => {
    expect(markdownDestination(url)).toBe(expected);
  });

  it.each([
    [
      'HTML and a javascript: link in the title, quote and note',
      passage({
        title: 'Click [here](javascript:alert(1)) <img src=x onerror=alert(1)>',
        text: '<img src=x onerror=alert(1)>',
        note: '[x](javascript:alert(1))',
        tags: ['<b>bold</b>'],
      }),
      [
        '## Click \\[here\\]\\(javascript\\:alert\\(1\\)\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>',
        '',
        '> \\<img src\\=x onerror\\=alert\\(1\\)\\>',
        '',
        '\\[x\\]\\(javascript\\:alert\\(1\\)\\)',
        '',
        'Tags: #\\<b\\>bold\\<\\/b\\>',
        '',
        '[Open the passage](<https://news.example/tajikistan#:~:text=Tajikistan%20President>) · saved 2026-11-25 · news\\.example',
      ],
    ],
    [
      'a ) and a ] in the title, and a link with a ) in it',
      passage({
        title: 'Prices (USD)] rise',
        text: 'x',
        note: '',
        tags: [],
        link: 'https://news.example/a_(b)#:~:text=x',
      }),
      [
        '## Prices \\(USD\\)\\] rise',
        '',
        '> x',
        '',
        '[Open the passage](<https://news.example/a_(b)#:~:text=x>) · saved 2026-11-25 · news\\.example',
      ],
    ],
    [
      'block markers at the start of lines, a newline in the title, a lone CR in the quote',
      passage({
        title: 'One\n# Two',
        text: '# Heading\r- item\n1. one\n\n> quote',
        note: '===\n+ plus\n```',
        tags: ['two words'],
      }),
      [
        '## One \\# Two',
        '',
        '> \\# Heading',
        '> \\- item',
        '> 1\\. one',
        '> ',
        '> \\> quote',
        '',
        '\\=\\=\\=',
        '\\+ plus',
        '\\`\\`\\`',
        '',
        'Tags: #two-words',
        '',
        '[Open the passage](<https://news.example/tajikistan#:~:text=Tajikistan%20President>) · saved 2026-11-25 · news\\.example',
      ],
    ],
    [
      'a link that is not a web page',
      passage({ text: 'x', note: '', tags: [], link: 'javascript:alert(1)//https://news.example' }),
      [
        '## Tajikistan and the Moscow terror attack fallout',
        '',
        '> x',
        '',
        'Not a web link: javascript\\:alert\\(1\\)\\/\\/https\\:\\/\\/news\\.example · saved 2026-11-25 · news\\.example',
      ],
    ],
  ])('writes safe Markdown for %s', (_label, p, lines) => {
    const md = toMarkdown([p]);
    expect(md).toBe(`# Glossa reading list\n\n${lines.join('\n')}\n`);
    // Raw: not escaped, i.e. after an even number of backslashes.
    expect(md).not.toMatch(/(?:^|[^\\])(?:\\\\)*<img/im);
    expect(md).not.toMatch(/\]\(<?javascript:/i);
  });

  it.each([
    ['=', '=1+1', `"'=1+1"`],
    ['= with quotes', '=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+', '+1 555', `"'+1 555"`],
    ['-', '-2+3', `"'-2+3"`],
    ['@', '@SUM(A1)', `"'@SUM(A1)"`],
    ['tab', '\tTAB', `"'\tTAB"`],
    ['carriage return', '\r=1', `"'\r=1"`],
    ['line feed', '\nx', `"'\nx"`],
    ['= after spaces', '   =1+1', `"'   =1+1"`],
    ['@ after a space', ' @SUM(A1)', `"' @SUM(A1)"`],
    ['- after a no-break space', '\u00a0-1', `"'\u00a0-1"`],
    ['full-width =', '\uff1d1+1', `"'\uff1d1+1"`],
    ['full-width +', '\uff0b1', `"'\uff0b1"`],
    ['full-width -', '\uff0d1', `"'\uff0d1"`],
    ['full-width @', '\uff20SUM(A1)', `"'\uff20SUM(A1)"`],
    ['full-width = after spaces', '  \uff1d1', `"'  \uff1d1"`],
  ])('makes a CSV cell starting with %s inert', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['ordinary', 'ordinary', '"ordinary"'],
    ['a comma', 'plain, with comma', '"plain, with comma"'],
    ['a newline', 'line\nbreak', '"line\nbreak"'],
    ['a formula later on', 'a =1+1', '"a =1+1"'],
    ['an empty cell', '', '""'],
    // One cell, quoted, for comma- and semicolon-separated readers alike.
    ['; , " and a newline', 'a;b,"c"\nd', '"a;b,""c""\nd"'],
  ])('quotes every CSV cell: %s', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes CSV with a header and one row per passage', () => {
    const csv = toCsv([passage({ note: '=1+1', tags: ['a;b', '-c'] })]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"saved","site","title","text","note","tags","url","link"');
    expect(lines[1]).toContain(`,"'=1+1",`);
    expect(lines[1]).toContain(',"a;b; -c",');
    expect(lines[1]!.startsWith('"2026-11-25T12:00:00.000Z","news.example",')).toBe(true);
  });

  it('writes exports even for a time no date can hold', () => {
    const p = passage({ savedAt: 1e20 });
    expect(toMarkdown([p])).toContain(' · saved  · news\\.example');
    expect(toCsv([p]).split('\r\n')[1]!.startsWith('"","news.example",')).toBe(true);
  });

  it('round-trips JSON losslessly', () => {
    const list = [passage(), passage({ id: 'p2', found: { status: 'missing', at: 5 } })];
    expect(parseExport(toJson(list))).toEqual(list);
  });

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['another JSON file', '{"hello": "world"}', /not a Glossa reading list export/],
    [
      'a newer version',
      '{"format":"glossa-reading-list","version":2,"passages":[]}',
      /version 2; this Glossa reads version 1/,
    ],
    [
      'a damaged passage',
      '{"format":"glossa-reading-list","version":1,"passages":[{"id":"x"}]}',
      /damaged at passages\.0/,
    ],
  ])('refuses %s with a clear message', async (_label, text, message) => {
    expect(() => parseExport(text)).toThrow(ImportError);
    expect(await thrownText(() => parseExport(text))).toMatch(message);
  });

  it.each([
    ['a data: URL', 'data:text/html,<script>alert(1)</script>', /not a web address \(data:\)/],
    ['a javascript: URL', 'javascript:alert(1)', /not a web address \(javascript:\)/],
    ['a javascript: URL with a tab', 'java\tscript:alert(1)', /malformed/],
    ['a chrome: URL', 'chrome://settings', /not a web address \(chrome:\)/],
    ['a file: URL', 'file:///etc/passwd', /not a web address \(file:\)/],
    ['an extension URL', 'chrome-extension://abc/options.html', /not a web address \(chrome-extension:\)/],
    ['a user name', 'https://news.example@evil.example/', /user name or password/],
    ['not a URL', 'news', /not a web address/],
  ])('skips an imported passage with %s, and says why', (_label, url, reason) => {
    const file = toJson([
      passage({ id: 'bad', url }),
      passage({ id: 'good', quote: { ...passage().quote, exact: 'y' } }),
    ]);
    const vetted = vetImport(parseExport(file));
    expect(vetted.passages.map((p) => p.id)).toEqual(['good']);
    expect(vetted.rejected).toBe(1);
    expect(vetted.problems).toMatchObject([{ index: 0, id: 'bad' }]);
    expect(translate(vetted.problems[0]!.reason)).toMatch(reason);
  });

  it('derives site and link from the URL, never from the file', () => {
    const file = JSON.parse(
      toJson([
        passage({
          url: 'https://News.Example/tajikistan#old',
          site: 'bank.example',
          link: 'javascript:alert(1)',
        }),
      ]),
    ) as { passages: Record<string, unknown>[] };
    const [p] = vetImport(parseExport(JSON.stringify(file))).passages;
    expect(p).toMatchObject({
      url: 'https://news.example/tajikistan',
      site: 'news.example',
      link: 'https://news.example/tajikistan#:~:text=Tajikistan%20President%20Emomali%20Rahmon,with%20his%20Russian%20counterpart.',
    });
    // A file without site or link imports too: both are derived.
    delete file.passages[0]!.site;
    delete file.passages[0]!.link;
    expect(vetImport(parseExport(JSON.stringify(file))).passages[0]).toEqual(p);
  });

  it('counts every rejected passage, and lists the first few', () => {
    const bad = Array.from({ length: MAX_IMPORT_PROBLEMS + 5 }, (_, i) =>
      passage({ id: `bad-${i}`, url: 'javascript:alert(1)' }),
    );
    const vetted = vetImport(bad);
    expect(vetted).toMatchObject({ passages: [], rejected: MAX_IMPORT_PROBLEMS + 5 });
    expect(vetted.problems).toHaveLength(MAX_IMPORT_PROBLEMS);
    expect(vetted.problems[0]).toMatchObject({ index: 0, id: 'bad-0' });
  });

  it('merges without duplicates, by id and by page, words and context', () => {
    const existing = [passage()];
    const incoming = [
      passage(),
      passage({ id: 'other-id' }),
      passage({ id: 'p3', quote: { ...passage().quote, exact: 'Another quote.' } }),
    ];
    expect(newPassages(existing, incoming).map((p) => p.id)).toEqual(['p3']);
  });
});
