// The stay calculator's form: stays as date rows or as passport stamps, citizenship, check
// date, the optional document dates, and what the person wants to know: the days now, the
// longest stay from a planned entry, or the earliest entry for a stay of N days ("plan"). The
// report is computed in the page (engine.js), as POST /v1/stay/report would answer it, and
// handed to report.js.
import { compute } from './engine.js';
import { h, $, $$ } from './dom.js';
import { t, applyTexts, onLanguageChange } from './i18n.js';
import { todayInBelgrade } from './dates.js';
import { clearErrors, showError } from './errors.js';
import { renderReport } from './report.js';
import { resultShown } from './route.js';

const state = { lastReport: null, lastPerson: null, lastKey: '' };
let form;

function rowCount() {
  return $$('.stay-row', form).length;
}

function renumberRows() {
  $$('.stay-row', form).forEach((row, i) => {
    const n = i + 1;
    $('legend', row).textContent = t('web.calc.stay_n', { n });
    $('.remove-stay', row).setAttribute('aria-label', t('web.calc.remove_stay_n', { n }));
  });
}

export function addStayRow(entry = '', exit = '') {
  const list = $('#stay-rows');
  const id = `stay-${Date.now().toString(36)}-${list.children.length}`;
  const row = h('li', { class: 'stay-row' },
    h('fieldset', null,
      h('legend', null, ''),
      h('div', { class: 'field' },
        h('label', { for: `${id}-entry`, 'data-i18n': 'web.calc.entry' }, t('web.calc.entry')),
        h('input', { type: 'date', id: `${id}-entry`, class: 'stay-entry', value: entry })),
      h('div', { class: 'field' },
        h('label', { for: `${id}-exit`, 'data-i18n': 'web.calc.exit' }, t('web.calc.exit')),
        h('input', { type: 'date', id: `${id}-exit`, class: 'stay-exit', value: exit,
          'aria-describedby': 'calc-dates-hint' })),
      h('button', { type: 'button', class: 'btn btn-quiet remove-stay', 'data-i18n': 'web.calc.remove' },
        t('web.calc.remove'))));
  $('.remove-stay', row).addEventListener('click', () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    if (rowCount() === 0) addStayRow();
    renumberRows();
    (next ? $('.stay-entry', next) : $('#add-stay')).focus();
  });
  list.append(row);
  renumberRows();
  return row;
}

export function setStays(stays) {
  $('#stay-rows').replaceChildren();
  for (const stay of stays) addStayRow(stay.entry || '', stay.exit || '');
  if (stays.length === 0) addStayRow();
  setMode('dates');
}

function mode() {
  return $('input[name="calc-mode"]:checked', form).value;
}

export function setMode(value) {
  $(`input[name="calc-mode"][value="${value}"]`, form).checked = true;
  $('#calc-dates').hidden = value !== 'dates';
  $('#calc-stamps').hidden = value !== 'stamps';
}

export function setCitizenship(code) {
  if (code) $('#calc-country').value = code;
}

export function citizenship() {
  return $('#calc-country').value;
}

// Rows with a date, sorted by entry; each row's inputs get the path of its place in the list.
function readRows() {
  const rows = $$('.stay-row', form).map((row) => ({
    row, entry: $('.stay-entry', row).value, exit: $('.stay-exit', row).value,
  }));
  for (const r of rows) {
    $('fieldset', r.row).removeAttribute('data-path');
    $('.stay-entry', r.row).removeAttribute('data-path');
    $('.stay-exit', r.row).removeAttribute('data-path');
  }
  // A date typed only in part reads as empty: say so instead of dropping the stay.
  for (const r of rows) {
    for (const input of [$('.stay-entry', r.row), $('.stay-exit', r.row)]) {
      if (input.validity && input.validity.badInput) {
        input.dataset.path = 'partial_date';
        throw localError('partial_date', 'web.calc.error.partial_date');
      }
    }
  }
  const filled = rows.filter((r) => r.entry || r.exit);
  filled.sort((a, b) => (a.entry || '9999').localeCompare(b.entry || '9999'));
  return filled.map((r, i) => {
    $('fieldset', r.row).dataset.path = `stays[${i}]`;
    $('.stay-entry', r.row).dataset.path = `stays[${i}].entry`;
    $('.stay-exit', r.row).dataset.path = `stays[${i}].exit`;
    const stay = { entry: r.entry };
    if (r.exit) stay.exit = r.exit;
    return stay;
  });
}

function localError(path, key) {
  return { code: 'invalid_value', path, message: t(key) };
}

export function readPerson() {
  const person = { citizenship: citizenship() || undefined, on: $('#calc-on').value };
  if (mode() === 'dates') {
    person.stays = readRows();
    if (person.stays.length === 0) throw localError('stays', 'web.calc.error.no_stays');
  } else {
    person.stamps = $('#calc-stamps-text').value.trim();
    if (!person.stamps) throw localError('stamps', 'web.calc.error.no_stamps');
  }
  if ($('#calc-on').validity.badInput) throw localError('on', 'web.calc.error.partial_date');
  if (!person.on) throw localError('on', 'web.calc.error.no_date');
  // A stay that begins after the check date does not count: say so rather than leave it out.
  (person.stays || []).forEach((stay, i) => {
    if (stay.entry && stay.entry > person.on) throw localError(`stays[${i}].entry`, 'web.calc.error.entry_after_on');
  });
  const optional = { valid_until: '#calc-valid-until', document_expires: '#calc-doc-expires', regime: '#calc-regime',
    pending_since: '#calc-pending-since' };
  for (const [key, selector] of Object.entries(optional)) {
    const value = $(selector).value;
    if (value) person[key] = value;
  }
  if (person.pending_since) person.pending_kind = $('#calc-pending-kind').value;
  if (!person.citizenship && !person.regime && !person.document_expires) {
    throw localError('citizenship', 'web.calc.error.no_citizenship');
  }
  return person;
}

