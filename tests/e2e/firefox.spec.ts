/**
 * Firefox: the Firefox build, installed as a temporary add-on in Firefox ESR (driven over
 * WebDriver BiDi by puppeteer-core), marks the demo article. GLOSSA_FIREFOX points at
 * another Firefox.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { expect, test } from './fixtures';

const FIREFOX = process.env.GLOSSA_FIREFOX ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv2');

test('the Firefox build marks the demo article and shows a hover card in Firefox', async ({ server }) => {
  test.setTimeout(90_000);
  expect(existsSync(FIREFOX), `No Firefox at ${FIREFOX}: apt-get install firefox-esr, or set GLOSSA_FIREFOX`).toBe(
    true,
  );
  expect(existsSync(path.join(FIREFOX_BUILD, 'manifest.json')), 'run npm run build:firefox first').toBe(true);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(FIREFOX_BUILD);
    const page = await browser.newPage();
    await page.goto(server.url('/demo-article.html'));
    await page.waitForFunction(
      () => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('glossa-term')) n += h.size;
        return n >= 50;
      },
      { timeout: 30_000 },
    );
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('glossa-term')) continue;
        for (const r of h as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.push(range.toString());
        }
      }
      return out;
    });
    expect(texts).toEqual(
      expect.arrayContaining(['Crocus City Hall', 'Emomali Rahmon', 'ISIS–K', '201st military base', 'Tajikistan']),
    );
  } finally {
    await browser.close();
  }
});
