// The installable, offline page: the manifest and its icons, the service worker (/sw.js, scope
// "/") and what it keeps, and the page with the network cut after a first visit: it reloads
// in the chosen language, the calculator answers (WebAssembly), the guides open and a saved
// profile's trips are there; a profile's cached answer never answers a request without its
// Authorization header. Screenshots of the offline page go to a temporary folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, launchBrowser, newContext, openPage, waitReady, enterStays, count, stat, statDate } from './lib.mjs';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

let browser;
let shots;
before(async () => {
  browser = await launchBrowser();
  shots = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-offline-'));
  console.log(`screenshots of the offline page: ${shots}`);
});
after(async () => { await browser.close(); });

// PRECACHE of web/sw.js, read as the browser gets it.
async function precacheList() {
  const text = await (await fetch(`${BASE}/sw.js`)).text();
  const match = /const PRECACHE = (\[[\s\S]*?\]);/.exec(text);
  assert.ok(match, '/sw.js has a PRECACHE list');
  return new Function(`return ${match[1]};`)();
}

// Every URL in each boravak cache: {name: [url, …]}.
function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith('boravak-')) continue;
      out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return out;
  });
}

async function until(what, check, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The page is under an active worker (clients.claim() on the first visit).
async function underWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller
    && navigator.serviceWorker.controller.state === 'activated', null, { timeout: 20_000 });
}

async function texts(lang) {
  return (await (await fetch(`${BASE}/v1/texts/${lang}`)).json()).texts;
}

async function guides(lang) {
  return (await fetch(`${BASE}/v1/guides?lang=${lang}`)).json();
}

// A profile made through the API: one open trip from 20 October, citizenship RU.
async function newProfile() {
  const created = await (await fetch(`${BASE}/v1/profiles`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json();
  assert.match(created.secret, /^[A-Za-z0-9_-]{16,128}$/);
  const auth = { Authorization: `Bearer ${created.secret}`, 'Content-Type': 'application/json' };
  const trip = await fetch(`${BASE}/v1/profile/trips`, { method: 'POST', headers: auth,
    body: JSON.stringify({ entry: '2026-10-20', exit: null }) });
  assert.ok(trip.ok, `trip stored: ${trip.status}`);
  const settings = await fetch(`${BASE}/v1/profile`, { method: 'PATCH', headers: auth,
    body: JSON.stringify({ citizenship: 'RU' }) });
  assert.ok(settings.ok, `settings stored: ${settings.status}`);
  return created.secret;
}

async function stayRows(page) {
  return page.locator('.stay-row').evaluateAll((list) => list.map((row) => [
    row.querySelector('.stay-entry').value, row.querySelector('.stay-exit').value]));
}

function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the page links a manifest served as application/manifest+json, and its icons are there', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  assert.equal(href, '/manifest.webmanifest');
  const response = await fetch(BASE + href);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
  const manifest = await response.json();
  assert.equal(manifest.name, 'boravak');
  assert.ok(manifest.short_name && manifest.description);
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.scope, '/');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);

  const sizes = new Set();
  for (const icon of manifest.icons) {
    const file = await fetch(new URL(icon.src, BASE));
    assert.equal(file.status, 200, icon.src);
    assert.equal(file.headers.get('content-type').split(';')[0], icon.type, icon.src);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (icon.type === 'image/png') {
      const [w, h] = pngSize(bytes);
      assert.equal(`${w}x${h}`, icon.sizes, icon.src);
      sizes.add(`${icon.purpose || 'any'} ${icon.sizes}`);
    } else {
      assert.match(bytes.toString('utf8'), /<svg[\s>]/, icon.src);
    }
  }
  for (const wanted of ['any 192x192', 'any 512x512', 'maskable 512x512']) assert.ok(sizes.has(wanted), `an icon ${wanted}`);

  // The page's own icons: the favicon is a real file now, and an apple-touch-icon.
  for (const selector of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]']) {
    const links = await page.locator(selector).evaluateAll((list) => list.map((link) => link.href));
    assert.ok(links.length, selector);
    for (const link of links) {
      assert.ok(!link.startsWith('data:'), `${selector} is not a data: URL`);
      assert.equal((await fetch(link)).status, 200, link);
    }
  }
  assert.ok(await page.locator('meta[name="theme-color"]').count() >= 1);
  await context.close();
});

