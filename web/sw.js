// boravak's service worker (registered by web/static/js/offline.js, scope "/"): the page works
// offline after one visit. The calculator computes in the page (WebAssembly), so what it needs
// is the page's own files and the GET answers its views read.
//
// - Page files (PRECACHE, and anything else under /static/): network first, so a new deploy
//   shows at once; the cached copy when the network fails, answers 5xx or is slower than SLOW_MS.
// - GET answers the views read (PUBLIC_API): the same, cached per URL (its query sorted). A
//   request with an Authorization header is never cached here.
// - GET /v1/profile (the saved trips and settings): the same, in PRIVATE_CACHE under a key made
//   from a SHA-256 hash of its Authorization header, so one profile's answer never answers a
//   request without that header, or with another one. A successful change of the profile
//   (POST/PUT/PATCH/DELETE /v1/profile…) refreshes the cached copy; deleting the profile, or a
//   401 for it, removes it. The secret itself is never stored.
// - Nothing else is touched: other POSTs, /v1/calendar/*, /v1/agency/*, exports and other
//   origins go straight to the network as without a service worker.
//
// A new worker (any change of this file) fetches PRECACHE afresh into the same cache. Bump
// PAGE_VERSION to drop every cached page file, API_VERSION when the cached answers change
// shape: activate deletes every boravak-* cache of another version.
'use strict';

const PAGE_VERSION = 'v1';
const API_VERSION = 'v1';
const PAGE_CACHE = `boravak-page-${PAGE_VERSION}`;
const API_CACHE = `boravak-api-${API_VERSION}`;
const PRIVATE_CACHE = `boravak-private-${API_VERSION}`;
const CURRENT = [PAGE_CACHE, API_CACHE, PRIVATE_CACHE];

// Every file the page loads: tests/browser/offline.test.mjs fails when a module of
// web/static/js is missing here, or a file here is not served (install would fail).
const PRECACHE = [
  '/',
  '/manifest.webmanifest',
  '/static/style.css',
  '/static/js/agency-client.js',
  '/static/js/agency-import.js',
  '/static/js/agency-session.js',
  '/static/js/agency-staff.js',
  '/static/js/agency-table.js',
  '/static/js/agency.js',
  '/static/js/api.js',
  '/static/js/appointment-email.js',
  '/static/js/calculator.js',
  '/static/js/calendar.js',
  '/static/js/confirm.js',
  '/static/js/countries.js',
  '/static/js/dates.js',
  '/static/js/dom.js',
  '/static/js/engine.js',
  '/static/js/errors.js',
  '/static/js/fees.js',
  '/static/js/guides.js',
  '/static/js/i18n-state.js',
  '/static/js/i18n.js',
  '/static/js/import.js',
  '/static/js/main.js',
  '/static/js/month-calendar.js',
  '/static/js/offline.js',
  '/static/js/plan-view.js',
  '/static/js/planner-fields.js',
  '/static/js/planner.js',
  '/static/js/profile.js',
  '/static/js/report.js',
  '/static/js/route.js',
  '/static/js/rules.js',
  '/static/js/slips.js',
  '/static/js/stay-plan.js',
  '/static/js/telegram.js',
  '/static/js/timeline.js',
  '/static/js/views.js',
  '/static/js/visarun-view.js',
  '/static/js/visarun.js',
  '/static/js/why.js',
  '/static/wasm/boravak-engine.js',
  '/static/wasm/boravak-engine.wasm',
  '/static/icons/icon.svg',
  '/static/icons/icon-32.png',
  '/static/icons/icon-192.png',
  '/static/icons/icon-512.png',
  '/static/icons/icon-maskable-192.png',
  '/static/icons/icon-maskable-512.png',
  '/static/icons/apple-touch-icon.png',
];

// GET routes whose answers the views read (a path, or a path and what is below it).
const PUBLIC_API = ['/v1/texts', '/v1/countries', '/v1/cities', '/v1/guides', '/v1/fees',
  '/v1/permit/grounds', '/v1/rules', '/v1/sources'];
const PROFILE = '/v1/profile';
const CHANGES = ['POST', 'PUT', 'PATCH', 'DELETE'];
const LANGS = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];

const SLOW_MS = 6000;              // a network slower than this: the cached copy, if there is one
const FRESH_MS = 24 * 3600 * 1000; // warm() fetches again what was cached longer ago than this
const STAMP = 'X-Boravak-Cached';  // when a cached answer was stored (ms since 1970)