// What the person wants to know: 'now', 'longest' (from a planned entry) or 'earliest'.
export function planMode() {
  const checked = $('input[name="calc-plan"]:checked', form);
  return checked ? checked.value : 'now';
}

export function setPlanMode(value) {
  const radio = $(`input[name="calc-plan"][value="${value}"]`, form);
  if (radio) radio.checked = true;
  $('#calc-plan-longest').hidden = planMode() !== 'longest';
  $('#calc-plan-earliest').hidden = planMode() !== 'earliest';
  // Looking for an entry starts, unless the person says otherwise, from the check date.
  if (planMode() === 'earliest' && !$('#calc-plan-from').value) $('#calc-plan-from').value = $('#calc-on').value;
}

// The body's "plan": {entry} or {from, length}; a field left empty is left out, so the answer
// names what is missing next to its field.
function readPlan() {
  const mode = planMode();
  if (mode === 'now') return undefined;
  const date = mode === 'longest' ? $('#calc-plan-entry') : $('#calc-plan-from');
  if (date.validity.badInput) throw localError(date.dataset.path, 'web.calc.error.partial_date');
  if (mode === 'longest') return date.value ? { entry: date.value } : {};
  const plan = {};
  if (date.value) plan.from = date.value;
  const length = $('#calc-plan-length').value.trim();
  if ($('#calc-plan-length').validity.badInput) throw localError('plan.length', 'web.calc.plan.error.length');
  if (length !== '') plan.length = Number(length);
  return plan;
}

// The answer names "plan.entry" for the planned day in both modes: point at the date field the
// person sees.
function planPath(error) {
  if (!error || typeof error.path !== 'string' || !error.path.startsWith('plan')) return error;
  const mode = planMode();
  let path = error.path;
  if (mode === 'earliest' && path === 'plan.entry') path = 'plan.from';
  if (mode === 'longest' && path === 'plan.from') path = 'plan.entry';
  return path === error.path ? error : { code: error.code, message: error.message, status: error.status, path };
}

// Runs the report for the form as it is now; resolves to the report, or null after showing
// the error in the form.
// A new error takes the old answer away: an answer left under it would be for other dates.
function forgetResult() {
  state.lastReport = null;
  state.lastKey = '';
  $('#calc-result').hidden = true;
  $('#calc-result-body').replaceChildren();
}

export async function calculate({ announce = true } = {}) {
  clearErrors(form);
  let person;
  let asked;
  try {
    person = readPerson();
    const plan = readPlan();
    asked = plan ? { ...person, plan } : person;
  } catch (error) {
    forgetResult();
    showError(form, error);
    return null;
  }
  const body = $('#calc-result-body');
  form.setAttribute('aria-busy', 'true');
  try {
    const report = await compute('/v1/stay/report', asked);
    state.lastReport = report;
    state.lastPerson = person;
    state.lastKey = JSON.stringify(person);
    renderReport(body, report);
    $('#calc-result').hidden = false;
    applyTexts($('#calc-result'));
    if (announce) $('#calc-result').focus({ preventScroll: false });
    if (announce) resultShown(person, report);
    return report;
  } catch (error) {
    forgetResult();
    showError(form, planPath(error));
    return null;
  } finally {
    form.removeAttribute('aria-busy');
  }
}

// The stays to save in a profile: those the server read from the form (stamps included).
export async function staysForSaving() {
  let key = '';
  try {
    key = JSON.stringify(readPerson());
  } catch {
    // calculate() shows the problem
  }
  const report = key && key === state.lastKey ? state.lastReport : await calculate({ announce: false });
  return report ? report.stays || state.lastPerson.stays || [] : null;
}

// What the form holds now, for another view to start from (the visa run): the stays typed as
// dates, or those read from the stamps of the last answer. Nothing is checked here.
export function calculatorInputs() {
  let stays;
  if (mode() === 'dates') {
    stays = $$('.stay-row', form).map((row) => ({ entry: $('.stay-entry', row).value, exit: $('.stay-exit', row).value }))
      .filter((st) => st.entry || st.exit);
  } else {
    stays = (state.lastReport && state.lastReport.stays) || [];
  }
  return { citizenship: citizenship(), on: $('#calc-on').value, stays };
}

export function resetCalculator() {
  state.lastReport = null;
  state.lastKey = '';
  setStays([]);
  $('#calc-stamps-text').value = '';
  $('#calc-result').hidden = true;
  $('#calc-result-body').replaceChildren();
}

export function initCalculator() {
  form = $('#calc-form');
  $('#calc-on').value = todayInBelgrade();
  addStayRow();
  $('#add-stay').addEventListener('click', () => {
    const row = addStayRow();
    $('.stay-entry', row).focus();
  });
  for (const radio of $$('input[name="calc-mode"]', form)) {
    radio.addEventListener('change', () => setMode(mode()));
  }
  for (const radio of $$('input[name="calc-plan"]', form)) {
    radio.addEventListener('change', () => setPlanMode(planMode()));
  }
  setPlanMode(planMode());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    calculate();
  });
  onLanguageChange(() => {
    renumberRows();
    if (state.lastReport && !$('#calc-result').hidden) calculate({ announce: false });
  });
}