test('the precache list names every module and stylesheet of web/static, and each is served', async () => {
  const list = await precacheList();
  const modules = fs.readdirSync(path.join(WEB, 'static/js')).filter((name) => name.endsWith('.js'))
    .map((name) => `/static/js/${name}`).sort();
  assert.ok(modules.length > 20, 'web/static/js was found');
  const listed = list.filter((url) => url.startsWith('/static/js/')).sort();
  assert.deepEqual(listed, modules, 'PRECACHE in web/sw.js lists exactly the modules in web/static/js');
  const styles = fs.readdirSync(path.join(WEB, 'static')).filter((name) => name.endsWith('.css'))
    .map((name) => `/static/${name}`);
  for (const style of styles) assert.ok(list.includes(style), `${style} is precached`);
  for (const url of ['/', '/manifest.webmanifest', '/static/wasm/boravak-engine.js', '/static/wasm/boravak-engine.wasm']) {
    assert.ok(list.includes(url), `${url} is precached`);
  }
  const manifest = await (await fetch(`${BASE}/manifest.webmanifest`)).json();
  for (const icon of manifest.icons) assert.ok(list.includes(icon.src), `${icon.src} is precached`);
  assert.equal(new Set(list).size, list.length, 'no URL twice');
  for (const url of list) assert.equal((await fetch(BASE + url)).status, 200, `${url} is served`);

  // Everything the page itself loads (modules imported by modules included) is on the list.
  const context = await newContext(browser);
  const loaded = new Set();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === BASE && (url.pathname.startsWith('/static/') || request.resourceType() === 'document')) loaded.add(url.pathname);
  });
  const page = await openPage(context);
  await underWorker(page);
  assert.ok(loaded.has('/static/js/main.js'));
  for (const url of loaded) assert.ok(list.includes(url), `${url}, which the page loads, is precached`);
  await context.close();
});

test('after the first load a service worker with scope "/" is active and holds every precached file', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  assert.equal(worker.scope, `${BASE}/`);
  assert.equal(worker.script, `${BASE}/sw.js`);
  await underWorker(page);
  const list = await precacheList();
  const cached = await cachedUrls(page);
  const pageCache = Object.keys(cached).find((name) => name.startsWith('boravak-page-'));
  assert.ok(pageCache, `a versioned page cache: ${Object.keys(cached)}`);
  assert.deepEqual([...cached[pageCache]].sort(), list.map((url) => BASE + url).sort());
  await context.close();
});