const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);

function isPageFile(url, request) {
  return request.mode === 'navigate' ? url.pathname === '/' || url.pathname === '/index.html'
    : url.pathname === '/' || url.pathname === '/index.html' || url.pathname === '/manifest.webmanifest'
      || url.pathname.startsWith('/static/');
}

const isPublicApi = (url) => PUBLIC_API.some((prefix) => under(url.pathname, prefix));

// Page files are kept under their path alone ("/" for the page itself).
function pageKey(url) {
  return new URL(url.pathname === '/index.html' ? '/' : url.pathname, self.location.origin).href;
}

function sortedSearch(url) {
  const params = [...url.searchParams].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return params.length ? `?${new URLSearchParams(params)}` : '';
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Where an answer of the API is kept: {cache, key}. The key of a request with an
// Authorization header lives in another cache, under a path no request can have.
async function apiPlace(url, authorization) {
  const search = sortedSearch(url);
  if (!authorization) return { cache: API_CACHE, key: `${self.location.origin}${url.pathname}${search}` };
  const hash = await sha256(authorization);
  return { cache: PRIVATE_CACHE, key: `${self.location.origin}/__private/${hash}${url.pathname}${search}`, hash };
}

const privatePrefix = (hash) => `${self.location.origin}/__private/${hash}`;

// A copy of the response with the time it was stored.
function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STAMP, String(Date.now()));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const cacheable = (response) => response && response.status === 200 && response.type === 'basic';

// Answers of the API are stored in the order their requests were sent: an answer that arrives
// after the answer to a later request (a refresh after a change) is not stored over it, nor is
// a profile's answer to a request sent before the profile was forgotten.
let ticket = 0;
const written = new Map();
const forgotten = new Map();

async function putInOrder(cacheName, key, n, response, hash) {
  if ((written.get(key) || 0) > n || (hash && (forgotten.get(hash) || 0) > n)) return;
  written.set(key, n);
  await (await caches.open(cacheName)).put(key, stamped(response));
}

// The network's answer, or the cached copy when the network fails, answers 5xx, or has not
// answered after SLOW_MS (it then still refreshes the cache). lookup() gives the cached copy.
async function networkFirst(network, lookup) {
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(resolve, SLOW_MS, null); });
  try {
    const first = await Promise.race([network, slow]);
    if (first) {
      if (first.status >= 500) return (await lookup()) || first;
      return first;
    }
    return (await lookup()) || (await network);
  } catch (error) {
    const cached = await lookup();
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function fetchPageFile(event, url) {
  const key = pageKey(url);
  const network = fetch(event.request);
  event.waitUntil(network.then(async (response) => {
    // The copy is taken at once, before the page starts reading the body.
    const copy = cacheable(response) && !response.redirected ? response.clone() : null;
    if (copy) await (await caches.open(PAGE_CACHE)).put(key, copy);
  }).catch(() => {}));
  return networkFirst(network, async () => (await caches.open(PAGE_CACHE)).match(key));
}

// Drops every cached answer of one profile (it was deleted, or its secret is no longer valid).
async function forgetProfile(hash) {
  forgotten.set(hash, ++ticket);
  const cache = await caches.open(PRIVATE_CACHE);
  const prefix = `${privatePrefix(hash)}/`;
  await Promise.all((await cache.keys()).filter((request) => request.url.startsWith(prefix))
    .map((request) => cache.delete(request)));
}

function fetchApi(event, url) {
  const authorization = event.request.headers.get('Authorization');
  const place = apiPlace(url, authorization);
  const n = ++ticket;
  const network = fetch(event.request);
  event.waitUntil(network.then(async (response) => {
    const copy = cacheable(response) ? response.clone() : null;
    const { cache, key, hash } = await place;
    if (copy) await putInOrder(cache, key, n, copy, hash);
    else if (hash && response.status === 401) await forgetProfile(hash);
  }).catch(() => {}));
  return networkFirst(network, async () => {
    const { cache, key, hash } = await place;
    const store = await caches.open(cache);
    // The saved trips do not depend on the language asked for: any cached copy will do.
    return (await store.match(key))
      || (hash && url.pathname === PROFILE ? store.match(`${privatePrefix(hash)}${PROFILE}`, { ignoreSearch: true }) : undefined);
  });
}

// After a change of the profile, its cached copies (one per language asked in) are fetched again.
async function refreshProfile(authorization, hash) {
  const n = ++ticket;
  const cache = await caches.open(PRIVATE_CACHE);
  const prefix = `${privatePrefix(hash)}${PROFILE}`;
  const keys = (await cache.keys()).filter((request) => request.url === prefix || request.url.startsWith(`${prefix}?`));
  await Promise.all(keys.map(async (request) => {
    const url = `${self.location.origin}${request.url.slice(privatePrefix(hash).length)}`;
    const response = await fetch(url, { headers: { Accept: 'application/json', Authorization: authorization },
      credentials: 'omit', cache: 'no-store' });
    if (cacheable(response)) await putInOrder(PRIVATE_CACHE, request.url, n, response, hash);
    else if (response.status === 401) await forgetProfile(hash);
  }));
}

function changeProfile(event, url) {
  const authorization = event.request.headers.get('Authorization');
  const network = fetch(event.request);
  event.waitUntil(network.then(async (response) => {
    if (!response.ok && response.status !== 401) return;
    const hash = await sha256(authorization);
    if (response.status === 401 || (event.request.method === 'DELETE' && url.pathname === PROFILE)) await forgetProfile(hash);
    else await refreshProfile(authorization, hash);
  }).catch(() => {}));
  return network;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  if (request.method === 'GET') {
    if (isPageFile(url, request)) event.respondWith(fetchPageFile(event, url));
    else if (isPublicApi(url) || (url.pathname === PROFILE && request.headers.has('Authorization'))) {
      event.respondWith(fetchApi(event, url));
    }
    return;
  }
  if (CHANGES.includes(request.method) && under(url.pathname, PROFILE) && request.headers.has('Authorization')) {
    event.respondWith(changeProfile(event, url));
  }
});

