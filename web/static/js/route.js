// Addresses for the views and for the calculator's answer, in the URL fragment only:
// #/calc, #/planner, #/fees, #/guides, #/guides/<id>, #/rules, and a shareable answer as
// #/calc?c=RU&on=2026-11-10&s=2026-10-20_,2026-01-01_2026-01-10. The fragment never leaves the
// browser, so travel dates in a shared link reach no server, and Back and Forward move between
// views as they would between pages.
//
// A fragment that is not a route ("#p=<secret>" of a profile link, "#main" of the skip link) is
// left alone. This module imports no view: views.js hands it showView, the calculator's
// functions come through initRoutes(), and views with a part of their own (guides) register it
// with onRoute(), so there is no import cycle.
import { $, $$ } from './dom.js';
import { isIsoDate } from './dates.js';

const handlers = new Map();
let show = null;       // views.js's showView
let handled = null;    // the fragment last followed, so popstate and hashchange act once
let calc = null;       // {setStays, setCitizenship, calculate} once initRoutes() ran
let waiting = null;    // a calculator route that came before initRoutes()
let shownQuery = '';   // the query of the answer on the page ('' when none)
let resultWasShown = false;

const MAX_STAYS = 200;
// The calculator's optional fields: query key, element, and person field.
const OPTIONAL = [
  ['v', '#calc-valid-until', 'valid_until'],
  ['d', '#calc-doc-expires', 'document_expires'],
  ['p', '#calc-pending-since', 'pending_since'],
];

function viewNames() {
  return $$('.view').map((view) => view.id.replace(/^view-/, ''));
}

// "#/guides/visa_run?x=1" -> {view: 'guides', sub: 'visa_run', query: 'x=1'}; null for a
// fragment that is not one of ours.
export function parseRoute(hash = location.hash) {
  // No fragment is the page's own address: the calculator (Back to the first entry ends there).
  if (!hash || hash === '#') return { view: 'calc', sub: '', query: '' };
  const m = /^#\/([a-z]+)(?:\/([A-Za-z0-9_-]+))?\/?(?:\?(.*))?$/.exec(hash || '');
  if (!m || !viewNames().includes(m[1])) return null;
  return { view: m[1], sub: m[2] || '', query: m[3] || '' };
}

export function currentView() {
  const open = $('.view:not([hidden])');
  return open ? open.id.replace(/^view-/, '') : 'calc';
}

// What onRoute(view, handler) handlers get: the route, and whether it is the page's first.
export function onRoute(view, handler) {
  handlers.set(view, handler);
}

function follow({ initial = false } = {}) {
  if (location.hash === handled) return;
  handled = location.hash;
  const route = parseRoute();
  if (!route) return;
  show(route.view, { focus: !initial });
  const handler = handlers.get(route.view);
  if (handler) handler(route, { initial });
}

// Starts following the address: the view it names now, and every Back and Forward.
export function startRouting(showView) {
  show = showView;
  window.addEventListener('popstate', () => follow());
  window.addEventListener('hashchange', () => follow());
  // main.js starts every view right after the views: the first address is followed once all
  // have registered (still before the page is first drawn).
  queueMicrotask(() => follow({ initial: true }));
}

// A new history entry for `path` ("/fees"), followed at once; the same address adds none.
export function navigate(path) {
  if (location.hash === `#${path}`) return;
  history.pushState(null, '', `#${path}`);
  follow();
}

function replace(path) {
  history.replaceState(history.state, '', `#${path}`);
  handled = location.hash;
}

// --- The calculator's answer in the address -------------------------------------------------

