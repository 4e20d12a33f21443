/**
 * The personal glossary at scale: 1,000 articles built on the reader's machine (BENCH_ARTICLES).
 *
 * Articles are the real builder's packs of the seven real pages, each copied with its people
 * and organisations renamed from a pool of names drawn with a long tail (a few names in many
 * articles, most in one or two), so entities recur across articles as news does.
 *
 *  - In Node: grouping every entry into entities and searching them (lib/glossary/personal),
 *    the background's own code, without the database.
 *  - In headless Chromium, the built extension: the packs written into its IndexedDB, then the
 *    storage the browser reports for the extension (navigator.storage.estimate), the first answer
 *    of the glossary page's list after a change (the background reads every entry and groups
 *    them), searches, a card's "other articles", and the glossary page opened (navigation to
 *    its list shown).
 *
 * Medians of several runs. `BENCH_ONLY=personal npm run bench`, or `npx tsx scripts/bench-personal.ts`.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import type { StoredEntry, StoredPack } from '../lib/db/database';
import { buildPersonalGlossary } from '../lib/glossary/personal';
import type { Pack } from '../lib/glossary/schema';
import { chromiumArgs, findChromium } from '../tests/support/chromium';
import { random } from '../tests/support/generate';
import { buildFor } from '../tests/support/quality';
import { waitForWelcomePage } from '../tests/support/welcome';
import { median } from './median';

const root = path.resolve(import.meta.dirname, '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000);
const PAGES = ['seed', 'wapo-2', 'bbc-1', 'gitlab-blog', 'yahoo-2', 'nytimes-4', 'wikipedia-4'];

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

const FIRST =
  'Ada Bruno Clara Dmitri Elif Farid Greta Hugo Ines Jonas Kemal Lena Marco Nadia Omar Petra Rui Sana Tomas Una Viktor Wen Yara Zoltan'.split(
    ' ',
  );
const LAST =
  'Quill Marrow Tenby Ostrava Velde Harker Lindqvist Sorrel Abara Bexley Castell Draven Eklund Faro Gaddis Holm Ivers Jaksic Kovac Laine Moreau Nakai Orlov Pardo'.split(
    ' ',
  );
const ORG = 'Institute Council Agency Bureau Foundation Commission Authority Union Party Bank'.split(' ');

/** Packs and entries as the background stores them, for `count` articles. */
export function generateArticles(count: number, seed = 11): { packs: StoredPack[]; entries: StoredEntry[] } {
  const next = random(seed);
  const templates = PAGES.map((p) => buildFor(p)).filter((p): p is Pack => p !== undefined);
  // Pool of 20,000 names; rank r drawn with weight ~1/r.
  const pool = (i: number) =>
    i % 5 === 4
      ? { name: `${LAST[i % LAST.length]} ${ORG[(i >> 3) % ORG.length]} ${i}`, kind: 'organization' as const }
      : { name: `${FIRST[i % FIRST.length]} ${LAST[(i >> 2) % LAST.length]}-${i}`, kind: 'person' as const };
  const draw = () => pool(Math.floor(20_000 ** next()) - 1);
  const packs: StoredPack[] = [];
  const entries: StoredEntry[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let a = 0; a < count; a++) {
    const t = templates[a % templates.length]!;
    const id = `page-bench${String(a).padStart(5, '0')}`;
    const url = `https://news${a % 200}.example/story/${a}`;
    packs.push({
      id,
      title: `Built from ${url}`,
      version: '1.0.0',
      source: { title: `${t.source.title} (${a})`, site: new URL(url).hostname, url, published: '2025-06-01' },
      hash: `${id}-hash`,
      origin: 'page',
      entryCount: t.entries.length,
      installedAt: start + a * 3_600_000,
    });
    const used = new Set<string>();
    for (const e of t.entries) {
      // Places stay (the same countries recur); people and organisations are renamed.
      let name = e.name;
      let kind = e.kind;
      if (e.kind === 'person' || e.kind === 'organization') {
        const drawn = draw();
        if (used.has(drawn.name)) continue;
        used.add(drawn.name);
        name = drawn.name;
        kind = drawn.kind;
      }
      const surname = name.split(' ').at(-1)!;
      entries.push({
        ...e,
        name,
        kind,
        aliases: kind === 'person' ? [surname] : e.aliases,
        mentions: e.mentions.map((m) => ({ ...m, sentence: m.sentence.split(e.name).join(name) })),
        key: `${id}/${e.id}`,
        packId: id,
      });
    }
  }
  return { packs, entries };
}

function benchInNode(data: ReturnType<typeof generateArticles>, runs = 5) {
  const packById = new Map(data.packs.map((p) => [p.id, p]));
  const personalEntries = data.entries.map((e) => ({ ...e, pack: { origin: packById.get(e.packId)!.origin } }));
  const builds: number[] = [];
  let glossary = buildPersonalGlossary(personalEntries, { merges: [], alone: new Set() });
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    glossary = buildPersonalGlossary(personalEntries, { merges: [], alone: new Set() });
    builds.push(performance.now() - t);
  }
  const first = performance.now();
  glossary.query({ query: 'lindqvist' });
  const firstSearch = performance.now() - first;
  const searches: number[] = [];
  for (const q of ['ada', 'Ostrava', 'holm inst', 'ukraine', 'zzzz']) {
    const t = performance.now();
    glossary.query({ query: q });
    searches.push(performance.now() - t);
  }
  console.log(
    `Node: ${data.entries.length} entries → ${glossary.entities.length} entities; grouping ${ms(median(builds))} ` +
      `(median of ${runs}); first search (builds the index) ${ms(firstSearch)}; later searches median ${ms(median(searches))}`,
  );
}