test('offline after a first visit: the page reloads in Russian, counts, opens a guide and shows the saved trips', async () => {
  const secret = await newProfile();
  const ru = await texts('ru');
  const ruGuides = await guides('ru');
  assert.ok(ruGuides.length > 0);

  const context = await newContext(browser);
  const page = await openPage(context, `/#p=${secret}`);
  await underWorker(page);
  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  // The worker caches the views of the chosen language, the profile loaded before it took over.
  await until('the Russian guides and the profile in the cache', async () => {
    const urls = Object.values(await cachedUrls(page)).flat();
    return ruGuides.every((g) => urls.includes(`${BASE}/v1/guides/${encodeURIComponent(g.id)}?lang=ru`))
      && urls.includes(`${BASE}/v1/texts/ru`) && urls.includes(`${BASE}/v1/countries`)
      && urls.some((url) => url.includes('/__private/') && url.includes('/v1/profile'));
  });
  assert.equal(await page.locator('#offline-status').innerText(), '', 'no notice while online');

  await context.setOffline(true);
  await page.waitForFunction(() => navigator.onLine === false);
  await page.waitForSelector('#offline-status .alert');
  assert.equal(await page.locator('#offline-status').getAttribute('role'), 'status');
  assert.equal(await page.locator('#offline-status').innerText(), ru['web.offline.notice']);

  // The network is really cut, for the page and for its worker.
  const reached = await page.evaluate(async () => {
    const tries = ['/v1/health', '/v1/guides?q=nothing-cached&lang=ru'];
    return Promise.all(tries.map((url) => fetch(url).then(() => url, () => null)));
  });
  assert.deepEqual(reached, [null, null], 'nothing uncached is reachable offline');
  page.problems.length = 0;  // the two refusals just asked for

  await page.reload();
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await page.locator('#calc-heading').innerText(), ru['web.calc.heading']);
  assert.equal(await page.locator('#offline-status').innerText(), ru['web.offline.notice']);
  assert.ok(await page.locator('#calc-country option').count() > 150, 'the country list is there');
  assert.equal(await page.locator('#boot-error').isHidden(), true);

  // The saved profile: its trip in the calculator, its citizenship, and its answer.
  assert.equal(await page.locator('#profile-box').isVisible(), true);
  assert.equal(await page.locator('#profile-status').innerText(), ru['web.profile.loaded'].replace('{n}', '1'));
  assert.deepEqual(await stayRows(page), [['2026-10-20', '']]);
  assert.equal(await page.inputValue('#calc-country'), 'RU');

  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  assert.equal(await stat(page, 'days_used'), '22');
  assert.equal(await stat(page, 'days_left'), '8');
  assert.equal(await statDate(page, 'last_legal_day'), '2026-11-18');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), 'wasm');
  assert.deepEqual(page.problems, [], 'the offline page loads and counts without errors');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'offline-calc-390.png') });
  await page.locator('#calc-result').screenshot({ path: path.join(shots, 'offline-result-390.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, 'offline-calc-1366.png') });
  await page.locator('#calc-result').screenshot({ path: path.join(shots, 'offline-result-1366.png') });

  await page.click('.nav-btn[data-view="guides"]');
  await page.waitForSelector('#guides-list .guide-item');
  assert.equal(await page.locator('#guides-list .guide-item').count(), ruGuides.length);
  await page.click(`#guides-list [data-guide="${ruGuides[0].id}"]`);
  await page.waitForSelector('#guide-view:not([hidden]) h2');
  assert.equal(await page.locator('#guide-view h2').innerText(), ruGuides[0].title);
  assert.equal(await page.locator('#guides-form .form-error').innerText(), '');
  await page.screenshot({ path: path.join(shots, 'offline-guide-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'offline-guide-390.png') });
  for (const name of ['offline-calc-390.png', 'offline-calc-1366.png', 'offline-result-390.png', 'offline-result-1366.png',
    'offline-guide-390.png', 'offline-guide-1366.png']) {
    assert.ok(fs.statSync(path.join(shots, name)).size > 1000, name);
  }

  await context.setOffline(false);
  await page.waitForFunction(() => navigator.onLine === true);
  await page.waitForFunction(() => document.querySelector('#offline-status').textContent === '');
  assert.equal(await page.locator('#offline-status .alert').count(), 0, 'the notice goes when the connection is back');
  await context.close();
});

test('the offline notice speaks each language the page was opened in, Serbian in both scripts', async () => {
  const langs = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];
  const notices = Object.fromEntries(await Promise.all(langs.map(async (lang) => [lang, (await texts(lang))['web.offline.notice']])));
  for (const lang of langs) assert.ok(notices[lang] && notices[lang] !== 'web.offline.notice', `a notice in ${lang}`);
  assert.equal(new Set(Object.values(notices)).size, langs.length, 'five different texts');
  assert.match(notices['sr-Cyrl'], /[\u0400-\u04FF]/, 'sr-Cyrl in Cyrillic');
  assert.doesNotMatch(notices.sr, /[\u0400-\u04FF]/, 'sr in Latin');

  const context = await newContext(browser);
  const page = await openPage(context);
  await underWorker(page);
  for (const lang of langs) {
    await page.selectOption('#lang-select', lang);
    await page.waitForFunction((code) => document.querySelector('#lang-select').value === code
      && document.title !== 'boravak', lang);
  }
  await until('the texts of every language in the cache', async () => {
    const urls = Object.values(await cachedUrls(page)).flat();
    return langs.every((lang) => urls.includes(`${BASE}/v1/texts/${lang}`));
  });
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  for (const lang of ['en', 'ru', 'uk', 'sr', 'sr-Cyrl']) {
    await page.selectOption('#lang-select', lang);
    await page.waitForFunction((text) => document.querySelector('#offline-status').textContent === text, notices[lang]);
    assert.equal(await page.locator('#lang-select').inputValue(), lang, `switched to ${lang} offline`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('trips saved in the page are there offline: a change refreshes the cached profile', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  await underWorker(page);
  await enterStays(page, 'RU', [['2026-09-01', '2026-09-05'], ['2026-10-20', '']], '2026-11-10');
  await page.click('#profile-save');
  await page.waitForFunction(() => /\/#p=/.test(document.querySelector('#profile-link').value));
  // Save reads the profile (cached with no trips yet), then adds the trips: the cached copy
  // must follow.
  await until('the cached profile to hold both trips', () => page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!request.url.includes('/v1/profile')) continue;
        const body = await (await cache.match(request)).json();
        if ((body.trips || []).length === 2 && body.settings && body.settings.citizenship === 'RU') return true;
      }
    }
    return false;
  }));
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await stayRows(page), [['2026-09-01', '2026-09-05'], ['2026-10-20', '']]);
  assert.equal(await page.inputValue('#calc-country'), 'RU');
  await context.close();
});

test('a cached profile answers only its own Authorization header, and goes with the profile', async () => {
  const secret = await newProfile();
  const context = await newContext(browser);
  const page = await openPage(context, `/#p=${secret}`);
  await underWorker(page);
  const ask = (headers) => page.evaluate(async (h) => {
    try {
      const response = await fetch('/v1/profile?lang=en', { headers: h, cache: 'no-store' });
      return { status: response.status, trips: response.ok ? (await response.json()).trips.length : null };
    } catch {
      return { status: 0 };
    }
  }, headers);
  assert.deepEqual(await ask({ Authorization: `Bearer ${secret}` }), { status: 200, trips: 1 });
  await until('the profile in the cache', async () => Object.values(await cachedUrls(page)).flat()
    .some((url) => url.includes('/__private/') && url.endsWith('/v1/profile?lang=en')));
  const urls = Object.values(await cachedUrls(page)).flat();
  assert.ok(urls.every((url) => !url.includes(secret)), 'the secret is never part of a cache key');
  assert.ok(urls.every((url) => !url.includes('/v1/calendar/')), 'no calendar feed is cached');
  const publicCache = Object.entries(await cachedUrls(page)).filter(([name]) => !name.startsWith('boravak-private-'));
  assert.ok(publicCache.flatMap(([, list]) => list).every((url) => !url.includes('/v1/profile')),
    'no profile answer in a cache that answers requests without Authorization');

  await context.setOffline(true);
  assert.deepEqual(await ask({ Authorization: `Bearer ${secret}` }), { status: 200, trips: 1 }, 'its own header: the cached copy');
  assert.deepEqual(await ask({}), { status: 0 }, 'no header: no cached copy');
  assert.deepEqual(await ask({ Authorization: 'Bearer someone-else-entirely-000000' }), { status: 0 }, 'another header: no cached copy');

  // Deleted online, the profile's cached answers go too.
  await context.setOffline(false);
  await page.waitForFunction(() => navigator.onLine === true);
  const deleted = await page.evaluate(async (s) => (await fetch('/v1/profile', {
    method: 'DELETE', headers: { Authorization: `Bearer ${s}` } })).status, secret);
  assert.ok(deleted >= 200 && deleted < 300, `deleted: ${deleted}`);
  await until('the deleted profile to leave the cache', async () => Object.values(await cachedUrls(page)).flat()
    .every((url) => !url.includes('/__private/')));
  await context.setOffline(true);
  assert.deepEqual(await ask({ Authorization: `Bearer ${secret}` }), { status: 0 });
  await context.close();
});
