#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, unit tests, build (Chrome and Firefox, with web-ext lint),
 * then the end-to-end suite in Chromium. Stops at the first failing step and ends with one
 * summary line, "glossa: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const reports = mkdtempSync(path.join(tmpdir(), 'glossa-test-'));
const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]],
  ['build (Chrome MV3)', 'npx', ['wxt', 'build']],
  ['build (Chrome MV3, e2e mode: open shadow root for the tests)', 'npx', ['wxt', 'build', '--mode', 'e2e']],
  ['build (Firefox) and web-ext lint', 'npm', ['run', '--silent', 'lint:firefox']],
  ['build (Firefox, e2e mode)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']],
  [
    'end-to-end tests (Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { GLOSSA_PREBUILT: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  ],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(vitestReport)) {
    const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
  }
  if (existsSync(playwrightReport)) {
    const p = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky;
  }
  return { passed, failed };
}

const started = Date.now();
for (const [name, cmd, args, env] of steps) {
  console.log(`\n── ${name} ──`);
  const t0 = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    const { passed, failed } = counts();
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    console.log(`glossa: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
const { passed, failed } = counts();
console.log(`\nAll steps green in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`glossa: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
