// The agency's deadline dashboard: GET /v1/agency/dashboard?on=&status= as a table the person
// sorts (buttons in the column headers, aria-sort), filters by status (asked of the server),
// searches by name or reference (in the page), and downloads as CSV (?format=csv, fetched with
// the secret). The server's order (most urgent first) is the order until a header is clicked.
import { h, $, $$, fill } from './dom.js';
import { t, formatDate, formatNumber, countryName, localeTag } from './i18n.js';
import { isIsoDate, todayInBelgrade } from './dates.js';
import { agencyRequest, agencyMessage, download, say } from './agency-session.js';

export const STATUSES = ['overstay', 'leave_soon', 'present', 'away', 'error'];
const NEXT_KINDS = ['leave_now', 'leave_by', 'register_address', 'renew_permit', 'none', 'fix_data'];
const BADGE = { overstay: 'badge badge-no', leave_soon: 'badge badge-unknown', present: 'badge badge-ok', away: 'badge', error: 'badge badge-unknown' };
const COLUMNS = [
  { key: 'client' }, { key: 'name' }, { key: 'citizenship' }, { key: 'status' },
  { key: 'days_used', num: true }, { key: 'days_left', num: true }, { key: 'last_legal_day' }, { key: 'next' },
];

let rows = [];            // the server's answer, in its order
let shownOn = '';         // the date of that answer
let sort = null;          // {key, dir: 1 | -1}, or null for the server's order
let ticket = 0;           // answers that come back after a newer request are dropped
let opener = () => {};

// --- Texts shared with the client's page ------------------------------------------------------

export function statusBadge(status) {
  const known = STATUSES.includes(status) ? status : 'error';
  return h('span', { class: BADGE[known], 'data-status': known }, t(`web.agency.status.${known}`));
}

export function dayCell(iso) {
  return isIsoDate(iso) ? h('time', { datetime: iso }, formatDate(iso, 'medium')) : t('web.agency.none');
}

export function numberText(n) {
  return Number.isFinite(n) ? formatNumber(n) : t('web.agency.none');
}

export function nextText(next) {
  const kind = next && NEXT_KINDS.includes(next.kind) ? next.kind : 'fix_data';
  const word = h('span', { class: 'next-kind' }, t(`web.agency.next.${kind}`));
  return next && isIsoDate(next.date) ? [word, ' ', dayCell(next.date)] : word;
}

// --- Sorting and searching ----------------------------------------------------------------------

function fold(text) {
  return String(text || '').normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(localeTag());
}

function compare(a, b, key, collator) {
  const value = (row) => {
    if (key === 'status') return STATUSES.indexOf(row.status);
    if (key === 'citizenship') return countryName(row.citizenship, row.citizenship);
    if (key === 'next') return row.next && row.next.date ? `${row.next.date} ${NEXT_KINDS.indexOf(row.next.kind)}` : null;
    return row[key] ?? null;
  };
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === null && y === null ? 0 : x === null ? 2 : -2;  // empty last
  if (typeof x === 'number') return Math.sign(x - y);
  if (key === 'last_legal_day' || key === 'next') return x < y ? -1 : x > y ? 1 : 0;  // ISO dates
  return Math.sign(collator.compare(String(x), String(y)));
}

function visibleRows() {
  const query = fold($('#agency-search').value.trim());
  const list = rows.map((row, i) => ({ row, i }))
    .filter(({ row }) => !query || fold(row.name).includes(query) || fold(row.client).includes(query));
  if (sort) {
    const collator = new Intl.Collator(localeTag(), { numeric: true, sensitivity: 'base' });
    list.sort((a, b) => {
      const c = compare(a.row, b.row, sort.key, collator);
      if (Math.abs(c) === 2) return c;        // empty values stay last either way
      return c * sort.dir || a.i - b.i;
    });
  }
  return list.map(({ row }) => row);
}

// --- Drawing ------------------------------------------------------------------------------------

function drawHead() {
  const cells = COLUMNS.map(({ key, num }) => {
    const sorted = sort && sort.key === key;
    const mark = sorted ? (sort.dir > 0 ? ' ↑' : ' ↓') : '';
    return h('th', { scope: 'col', class: num ? 'num' : null, 'aria-sort': sorted ? (sort.dir > 0 ? 'ascending' : 'descending') : null },
      h('button', { type: 'button', class: 'link-button sort-btn', 'data-sort': key, onclick: () => sortBy(key) },
        t(`web.agency.col.${key}`), h('span', { 'aria-hidden': 'true' }, mark)));
  });
  fill($('#agency-table thead'), h('tr', null, cells));
}

function drawRow(row) {
  return h('tr', { 'data-client': row.client },
    h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link-button', 'data-open': row.client,
      'aria-label': t('web.agency.open', { client: row.client, name: row.name }), onclick: () => opener(row) }, row.client)),
    h('td', null, row.name),
    h('td', null, countryName(row.citizenship, row.citizenship)),
    h('td', null, statusBadge(row.status)),
    h('td', { class: 'num' }, numberText(row.days_used)),
    h('td', { class: 'num' }, numberText(row.days_left)),
    h('td', { class: 'day' }, dayCell(row.last_legal_day)),
    h('td', { class: 'day' }, nextText(row.next)));
}

