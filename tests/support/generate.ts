/**
 * Deterministic generators for scale tests and the benchmark: a glossary pack of any size
 * and a news-like article of any size. Same seed, same output.
 */
import { PACK_FORMAT, type Entry, type EntryKind, type Pack } from '../../lib/glossary/schema';

/** mulberry32: a tiny, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ka ri mo ta vel sa lor en dra vi ko mar el tan bru zi no fa ge hal il ur os pe qu ren so tu wa ya'.split(' ');
const ORG_WORDS = [
  'Institute',
  'Council',
  'Ministry',
  'Agency',
  'Bank',
  'Union',
  'Front',
  'Party',
  'Company',
  'Foundation',
];
const PLACE_WORDS = ['Valley', 'River', 'Province', 'Bay', 'Heights', 'Port'];
const KINDS: EntryKind[] = ['person', 'place', 'organization', 'facility', 'event', 'group', 'concept'];

function word(next: () => number, syllables = 2 + Math.floor(next() * 2)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** A valid pack of `count` entries with plausible, unique names of every kind. */
export function generatePack(count: number, seed = 1, id = `generated-${count}`): Pack {
  const next = random(seed);
  const names = new Set<string>();
  const entries: Entry[] = [];
  while (entries.length < count) {
    const kind = KINDS[entries.length % KINDS.length]!;
    const name =
      kind === 'person'
        ? `${word(next)} ${word(next)}`
        : kind === 'organization'
          ? `${pick(next, ORG_WORDS)} of ${word(next)}`
          : kind === 'place'
            ? next() < 0.5
              ? word(next, 3)
              : `${word(next)} ${pick(next, PLACE_WORDS)}`
            : `${word(next)} ${word(next)} ${kind === 'facility' ? 'Hall' : kind === 'event' ? 'Accord' : 'Movement'}`;
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    const idSlug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${entries.length}`;
    const surname = kind === 'person' ? name.split(' ')[1]! : undefined;
    entries.push({
      id: idSlug,
      name,
      aliases: surname && !names.has(surname.toLowerCase()) ? [surname] : [],
      kind,
      summary: `${name} is a generated ${kind} used to measure Glossa at scale.`,
      mentions: [],
      related: [],
      match: { caseSensitive: [] },
    });
    if (surname) names.add(surname.toLowerCase());
  }
  return {
    format: PACK_FORMAT,
    id,
    title: `Generated glossary of ${count} entries`,
    version: '1.0.0',
    source: { title: 'Generated for benchmarks' },
    entries,
  };
}

const COMMON =
  'the of and to in a is that for on was with as by at from said its has have were but not this are after officials would their more which government also week could crisis computing inputs telegram moscow political between against other new over two than year been people country since about president minister talks security analysts reported last economic support region border forces while foreign agreement because state national'.split(
    ' ',
  );

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A news-like article of about `bytes` of HTML: paragraphs of common words (with traps such
 * as "crisis", "computing" and a lower-case "telegram"), glossary names every dozen words,
 * some wrapped in links or emphasis, some split across inline elements. `nameEvery` words
 * apart: 12 reads like news; 6 makes the dense page, where every sentence names several.
 */
export function generateArticleHtml(bytes: number, names: readonly string[], seed = 7, nameEvery = 12): string {
  const next = random(seed);
  const parts: string[] = [];
  let size = 0;
  let paragraph = 0;
  while (size < bytes) {
    if (paragraph % 12 === 0) parts.push(`<h2>${escapeHtml(word(next))} ${escapeHtml(pick(next, COMMON))} report</h2>`);
    const words: string[] = [];
    for (let i = 0; i < 90; i++) {
      if (i % nameEvery === 5 % nameEvery && names.length) {
        const name = escapeHtml(pick(next, names));
        const r = next();
        const space = name.indexOf(' ');
        if (r < 0.15) words.push(`<a href="#">${name}</a>`);
        else if (r < 0.25) words.push(`<em>${name}</em>`);
        else if (r < 0.3 && space > 0) words.push(`<a href="#">${name.slice(0, space)}</a>${name.slice(space)}`);
        else words.push(name);
      } else {
        words.push(pick(next, COMMON));
      }
    }
    const html = `<p>${words.join(' ')}.</p>`;
    parts.push(html);
    size += html.length;
    paragraph++;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Generated article</title></head>
<body><nav><a href="#">World</a> <a href="#">Moscow</a></nav>
<main><article><h1>A generated article of ${Math.round(bytes / 1024)} KB</h1>
${parts.join('\n')}
</article></main><footer>Generated for Glossa's benchmark</footer></body></html>`;
}

/**
 * A live page: the dense article's first part with a clock in the page header rewritten every
 * 10 ms (a ticker, a live blog's "updated 3 s ago", a match timer): each rewrite is a DOM change.
 * `changes: 'style'`: the clock's text stays, and a script moves it by an inline style in every
 * frame instead (a slider, a progress bar): no text changes, but the page is restyled.
 * `frameMs`: each of those frames also keeps the main thread busy this long, as a slow machine's
 * or a heavy page's frames are (a few frames a second instead of sixty).
 * With `?ownRanges=N` the page itself registers N highlight ranges over its capitalised words,
 * no extension involved: what the browser charges for that many ranges on this page.
 */
export function livePageHtml(
  articleHtml: string,
  { changes = 'text', frameMs = 0 }: { changes?: 'text' | 'style'; frameMs?: number } = {},
): string {
  const tick =
    changes === 'text'
      ? `setInterval(() => { clock.textContent = ((performance.now() - start) / 1000).toFixed(3) + ' s'; }, 10);`
      : `requestAnimationFrame(function move(t) {
    clock.style.marginLeft = (t / 10) % 100 + 'px';
    for (const until = performance.now() + ${frameMs}; performance.now() < until; );
    requestAnimationFrame(move);
  });`;
  return articleHtml.replace(
    '<body>',
    `<body><div id="clock" style="font: 14px monospace">00:00.000</div>
<style>::highlight(page-own) { text-decoration: underline dotted; }</style>
<script>
  const clock = document.getElementById('clock');
  const start = performance.now();
  ${tick}
  const own = Number(new URLSearchParams(location.search).get('ownRanges') || 0);
  if (own > 0) addEventListener('load', () => {
    const ranges = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && ranges.length < own; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[A-Z][a-z]+/g)) {
        if (ranges.length === own) break;
        ranges.push(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
      }
    }
    CSS.highlights.set('page-own', new Highlight(...ranges));
  });
</script>`,
  );
}
