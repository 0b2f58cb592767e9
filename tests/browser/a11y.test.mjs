// axe-core (pinned in package.json) on every view of the page, at phone (390 px) and desktop
// (1366 px) sizes, in all five languages, in light and dark mode, with a result on screen:
// zero violations of any impact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, newContext, openPage, enterStays, count } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VIEWS = ['calc', 'visarun', 'planner', 'fees', 'guides', 'rules'];
const LANGS = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];
const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 900 }];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const size of SIZES) {
  for (const lang of LANGS) {
    test(`no accessibility violations at ${size.width} px in ${lang}`, async () => {
      // bypassCSP: the page's policy would rightly refuse the injected axe script.
      const context = await newContext(browser, { viewport: size, colorScheme: lang === 'ru' ? 'dark' : 'light', bypassCSP: true });
      await context.addInitScript((code) => localStorage.setItem('boravak.lang', code), lang);
      const page = await openPage(context);
      // A result on screen: an overstay with every warning, the timeline and the calendar.
      await enterStays(page, 'RU', [['2026-09-01', '2026-10-20'], ['2026-10-25', '']], '2026-11-20');
      await count(page);
      const found = [];
      for (const view of VIEWS) {
        await page.click(`.nav-btn[data-view="${view}"]`);
        await page.waitForSelector(`#view-${view}:not([hidden])`);
        for (const v of await violations(page)) found.push(`${view}: ${v}`);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(page.problems, []);
      await context.close();
    });
  }
}