/** A pack of one entry, imported and removed to stand for "a new article was built". */
const tinyPack = (n: number) => ({
  format: 1,
  id: `bench-tiny-${n}`,
  title: 'Bench',
  version: '1.0.0',
  source: { title: 'Bench' },
  entries: [{ id: 'x', name: `Benchy Name ${n}`, aliases: [], kind: 'person', mentions: [], related: [] }],
});

type Send = (m: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;

async function benchInChromium(data: ReturnType<typeof generateArticles>, runs = 5) {
  execSync('npx wxt build', { stdio: 'ignore', cwd: root });
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(),
  });
  try {
    // A fresh profile is an install: the welcome page Glossa opens is closed before anything is measured.
    await (await waitForWelcomePage(context)).close();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await context.newPage();
    await page.goto(`${base}/options.html`);
    const send = (m: unknown) =>
      page.evaluate(
        (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage: Send } } }).chrome.runtime.sendMessage(m),
        m,
      );
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage: Send } } }).chrome.runtime
          .sendMessage({ type: 'getSettings' })
          .then(
            (r) => Boolean(r?.ok),
            () => false,
          ),
      null,
      { timeout: 120_000, polling: 500 },
    );
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const before = await usage();
    const t0 = performance.now();
    const CHUNK = 100;
    for (let i = 0; i < data.packs.length; i += CHUNK) {
      const packs = data.packs.slice(i, i + CHUNK);
      const ids = new Set(packs.map((p) => p.id));
      const entries = data.entries.filter((e) => ids.has(e.packId));
      await page.evaluate(
        ({ packs, entries }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('glossa');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['packs', 'entries'], 'readwrite');
              for (const p of packs) tx.objectStore('packs').put(p);
              for (const e of entries) tx.objectStore('entries').put(e);
              tx.oncomplete = () => (db.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        { packs, entries },
      );
    }
    const after = await usage();
    console.log(
      `Chromium: ${data.packs.length} articles, ${data.entries.length} entries written in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s; storage the browser reports for them: ` +
        `${((after - before) / 1024 / 1024).toFixed(1)} MB (${(before / 1024 / 1024).toFixed(1)} MB before)`,
    );

    const timed = async (m: unknown) => {
      const t = performance.now();
      const reply = await send(m);
      if (!reply?.ok) throw new Error(`${JSON.stringify(m)}: ${reply?.error}`);
      return { ms: performance.now() - t, value: reply.value };
    };
    const colds: number[] = [];
    const fulls: number[] = [];
    const searches: number[] = [];
    const others: number[] = [];
    const loads: number[] = [];
    const popups: number[] = [];
    const someKey = data.entries.find((e) => e.kind === 'person')!.key;
    for (let r = 0; r < runs; r++) {
      // A reader's change (an empty hide) regroups the entries the background holds...
      await timed({ type: 'hideEntries', keys: [], hidden: false });
      colds.push((await timed({ type: 'glossaryEntities', limit: 100 })).ms);
      // ...a change of packs (here a one-entry pack imported) reads every entry again.
      await timed({ type: 'importPack', pack: tinyPack(r) });
      fulls.push((await timed({ type: 'glossaryEntities', limit: 100 })).ms);
      await timed({ type: 'removePack', id: tinyPack(r).id });
      for (const q of ['ada', 'Ostrava', 'holm inst', 'ukraine'])
        searches.push((await timed({ type: 'glossaryEntities', query: q, limit: 100 })).ms);
      others.push((await timed({ type: 'glossaryEntity', key: someKey })).ms);
      // The glossary page itself, opened afresh: navigation to its list on screen.
      const view = await context.newPage();
      const t = performance.now();
      await view.goto(`${base}/glossary.html`);
      await view.locator('li').first().waitFor({ timeout: 30_000 });
      loads.push(performance.now() - t);
      await view.close();
      // The popup, which searches the whole glossary: opened to its first results.
      const popup = await context.newPage();
      const p0 = performance.now();
      await popup.goto(`${base}/popup.html`);
      await popup.locator('[role="option"]').first().waitFor({ timeout: 60_000 });
      popups.push(performance.now() - p0);
      await popup.close();
    }
    console.log(
      `Chromium, medians of ${runs}: list after a reader's edit (regroups) ${ms(median(colds))}; ` +
        `after a pack change (reads every entry and groups) ${ms(median(fulls))}; ` +
        `search ${ms(median(searches))}; one entity ${ms(median(others))}; glossary page opened to its list ${ms(median(loads))}; popup opened to its first results ${ms(median(popups))}`,
    );
  } finally {
    await context.close();
  }
}

export async function benchPersonal(): Promise<void> {
  const data = generateArticles(ARTICLES);
  benchInNode(data);
  await benchInChromium(data);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPersonal();
