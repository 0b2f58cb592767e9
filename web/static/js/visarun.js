// The visa run (#/visarun): when to leave, the earliest day to come back and for how long, and
// the border crossings near the home city, each saying whether this passport may enter the
// neighbour. Computed in the page (engine.js) as POST /v1/visarun would answer it.
//
// The form starts from the calculator's citizenship, stays and check date each time the view
// opens, until the person changes something here; changes here leave the calculator alone.
// Its rows use their own classes (trip-row, trip-entry, trip-exit), so the calculator's
// .stay-row stays the calculator's.
import { compute } from './engine.js';
import { get } from './api.js';
import { h, $, $$ } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { todayInBelgrade } from './dates.js';
import { clearErrors, showError } from './errors.js';
import { onViewOpen } from './views.js';
import { calculatorInputs } from './calculator.js';
import { renderVisarun } from './visarun-view.js';

let form;
let cities = [];
let citiesLoaded = null;
let wantedCity = '';
let touched = false;
let lastBody = null;

function rows() {
  return $$('.trip-row', form);
}

function renumber() {
  rows().forEach((row, i) => {
    $('legend', row).textContent = t('web.calc.stay_n', { n: i + 1 });
    $('.remove-trip', row).setAttribute('aria-label', t('web.calc.remove_stay_n', { n: i + 1 }));
  });
}

function addRow(entry = '', exit = '') {
  const list = $('#visarun-rows');
  const id = `trip-${Date.now().toString(36)}-${list.children.length}`;
  const row = h('li', { class: 'trip-row' },
    h('fieldset', null,
      h('legend', null, ''),
      h('div', { class: 'field' },
        h('label', { for: `${id}-entry`, 'data-i18n': 'web.calc.entry' }, t('web.calc.entry')),
        h('input', { type: 'date', id: `${id}-entry`, class: 'trip-entry', value: entry })),
      h('div', { class: 'field' },
        h('label', { for: `${id}-exit`, 'data-i18n': 'web.calc.exit' }, t('web.calc.exit')),
        h('input', { type: 'date', id: `${id}-exit`, class: 'trip-exit', value: exit, 'aria-describedby': 'visarun-dates-hint' })),
      h('button', { type: 'button', class: 'btn btn-quiet remove-trip', 'data-i18n': 'web.calc.remove' }, t('web.calc.remove'))));
  $('.remove-trip', row).addEventListener('click', () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    touched = true;
    if (rows().length === 0) addRow();
    renumber();
    (next ? $('.trip-entry', next) : $('#visarun-add')).focus();
  });
  list.append(row);
  renumber();
  return row;
}

function setRows(stays) {
  $('#visarun-rows').replaceChildren();
  for (const st of stays) addRow(st.entry || '', st.exit || '');
  if (!stays.length) addRow();
}

function localError(path, key) {
  return { code: 'invalid_value', path, message: t(key) };
}

// The stays with a date, sorted by entry; each row's inputs get the path of its place.
function readRows() {
  const list = rows().map((row) => ({ row, entry: $('.trip-entry', row), exit: $('.trip-exit', row) }));
  for (const r of list) for (const node of [r.row.firstChild, r.entry, r.exit]) node.removeAttribute('data-path');
  for (const r of list) {
    for (const input of [r.entry, r.exit]) {
      if (input.validity.badInput) {
        input.dataset.path = 'partial_date';
        throw localError('partial_date', 'web.calc.error.partial_date');
      }
    }
  }
  const filled = list.filter((r) => r.entry.value || r.exit.value);
  filled.sort((a, b) => (a.entry.value || '9999').localeCompare(b.entry.value || '9999'));
  return filled.map((r, i) => {
    r.row.firstChild.dataset.path = `stays[${i}]`;
    r.entry.dataset.path = `stays[${i}].entry`;
    r.exit.dataset.path = `stays[${i}].exit`;
    return r.exit.value ? { entry: r.entry.value, exit: r.exit.value } : { entry: r.entry.value };
  });
}

