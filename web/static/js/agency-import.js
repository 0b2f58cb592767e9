// Importing the agency's client list: a CSV file chosen by the person is sent as it is
// (POST /v1/agency/clients/import, Content-Type text/csv). The answer says how many clients and
// trips were stored, and lists every refused row with its line, field and the server's reason.
import { h, $, fill } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { showError, clearErrors } from './errors.js';
import { agencyRequest, agencyMessage, say } from './agency-session.js';

const MAX_BYTES = 16 * 1024 * 1024;  // the server's limit (docs/api.md)
let imported = () => {};
let shown = [];  // the refused rows on screen

// Column names and "CSV" go in as placeholders: they stay as they are in every language and
// script (Serbian Cyrillic is transliterated from Latin).
const REQUIRED = 'client, name, citizenship, entry';
const OPTIONAL = 'exit, birth_date, permit_ground, permit_from, permit_until';

function drawTexts() {
  $('#agency-import-hint').textContent = t('web.agency.import.hint', { format: 'CSV' });
  $('#agency-import-columns').textContent = t('web.agency.import.columns', { required: REQUIRED, optional: OPTIONAL });
  $('label[for="agency-file"]').textContent = t('web.agency.import.file', { format: 'CSV' });
}

function drawErrors(errors) {
  shown = errors;
  const box = $('#agency-import-errors');
  box.hidden = errors.length === 0;
  if (!errors.length) return;
  $('#agency-import-errors caption').textContent = t('web.agency.import.errors', { n: formatNumber(errors.length) });
  fill($('#agency-import-errors tbody'), errors.map((e) => h('tr', null,
    h('td', { class: 'num' }, Number.isFinite(e.line) ? formatNumber(e.line) : ''),
    h('td', null, e.field ? h('code', null, e.field) : ''),
    h('td', null, e.message || ''))));
}

async function upload(event) {
  event.preventDefault();
  const form = $('#agency-import-form');
  const status = $('#agency-import-status');
  clearErrors(form);
  say(status, '');
  drawErrors([]);
  const file = $('#agency-file').files[0];
  const refuse = (key) => showError(form, { code: 'agency', message: t(key), path: 'file' });
  if (!file) return refuse('web.agency.import.no_file');
  if (file.size > MAX_BYTES) return refuse('web.agency.import.too_big');
  const button = $('#agency-import-form button[type="submit"]');
  button.disabled = true;
  say(status, t('web.agency.import.wait'));
  try {
    const answer = await agencyRequest('POST', '/v1/agency/clients/import', { body: file, contentType: 'text/csv' });
    const errors = Array.isArray(answer.errors) ? answer.errors : [];
    say(status, t('web.agency.import.done', { clients: formatNumber(answer.clients || 0), trips: formatNumber(answer.trips || 0) }));
    drawErrors(errors);
    imported();
  } catch (error) {
    say(status, '');
    showError(form, { code: 'agency', message: agencyMessage(error), path: '' }, { focus: false });
  } finally {
    button.disabled = false;
  }
  return undefined;
}

export function redrawImport() {
  drawTexts();
  drawErrors(shown);
}

export function clearImport() {
  $('#agency-import-form').reset();
  clearErrors($('#agency-import-form'));
  say($('#agency-import-status'), '');
  drawErrors([]);
}

export function buildImport(onImported) {
  imported = onImported;
  return h('section', { id: 'agency-import', class: 'card', 'aria-labelledby': 'agency-import-heading' },
    h('h2', { id: 'agency-import-heading', 'data-i18n': 'web.agency.import.heading' }),
    h('p', { class: 'hint', id: 'agency-import-hint' }),
    h('p', { class: 'hint', id: 'agency-import-columns' }),
    h('form', { id: 'agency-import-form', novalidate: true, onsubmit: upload },
      h('div', { class: 'field' },
        h('label', { for: 'agency-file' }),
        h('input', { type: 'file', id: 'agency-file', 'data-path': 'file', accept: '.csv,text/csv', 'aria-describedby': 'agency-import-hint' })),
      h('p', { class: 'form-error', role: 'alert' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-i18n': 'web.agency.import.submit' }))),
    h('p', { id: 'agency-import-status', class: 'status', 'aria-live': 'polite' }),
    h('div', { id: 'agency-import-errors', class: 'table-wrap', hidden: true },
      h('table', null,
        h('caption'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', class: 'num', 'data-i18n': 'web.agency.import.line' }),
          h('th', { scope: 'col', 'data-i18n': 'web.agency.import.field' }),
          h('th', { scope: 'col', 'data-i18n': 'web.agency.import.message' }))),
        h('tbody'))));
}
