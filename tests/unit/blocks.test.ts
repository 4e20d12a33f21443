import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { locateIn } from '@/lib/dom/blocks';
import { findContentRoots } from '@/lib/dom/scope';
import { compileMatcher } from '@/lib/match/compile';
import { createScanner } from '@/lib/match/scan';
import { matchesIn } from '../support/dom-matches';

const scanner = createScanner(
  compileMatcher(
    [
      ['tajikistan', 'Tajikistan'],
      ['crocus', 'Crocus City Hall'],
      ['rahmon', 'Emomali Rahmon'],
      ['base', '201st military base'],
      ['moscow', 'Moscow'],
    ].map(([key, name]) => ({ key: key!, entry: { name: name!, aliases: [], kind: 'place' as const } })),
    'test',
  ),
);

function found(html: string): string[] {
  return matchesIn(new JSDOM(`<!doctype html><body>${html}</body>`).window.document, scanner);
}

describe('terms in the DOM', () => {
  it.each<[string, string, string[]]>([
    ['drop cap', '<p><span class="dropcap">T</span>ajikistan is loyal</p>', ['Tajikistan']],
    ['link inside a term', '<p>the <a href="#">Crocus</a> City Hall attack</p>', ['Crocus City Hall']],
    ['emphasis inside a term', '<p><em>Emomali</em> Rahmon spoke</p>', ['Emomali Rahmon']],
    // A <br> adds no text to the range, but still separates the words.
    ['line break element inside a term', '<p>the 201st military<br>base is</p>', ['201st militarybase']],
    ['source line break', '<p>the 201st military\n   base is</p>', ['201st military\n   base']],
    ['never across paragraphs', '<div><p>Crocus</p><p>City Hall</p></div>', []],
    ['never across a nested block', '<div>Crocus <div>x</div> City Hall</div>', []],
    ['never across list items', '<ul><li>Emomali</li><li>Rahmon</li></ul>', []],
    [
      'skips nav, header, footer, aside',
      '<nav>Moscow</nav><header>Moscow</header><aside>Moscow</aside><footer>Moscow</footer><p>Moscow</p>',
      ['Moscow'],
    ],
    [
      'skips form fields and editable text',
      '<form>Moscow</form><textarea>Moscow</textarea><div contenteditable="true">Moscow</div><p>Moscow</p>',
      ['Moscow'],
    ],
    [
      'skips code, scripts and hidden content',
      '<pre>Moscow</pre><code>Moscow</code><script>Moscow</script><p hidden>Moscow</p><p aria-hidden="true">Moscow</p><p>Moscow</p>',
      ['Moscow'],
    ],
    [
      'keeps an article header',
      '<article><header><h1>Moscow</h1></header><p>Moscow news</p></article>',
      ['Moscow', 'Moscow'],
    ],
  ])('%s', (_label, html, expected) => {
    expect(found(html)).toEqual(expected);
  });

  it('prefers the article over navigation and footers', () => {
    const { document } = new JSDOM(
      '<body><div id="menu"><p>Moscow</p></div><article><p>Rahmon in Moscow</p></article></body>',
    ).window;
    expect(findContentRoots(document).map((e) => e.tagName)).toEqual(['ARTICLE']);
  });
});

describe('where an offset of a block’s text falls', () => {
  // "ab" + "" + "cd" + "efg": three nodes, starting at 0, 2 (empty, also 2) and 4.
  const doc = new JSDOM('<!doctype html><body><p>ab</p></body>').window.document;
  const nodes = ['ab', '', 'cd', 'efg'].map((t) => doc.createTextNode(t));
  const segments = [
    { node: nodes[0]!, start: 0 },
    { node: nodes[1]!, start: 2 },
    { node: nodes[2]!, start: 2 },
    { node: nodes[3]!, start: 4 },
  ];
  it.each<[string, number, boolean, number, number]>([
    ['the first character', 0, false, 0, 0],
    ['inside a node', 1, false, 0, 1],
    ['between two nodes, as a start: the later node', 2, false, 2, 0],
    ['between two nodes, as an end: the earlier node', 2, true, 0, 2],
    ['inside the last node', 5, false, 3, 1],
    ['the end of the text, as an end', 7, true, 3, 3],
    ['past the end: kept within the node', 9, true, 3, 3],
  ])('%s', (_why, offset, preferEnd, segment, within) => {
    expect(locateIn(segments, offset, preferEnd)).toEqual({ node: nodes[segment], offset: within });
  });

  it('no segments: nowhere', () => {
    expect(locateIn([], 3, false)).toBeUndefined();
  });
});