function draw() {
  drawHead();
  const list = visibleRows();
  fill($('#agency-table tbody'), list.map(drawRow));
  $('#agency-table-wrap').hidden = list.length === 0;
  const none = $('#agency-empty');
  none.hidden = list.length > 0;
  none.textContent = rows.length ? t('web.agency.empty.filtered') : t('web.agency.empty.none');
  const count = [t('web.agency.count', { shown: formatNumber(list.length), total: formatNumber(rows.length) })];
  if (sort) {
    count.push(t(sort.dir > 0 ? 'web.agency.sorted.asc' : 'web.agency.sorted.desc', { column: t(`web.agency.col.${sort.key}`) }));
  }
  $('#agency-count').textContent = count.join(' ');
  if (shownOn) $('#agency-on').value = shownOn;
  $('#agency-csv').textContent = t('web.agency.csv', { format: 'CSV' });
}

function sortBy(key) {
  sort = sort && sort.key === key ? { key, dir: -sort.dir } : { key, dir: 1 };
  draw();
  const button = $(`#agency-table [data-sort="${key}"]`);
  if (button) button.focus();
}

// --- Asking the server --------------------------------------------------------------------------

function chosenStatuses() {
  return $$('#agency-status-filter input:checked').map((box) => box.value);
}

function query() {
  const chosen = chosenStatuses();
  const on = $('#agency-on').value;
  return { on: isIsoDate(on) ? on : undefined, status: chosen.length < STATUSES.length ? chosen.join(',') : undefined };
}

export async function loadDashboard() {
  const n = ++ticket;
  const error = $('#agency-dash-error');
  say(error, '');
  if (!chosenStatuses().length) {
    rows = [];
    draw();
    say(error, t('web.agency.filter.none'), true);
    return;
  }
  try {
    const answer = await agencyRequest('GET', '/v1/agency/dashboard', { query: query() });
    if (n !== ticket) return;
    rows = Array.isArray(answer.clients) ? answer.clients : [];
    shownOn = answer.on || '';
    draw();
  } catch (failure) {
    if (n === ticket) say(error, agencyMessage(failure), true);
  }
}

export function dashboardDate() {
  return shownOn || $('#agency-on').value || todayInBelgrade();
}

// After a client is deleted: its row goes at once, before the new answer comes.
export function dropRow(client) {
  rows = rows.filter((row) => row.client !== client);
  draw();
}

export function clearDashboard() {
  ticket += 1;
  rows = [];
  shownOn = '';
  sort = null;
  $('#agency-search').value = '';
  $('#agency-on').value = todayInBelgrade();
  for (const box of $$('#agency-status-filter input')) box.checked = true;
  say($('#agency-dash-error'), '');
  draw();
}

export function redrawDashboard() {
  draw();
}

async function downloadCsv() {
  const status = $('#agency-csv-status');
  say(status, '');
  try {
    await download('/v1/agency/dashboard', { ...query(), format: 'csv' }, `boravak-clients-${dashboardDate()}.csv`);
    say(status, t('web.agency.csv.done'));
  } catch (failure) {
    say(status, agencyMessage(failure), true);
  }
}

// The dashboard's card; `open(row)` opens a client.
export function buildDashboard(open) {
  opener = open;
  const statusBoxes = STATUSES.map((status) => h('label', { class: 'choice' },
    h('input', { type: 'checkbox', value: status, checked: true, onchange: loadDashboard }),
    h('span', { 'data-i18n': `web.agency.status.${status}` })));
  const card = h('section', { id: 'agency-dash', class: 'card', 'aria-labelledby': 'agency-dash-heading' },
    h('h2', { id: 'agency-dash-heading', tabindex: '-1', 'data-i18n': 'web.agency.dash.heading' }),
    h('form', { id: 'agency-dash-form', class: 'inline-form', novalidate: true, onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'field' },
        h('label', { for: 'agency-on', 'data-i18n': 'web.agency.dash.on' }),
        h('input', { type: 'date', id: 'agency-on', value: todayInBelgrade(), onchange: () => { if (isIsoDate($('#agency-on').value)) loadDashboard(); } })),
      h('div', { class: 'field grow' },
        h('label', { for: 'agency-search', 'data-i18n': 'web.agency.dash.search' }),
        h('input', { type: 'search', id: 'agency-search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'agency-table', oninput: draw })),
      h('fieldset', { id: 'agency-status-filter', class: 'mode-switch' },
        h('legend', { 'data-i18n': 'web.agency.dash.filter' }), statusBoxes),
      h('p', { class: 'form-error', id: 'agency-dash-error', role: 'alert' })),
    h('p', { id: 'agency-count', class: 'status', 'aria-live': 'polite' }),
    h('p', { id: 'agency-empty', class: 'hint', hidden: true }),
    h('div', { id: 'agency-table-wrap', class: 'table-wrap', hidden: true },
      h('table', { id: 'agency-table', class: 'agency-table' },
        h('caption', { class: 'visually-hidden', 'data-i18n': 'web.agency.dash.caption' }),
        h('thead'), h('tbody'))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'agency-csv', class: 'btn btn-secondary', onclick: downloadCsv })),
    h('p', { id: 'agency-csv-status', class: 'status', 'aria-live': 'polite' }));
  return card;
}
