// Loads the page's engine in headless Debian Chromium with a cold cache, RUNS times, and prints
// the medians (see run.sh). Every browser context is new, so nothing is cached between runs.
import { createRequire } from 'node:module';

const require = createRequire(`${process.env.NODE_PATH}/`);
const { chromium } = require('playwright-core');
const BASE = process.env.BORAVAK_URL;
const RUNS = Number(process.env.RUNS || 9);
const PERSON = { citizenship: 'US', on: '2026-11-10', stays: [{ entry: '2026-08-20', exit: '2026-10-01' }, { entry: '2026-11-01' }] };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const load = [];
const first = [];
const warm = [];
const server = [];
for (let i = 0; i < RUNS; i += 1) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // Same origin and the page's own security policy, without the page's scripts.
  await page.goto(`${BASE}/static/style.css`);
  const t = await page.evaluate(async (person) => {
    const glue = await import('/static/wasm/boravak-engine.js');
    const t0 = performance.now();
    const engine = await glue.default({ locateFile: (f) => `/static/wasm/${f}` });
    const t1 = performance.now();
    const ask = () => engine.ccall('boravak_answer', 'string', ['string', 'string', 'string'],
      ['/v1/stay/report', JSON.stringify(person), 'en']);
    JSON.parse(ask());
    const t2 = performance.now();
    const w0 = performance.now();
    for (let k = 0; k < 20; k += 1) JSON.parse(ask());
    const w1 = performance.now();
    const s0 = performance.now();
    for (let k = 0; k < 20; k += 1) {
      await (await fetch('/v1/stay/report?lang=en', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(person) })).json();
    }
    const s1 = performance.now();
    return { load: t1 - t0, first: t2 - t1, warm: (w1 - w0) / 20, server: (s1 - s0) / 20 };
  }, PERSON);
  load.push(t.load);
  first.push(t.first);
  warm.push(t.warm);
  server.push(t.server);
  await context.close();
}
await browser.close();
const f = (x) => `${x.toFixed(1)} ms`;
console.log(`cold load (fetch, compile, instantiate), median of ${RUNS}: ${f(median(load))} (target < 300 ms); all: ${load.map((x) => x.toFixed(0)).join(' ')}`);
console.log(`first answer (reads the embedded rules and catalogs): ${f(median(first))}`);
console.log(`warm stay report in the page: ${f(median(warm))}; from the server over loopback: ${f(median(server))}; ratio page/server ${(median(warm) / median(server)).toFixed(2)}`);
