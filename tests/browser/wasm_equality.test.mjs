// The page's WebAssembly engine and the server must give the same answer. The oracle's seeded
// random cases (tests/oracle/random_cases.py: valid and malformed, every regime, citizenships
// around their rule changes, plans) are turned into the calculator's request and sent both to
// the server and to the engine in Chromium, in all five languages: POST /v1/stay/report, and
// for every fourth case POST /v1/visarun from a home city. Status and body must be equal, texts
// included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newContext, openPage, BASE } from './lib.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const COUNT = Number(process.env.BORAVAK_EQUALITY_CASES || 1500);
const LANGS = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

// The batch contract's regime object as the calculator's rule option ("rolling:90:180").
function regimeOption(r) {
  if (!r || typeof r !== 'object') return JSON.stringify(r);
  if (r.kind === 'rolling') return `rolling:${r.limit}:${r.window}`;
  if (r.kind === 'per_entry') return `per_entry:${r.limit}`;
  if (r.kind === 'fixed') return `fixed:${r.limit}:${r.period_months ? `${r.period_months}m` : `${r.period_days}d`}`;
  return String(r.kind);
}

// One oracle line as the calculator's request; lines that are not JSON objects are sent as
// they are, and both sides must refuse them alike.
function asReport(line) {
  let c;
  try {
    c = JSON.parse(line);
  } catch {
    return line;
  }
  if (!c || typeof c !== 'object' || Array.isArray(c)) return line;
  const { id, regime, ...rest } = c;
  void id;
  return regime === undefined ? rest : { ...rest, regime: regimeOption(regime) };
}

const CITIES = ['belgrade', 'novi_sad', 'nis'];

function oracleCases() {
  const out = execFileSync('python3', [`${HERE}../oracle/random_cases.py`, '--seed', '20261206', '--count', String(COUNT),
    '--citizenship'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\n').filter(Boolean).map(asReport).map((body, i) => (
    i % 4 === 0 && typeof body === 'object'
      ? { path: '/v1/visarun', body: { ...body, city: CITIES[i % CITIES.length] } }
      : { path: '/v1/stay/report', body }));
}

// The server's default rate limit (100 a second per address) applies to this test too: on 429
// it waits as told and asks again.
async function serverAnswer({ path, body }, lang) {
  for (;;) {
    const answer = await askServer(path, body, lang);
    if (answer.status !== 429) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(answer.retryAfter || 1)));
  }
}

async function askServer(path, body, lang) {
  const response = await fetch(`${BASE}${path}?lang=${encodeURIComponent(lang)}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const answer = { status: response.status, body: await response.json() };
  if (response.status === 429) answer.retryAfter = response.headers.get('Retry-After');
  return answer;
}

test('the engine in the page answers every oracle case exactly as the server does', async () => {
  const cases = oracleCases();
  assert.ok(cases.length >= COUNT, 'the oracle gave its cases');
  const context = await newContext(browser);
  const page = await openPage(context);
  // Strings go to the engine as they are (a line that is not JSON), objects as JSON.
  const pageAnswers = await page.evaluate(async ({ cases, langs }) => {
    const { loadEngine } = await import('/static/js/engine.js');
    const engine = await loadEngine();
    if (!engine) return null;
    return cases.map(({ path, body }, i) => JSON.parse(engine.ccall('boravak_answer', 'string', ['string', 'string', 'string'],
      [path, typeof body === 'string' ? body : JSON.stringify(body), langs[i % langs.length]])));
  }, { cases, langs: LANGS });
  assert.ok(pageAnswers, 'the page loaded its WebAssembly engine');
  let ok = 0;
  let refused = 0;
  let visaruns = 0;
  for (let start = 0; start < cases.length; start += 8) {
    const batch = cases.slice(start, start + 8);
    const server = await Promise.all(batch.map((c, k) => serverAnswer(c, LANGS[(start + k) % LANGS.length])));
    for (const [k, expected] of server.entries()) {
      const i = start + k;
      assert.deepEqual(pageAnswers[i], expected, `case ${i} (${LANGS[i % LANGS.length]}): ${JSON.stringify(cases[i])}`);
      if (expected.status === 200) ok += 1; else refused += 1;
      if (expected.status === 200 && cases[i].path === '/v1/visarun') visaruns += 1;
    }
  }
  // The corpus must exercise both answers and refusals, or the comparison proves little.
  assert.ok(ok > cases.length / 2, `answered: ${ok}`);
  assert.ok(refused > 0, `refused: ${refused}`);
  assert.ok(visaruns > cases.length / 10, `visa runs answered: ${visaruns}`);
  console.log(`# ${cases.length} cases equal: ${ok} answered (${visaruns} visa runs), ${refused} refused`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the calculator computes in the page and sends no travel dates to the server', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  const posted = [];
  page.on('request', (request) => { if (request.method() !== 'GET') posted.push(request.url()); });
  await page.selectOption('#calc-country', 'RU');
  await page.locator('.stay-row').first().locator('.stay-entry').fill('2026-10-20');
  await page.fill('#calc-on', '2026-11-10');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector('#calc-result:not([hidden]) .presence time[datetime="2026-11-10"]');
  assert.equal(await page.getAttribute('html', 'data-engine'), 'wasm');
  assert.deepEqual(posted, [], 'nothing was posted');
  await context.close();
});