function readBody() {
  const body = { citizenship: $('#visarun-country').value, on: $('#visarun-on').value, stays: readRows(), city: $('#visarun-city').value };
  if (!body.citizenship) throw localError('citizenship', 'web.calc.error.no_citizenship');
  if (!body.stays.length) throw localError('stays', 'web.calc.error.no_stays');
  if ($('#visarun-on').validity.badInput) throw localError('on', 'web.calc.error.partial_date');
  if (!body.on) throw localError('on', 'web.calc.error.no_date');
  body.stays.forEach((st, i) => {
    if (st.entry && st.entry > body.on) throw localError(`stays[${i}].entry`, 'web.calc.error.entry_after_on');
  });
  if (!body.city) throw localError('city', 'web.visarun.error.city');
  return body;
}

function cityName(id) {
  const city = cities.find((c) => c.id === id);
  return city ? city.name || city.id : id;
}

async function run({ body = null, focus = true } = {}) {
  clearErrors(form);
  const result = $('#visarun-result');
  try {
    body = body || readBody();
  } catch (error) {
    result.hidden = true;
    showError(form, error);
    return null;
  }
  form.setAttribute('aria-busy', 'true');
  try {
    const report = await compute('/v1/visarun', body);
    lastBody = body;
    renderVisarun($('#visarun-result-body'), report, { cityName: cityName(body.city) });
    result.hidden = false;
    if (focus) result.focus();
    return report;
  } catch (error) {
    result.hidden = true;
    lastBody = null;
    showError(form, error);
    return null;
  } finally {
    form.removeAttribute('aria-busy');
  }
}

async function loadCities() {
  cities = await get('/v1/cities');
  const select = $('#visarun-city');
  const chosen = select.value || wantedCity;
  select.replaceChildren(h('option', { value: '' }, t('web.visarun.city.choose')),
    ...cities.map((c) => h('option', { value: c.id }, c.name || c.id)));
  select.value = chosen;
  if (select.selectedIndex < 0) select.value = '';
}

// The home city saved in a profile, chosen unless the person already chose one here.
export function setVisarunCity(id) {
  if (!id) return;
  wantedCity = id;
  const select = $('#visarun-city');
  if (select && !select.value && cities.some((c) => c.id === id)) select.value = id;
}

// The calculator's inputs, each time the view opens, until the person changes this form.
function copyFromCalculator() {
  if (touched) return;
  const calc = calculatorInputs();
  if (calc.citizenship) $('#visarun-country').value = calc.citizenship;
  if (calc.on) $('#visarun-on').value = calc.on;
  if (calc.stays.length) setRows(calc.stays);
  $('#visarun-copied').hidden = !(calc.stays.length || calc.citizenship);
}

// The page is ready once the countries and any saved profile are in (main.js marks <html>).
function whenPageReady(callback) {
  const root = document.documentElement;
  if (root.dataset.ready === 'true') {
    callback();
    return;
  }
  const watch = new MutationObserver(() => {
    if (root.dataset.ready !== 'true') return;
    watch.disconnect();
    callback();
  });
  watch.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
}

export function initVisarun() {
  form = $('#visarun-form');
  $('#visarun-on').value = todayInBelgrade();
  addRow();
  $('#visarun-add').addEventListener('click', () => {
    touched = true;
    $('.trip-entry', addRow()).focus();
  });
  form.addEventListener('input', () => { touched = true; });
  form.addEventListener('change', () => { touched = true; });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  onViewOpen('visarun', () => {
    // Opened by the page's address before the countries and the profile are in: copy then.
    whenPageReady(copyFromCalculator);
    if (!citiesLoaded) citiesLoaded = loadCities().catch((error) => { citiesLoaded = null; showError(form, error, { focus: false }); });
  });
  onLanguageChange(() => {
    renumber();
    const names = citiesLoaded ? loadCities().catch(() => {}) : Promise.resolve();
    names.then(() => {
      if (lastBody && !$('#visarun-result').hidden) run({ body: lastBody, focus: false });
    });
  });
}