// Keeps ",", ":" and "_" readable in the fragment; everything else is escaped.
function enc(value) {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

// person: what calculator.js's readPerson() gave; report: its answer, whose stays are the ones
// read from stamps too, so a shared stamp list opens as the same stays in date rows.
export function queryOf(person, report) {
  const stays = person.stays || (report && report.stays) || [];
  const parts = [];
  if (person.citizenship) parts.push(`c=${enc(person.citizenship)}`);
  parts.push(`on=${enc(person.on)}`);
  parts.push(`s=${stays.map((st) => `${st.entry}_${st.exit || ''}`).join(',')}`);
  if (person.regime) parts.push(`r=${enc(person.regime)}`);
  for (const [key, , field] of OPTIONAL) if (person[field]) parts.push(`${key}=${enc(person[field])}`);
  if (person.pending_since && person.pending_kind) parts.push(`k=${enc(person.pending_kind)}`);
  return parts.join('&');
}

// The inverse of queryOf: what the form should hold. Anything malformed is left out, so a
// damaged link still opens the calculator instead of failing.
export function personOf(query) {
  const q = new URLSearchParams(query);
  const date = (key) => (isIsoDate(q.get(key)) ? q.get(key) : '');
  const stays = [];
  for (const piece of (q.get('s') || '').split(',').slice(0, MAX_STAYS)) {
    const [entry, exit = ''] = piece.split('_');
    if (isIsoDate(entry) && (exit === '' || isIsoDate(exit))) stays.push({ entry, exit });
  }
  const person = {
    citizenship: /^[A-Z]{2}$/.test(q.get('c') || '') ? q.get('c') : '',
    on: date('on'),
    stays,
    regime: /^[a-z_]+(:[0-9a-z]+)*$/.test(q.get('r') || '') ? q.get('r') : '',
    pending_kind: /^(first|renewal)$/.test(q.get('k') || '') ? q.get('k') : '',
  };
  for (const [key, , field] of OPTIONAL) person[field] = date(key);
  return person;
}

// The calculator's link in the navigation leads back to the answer on the page.
function setCalcLink(query) {
  const link = $('.nav-btn[data-view="calc"]');
  if (link) link.setAttribute('href', query ? `#/calc?${query}` : '#/calc');
}

async function applyQuery(query) {
  const person = personOf(query);
  shownQuery = query;
  calc.setCitizenship(person.citizenship);
  calc.setStays(person.stays.map((st) => ({ entry: st.entry, exit: st.exit })));
  if (person.on) $('#calc-on').value = person.on;
  $('#calc-regime').value = person.regime;
  if ($('#calc-regime').selectedIndex < 0) $('#calc-regime').value = '';
  for (const [, selector, field] of OPTIONAL) $(selector).value = person[field];
  if (person.pending_kind) $('#calc-pending-kind').value = person.pending_kind;
  if (person.regime || OPTIONAL.some(([, , field]) => person[field])) $('#calc-form .more-options').open = true;
  if (person.stays.length && person.on) await calc.calculate();
}

function calcRoute(route) {
  if (!route.query || route.query === shownQuery) return;
  if (calc) applyQuery(route.query);
  else waiting = route.query;
}
onRoute('calc', calcRoute);

// Called once the calculator and the countries are ready (main.js); a shared answer in the
// address is then filled in and counted. Resolves when that answer is on the page.
export async function initRoutes(hooks) {
  calc = hooks;
  // An answer that goes away (a new error, a deleted profile) takes its address with it.
  const result = $('#calc-result');
  resultWasShown = !result.hidden;
  new MutationObserver(() => {
    const shown = !result.hidden;
    if (shown === resultWasShown) return;
    resultWasShown = shown;
    if (shown || !shownQuery) return;
    shownQuery = '';
    setCalcLink('');
    const route = parseRoute();
    if (route && route.view === 'calc' && route.query) replace('/calc');
  }).observe(result, { attributes: true, attributeFilter: ['hidden'] });
  const query = waiting;
  waiting = null;
  if (query) await applyQuery(query);
}

// Called by calculator.js after an answer the person asked for is shown: the address becomes
// the answer's, in place of the current entry (Back still leaves the calculator).
export function resultShown(person, report) {
  const query = queryOf(person, report);
  shownQuery = query;
  resultWasShown = true;
  setCalcLink(query);
  if (currentView() === 'calc') replace(`/calc?${query}`);
}