test('a browser without WebAssembly gets the same answer from the server', async () => {
  const context = await newContext(browser);
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
  const page = await openPage(context);
  await page.selectOption('#calc-country', 'RU');
  await page.locator('.stay-row').first().locator('.stay-entry').fill('2026-10-20');
  await page.fill('#calc-on', '2026-11-10');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector('#calc-result:not([hidden]) .presence time[datetime="2026-11-10"]');
  assert.equal(await page.getAttribute('html', 'data-engine'), 'server');
  assert.equal((await page.locator('#calc-result [data-stat="days_used"] dd .value').innerText()).trim(), '22');
  await context.close();
});

// Permit plans: every ground, from several citizenships and cities, first and renewal, with a
// family, on two planning dates, in every language; and the appointment e-mail.
test('the engine plans permits exactly as the server does', async () => {
  const grounds = (await (await fetch(`${BASE}/v1/permit/grounds?lang=en`)).json()).map((g) => g.id);
  assert.ok(grounds.length >= 5, `grounds: ${grounds.length}`);
  const situations = [];
  const people = ['RU', 'UA', 'CN', 'US', 'TR', 'IN'];
  const cities = ['belgrade', 'novi_sad', 'nis'];
  grounds.forEach((ground, g) => {
    for (let k = 0; k < 4; k += 1) {
      const situation = { citizenship: people[(g + k) % people.length], ground, city: cities[(g + k) % cities.length] };
      if (k % 2 === 1) situation.in_person = true;
      if (k === 2) {
        situation.kind = 'renewal';
        situation.permit_expires = '2027-02-01';
      }
      if (k === 3) situation.family = [{ relation: 'spouse', age: 33 }, { relation: 'child', age: 8, citizenship: 'UA' }];
      situations.push({ situation, on: k % 2 ? '2026-12-06' : '2027-01-15' });
    }
  });
  situations.push({ situation: { citizenship: 'RU', ground: 'no_such_ground' }, on: '2026-12-06' });
  // The appointment e-mail, with names, for in-person filers in Belgrade and Novi Sad.
  for (const [k, city] of ['belgrade', 'novi_sad'].entries()) {
    situations.push({ path: '/v1/permit/email', on: '2026-12-06', situation: {
      situation: { citizenship: people[k], ground: grounds[k], city, in_person: true, family: [{ relation: 'child', age: 8 }] },
      names: [{ name: 'Ana Petrović', birth_date: '1990-04-12' }, { name: 'Марко' }] } });
  }
  situations.push({ situation: { citizenship: 'RU', ground: grounds[0], colour: 'red' }, on: '2026-12-06' });
  const context = await newContext(browser);
  const page = await openPage(context);
  const here = await page.evaluate(async ({ situations, langs }) => {
    const { loadEngine } = await import('/static/js/engine.js');
    const engine = await loadEngine();
    return situations.map(({ path, situation, on }, i) => JSON.parse(engine.ccall('boravak_answer', 'string',
      ['string', 'string', 'string'], [`${path || '/v1/permit/plan'}?on=${on}`, JSON.stringify(situation), langs[i % langs.length]])));
  }, { situations, langs: LANGS });
  let planned = 0;
  for (const [i, { path, situation, on }] of situations.entries()) {
    const lang = LANGS[i % LANGS.length];
    let server;
    do {
      const response = await fetch(`${BASE}${path || '/v1/permit/plan'}?lang=${encodeURIComponent(lang)}&on=${on}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(situation) });
      server = { status: response.status, body: await response.json() };
      if (server.status === 429) await new Promise((resolve) => setTimeout(resolve, 1000));
    } while (server.status === 429);
    assert.deepEqual(here[i], server, `plan ${i} (${lang}, on ${on}): ${JSON.stringify(situation)}`);
    if (server.status === 200) planned += 1;
  }
  assert.ok(planned >= grounds.length * 3, `plans made: ${planned} of ${situations.length}`);
  console.log(`# ${situations.length} permit plans equal, ${planned} planned`);
  await context.close();
});
