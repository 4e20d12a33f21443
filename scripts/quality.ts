/**
 * `npm run quality`: the on-page builder against the hand annotations, one row per article:
 * recall of core entities, precision of what is marked, and what it still gets wrong.
 * The held-out articles' misses and wrong marks print only with QUALITY_DETAILS=held-out, so
 * that rules are tuned on the dev set and the held-out set measures them.
 */
import { buildFor, qualityOf, type QualityRow } from '../tests/support/quality';

// Pages whose misses shaped a rule. nytimes-4, wikipedia-4 and gitlab-blog were measured blind
// first (80/83, 59/69, 50/71), then their misses taught party members, "for a", reference lists.
// The dev set (buzzfeed-1, herald-sun-1, seattletimes-1, wapo-1) was annotated blind, then tuned on.
const FIRST_PAGES = [
  'seed',
  'wapo-2',
  'bbc-1',
  'nytimes-4',
  'wikipedia-4',
  'gitlab-blog',
  'buzzfeed-1',
  'herald-sun-1',
  'seattletimes-1',
  'wapo-1',
  // yahoo-2's wrong marks (a bracketed photo credit, "GMT") shaped round 4's rules.
  'yahoo-2',
];
// Round 3's held-out set: measured blind once (recall 26/28, precision 61/77 after the dev
// rules), then its wrong marks were read and shaped round 4's rules, so it is tuned on now.
const ROUND_3 = ['cnn', 'nytimes-3', 'telegraph', 'yahoo-3'];
// Round 4's held-out set: measured blind once (recall 28/30, precision 90/122), then its wrong
// marks were read and shaped round 5's rules and the evidence threshold, so it is tuned on now.
const ROUND_4 = ['breitbart', 'citylab-1', 'france24-1', 'salon-1', 'tmz-1'];
// Round 5's held-out set: measured blind once (recall 12/23, precision 33/38), then its misses
// and wrong marks were read and shaped round 6's rules (quoted titles, "iPhone", a "©" credit
// before a lede, "X is on Twitter at …"), so it is tuned on now.
const ROUND_5 = ['cnet', 'medicalnewstoday', 'msn', 'yahoo-1'];
const TUNED_ON = new Set([...FIRST_PAGES, ...ROUND_3, ...ROUND_4, ...ROUND_5]);
// Round 6's held-out set: annotated blind before the builder ran on them, never tuned on.
const HELD_OUT = new Set(['aclu', 'bug-1255978', 'quanta-1', 'webmd-2']);
const pages = [...TUNED_ON, ...HELD_OUT];
const showHeldOut = process.env['QUALITY_DETAILS'] === 'held-out';
const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)}%`);

console.log('| article | tuned on | core found | recall | marked | right | precision |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const details: string[] = [];
const heldOut: QualityRow[] = [];
const rows = new Map<string, QualityRow>();
for (const page of pages) {
  const row = qualityOf(page, buildFor(page));
  rows.set(page, row);
  console.log(
    `| ${page} | ${TUNED_ON.has(page) ? 'yes' : 'no'} | ${row.coreFound}/${row.core} | ${pct(row.coreFound, row.core)} | ${row.marked} | ${row.right} | ${pct(row.right, row.marked)} |`,
  );
  if (HELD_OUT.has(page)) heldOut.push(row);
  if (HELD_OUT.has(page) && !showHeldOut) continue;
  details.push(`${page}: missed ${row.missed.join('; ') || '–'}\n${page}: wrong ${row.wrong.join('; ') || '–'}`);
}
const rowsOf = (list: Iterable<string>) => [...list].map((page) => rows.get(page)!);
const [round3, round4, round5, dev] = [rowsOf(ROUND_3), rowsOf(ROUND_4), rowsOf(ROUND_5), rowsOf(TUNED_ON)];
const pooled = (rows: QualityRow[]) => {
  const sum = (f: (r: QualityRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const [found, core, right, marked] = [
    sum((r) => r.coreFound),
    sum((r) => r.core),
    sum((r) => r.right),
    sum((r) => r.marked),
  ];
  return `recall ${found}/${core} (${pct(found, core)}), precision ${right}/${marked} (${pct(right, marked)})`;
};
console.log(`\nHeld out (round 6), pooled: ${pooled(heldOut)}`);
console.log(`Tuned on (dev), pooled: ${pooled(dev)}`);
console.log(`Round 5's held-out set (tuned on since), pooled: ${pooled(round5)}`);
console.log(`Round 4's held-out set (tuned on since), pooled: ${pooled(round4)}`);
console.log(`Round 3's held-out set (tuned on since), pooled: ${pooled(round3)}`);
console.log(`\n${details.join('\n')}`);
if (!showHeldOut) console.log('(held-out misses and wrong marks: QUALITY_DETAILS=held-out)');
