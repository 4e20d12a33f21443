// Temporary: CPU profile of the content script's scan on the dense page (not committed).
import { chromium } from '@playwright/test';
import seedPack from '../glossary/generated/tajikistan-moscow-attack.pack.json';
import { chromiumArgs, findChromium } from '../tests/support/chromium';
import { generateArticleHtml } from '../tests/support/generate';
import { startStaticServer } from '../tests/support/static-server';
import { writeFileSync } from 'node:fs';

const seedNames = seedPack.entries.flatMap((e) => [e.name, ...e.aliases]);
const server = await startStaticServer();
server.route('/dense.html', { body: generateArticleHtml(1_100_000, seedNames, 7, 6) });
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
  args: chromiumArgs(),
});
await context.addInitScript('window.__name = (f) => f;');
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
void worker;
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.goto(server.url('/dense.html'), { waitUntil: 'load' });
await page.goto('about:blank');
await cdp.send('Profiler.start');
await page.goto(server.url('/dense.html'), { waitUntil: 'load' });
await page.waitForFunction(() => performance.getEntriesByName('glossa-scan-full').length > 0, null, {
  timeout: 120000,
});
const detail = await page.evaluate(
  () => (performance.getEntriesByName('glossa-scan-full')[0] as PerformanceMeasure).detail,
);
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: {
    nodes: {
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount?: number;
      children?: number[];
    }[];
    samples: number[];
    timeDeltas: number[];
  };
};
writeFileSync('/tmp/prof/scan.cpuprofile', JSON.stringify(profile));
const self = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
}
console.log(JSON.stringify(detail));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
await context.close();
await server.close();