// Fills the cache with what the views read in one language, so that a view never opened
// online still opens offline: texts, countries, cities, permit grounds, fees on the given day,
// the guides and each guide. What is cached and fresh is not fetched again. (The rules view's
// /v1/sources answer is large: it is cached when the view is opened, not before.)
const warming = new Map();

async function ensure(path) {
  const url = new URL(path, self.location.origin);
  const { cache, key } = await apiPlace(url, null);
  const store = await caches.open(cache);
  const cached = await store.match(key);
  if (cached && Date.now() - Number(cached.headers.get(STAMP) || 0) < FRESH_MS) return cached;
  if (!warming.has(key)) {
    warming.set(key, (async () => {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-store' });
        if (!cacheable(response)) return cached;
        await store.put(key, stamped(response.clone()));
        return response;
      } catch {
        return cached;
      } finally {
        warming.delete(key);
      }
    })());
  }
  const answer = await warming.get(key);
  return answer ? answer.clone() : undefined;
}

async function warm(lang, on) {
  const paths = [`/v1/texts/${lang}`, '/v1/countries', `/v1/cities?lang=${lang}`,
    `/v1/permit/grounds?lang=${lang}`];
  if (on) paths.push(`/v1/fees?on=${on}&lang=${lang}`);
  const list = ensure(`/v1/guides?lang=${lang}`).then(async (response) => {
    const answer = response ? await response.json() : [];
    const guides = Array.isArray(answer) ? answer : (answer && answer.guides) || [];
    await Promise.all(guides.filter((g) => g && typeof g.id === 'string')
      .map((g) => ensure(`/v1/guides/${encodeURIComponent(g.id)}?lang=${lang}`)));
  });
  await Promise.all([...paths.map(ensure), list]);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'warm' || !LANGS.includes(data.lang)) return;
  const on = /^\d{4}-\d{2}-\d{2}$/.test(data.on || '') ? data.on : null;
  event.waitUntil(warm(data.lang, on).catch(() => {}));
});

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PAGE_CACHE);
    await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload', credentials: 'omit' })));
    // Network first everywhere, so a new worker can take over at once: an open page keeps
    // the files it has and gets the new ones on its next load.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('boravak-') && !CURRENT.includes(name))
      .map((name) => caches.delete(name)));
    // The first visit's page is served by this worker from now on, so its later requests
    // (a guide opened, the profile saved) are cached too.
    await self.clients.claim();
  })());
});
