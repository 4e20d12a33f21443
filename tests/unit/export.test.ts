import { describe, expect, it } from 'vitest';
import { csvCell, ImportError, newPassages, parseExport, toCsv, toJson, toMarkdown } from '@/lib/passages/export';
import { passage } from '../support/passages';

describe('export', () => {
  it('writes Markdown with quote, note, tags and link', () => {
    const md = toMarkdown([passage()]);
    expect(md).toContain('## Tajikistan and the Moscow terror attack fallout');
    expect(md).toContain('> Tajikistan President Emomali Rahmon spoke with his Russian counterpart.');
    expect(md).toContain('Check the date of the call.');
    expect(md).toContain('Tags: #tajikistan #diplomacy');
    expect(md).toContain('[Open the passage](https://news.example/tajikistan#:~:text=Tajikistan%20President)');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    ['ordinary', 'ordinary'],
  ])('makes the CSV cell %j safe: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes CSV with a header and one row per passage', () => {
    const csv = toCsv([passage({ note: '=1+1' })]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('saved,site,title,text,note,tags,url,link');
    expect(lines[1]).toContain(",'=1+1,");
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
  ])('refuses %s with a clear message', (_label, text, message) => {
    expect(() => parseExport(text)).toThrow(ImportError);
    expect(() => parseExport(text)).toThrow(message);
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
