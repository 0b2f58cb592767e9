// One client of the agency: the dashboard's numbers for the check date, the client's trips and
// permit (GET /v1/agency/clients/{client}), the stay report as PDF (fetched with the secret, then
// handed to the browser through an object URL), and deleting the client after a confirmation.
import { get } from './api.js';
import { h, $, fill } from './dom.js';
import { t, formatDate, countryName, currentLang } from './i18n.js';
import { isIsoDate } from './dates.js';
import { confirmDialog } from './confirm.js';
import { agencyRequest, agencyMessage, download, say } from './agency-session.js';
import { statusBadge, dayCell, numberText, nextText } from './agency-table.js';

let open = null;        // {row, on, detail}: the client on screen
let grounds = null;     // permit ground id -> its name in the language asked for
let groundsLang = '';
let hooks = { back: () => {}, deleted: () => {} };

const path = (client) => `/v1/agency/clients/${encodeURIComponent(client)}`;

async function groundName(id) {
  if (groundsLang !== currentLang()) {
    try {
      const list = await get('/v1/permit/grounds');
      grounds = new Map((Array.isArray(list) ? list : list.grounds || []).map((g) => [g.id, g.name]));
      groundsLang = currentLang();
    } catch {
      grounds = new Map();
    }
  }
  return grounds.get(id) || t('web.agency.client.permit');
}

function stat(key, value) {
  return h('div', { class: 'stat', 'data-stat': key }, h('dt', null, t(`web.agency.stat.${key}`)), h('dd', null, value));
}

function tripRows(trips) {
  return [...trips].sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0)).map((trip) => h('tr', null,
    h('td', { class: 'day' }, dayCell(trip.entry)),
    h('td', { class: 'day' }, trip.exit ? dayCell(trip.exit) : t('web.timeline.still_here'))));
}

async function draw({ focus = false } = {}) {
  const { row, on, detail } = open;
  const permit = detail.permit;
  const permitLine = permit && isIsoDate(permit.from) && isIsoDate(permit.until)
    ? t('web.agency.client.permit_line', { ground: await groundName(permit.ground), from: formatDate(permit.from), until: formatDate(permit.until) })
    : null;
  if (!open || open.row !== row) return;  // another client was opened meanwhile
  const facts = [countryName(detail.citizenship, detail.citizenship)];
  if (isIsoDate(detail.birth_date)) facts.push(t('web.agency.client.born', { date: formatDate(detail.birth_date) }));
  const numbers = [
    stat('status', statusBadge(row.status)),
    stat('days_used', numberText(row.days_used)),
    stat('days_left', numberText(row.days_left)),
    stat('last_legal_day', dayCell(row.last_legal_day)),
  ];
  const overstay = row.overstay_days > 0 && isIsoDate(row.first_overstay_day)
    ? h('p', { class: 'warning-inline', id: 'agency-client-overstay' },
      t('web.agency.client.overstay', { date: formatDate(row.first_overstay_day), n: numberText(row.overstay_days) }))
    : null;
  fill($('#agency-client'),
    h('h2', { id: 'agency-client-heading', tabindex: '-1' }, t('web.agency.client.heading', { client: detail.client, name: detail.name })),
    h('p', null, facts.join(' · ')),
    permitLine ? h('p', null, permitLine) : null,
    h('p', { class: 'hint' }, t('web.agency.client.on', { date: formatDate(on) })),
    h('dl', { class: 'stats' }, numbers),
    overstay,
    h('p', { class: 'big-line', id: 'agency-client-next' }, t('web.agency.client.next'), ' ', nextText(row.next)),
    h('h3', { id: 'agency-trips-heading' }, t('web.agency.client.trips')),
    detail.trips && detail.trips.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'agency-trips', 'aria-labelledby': 'agency-trips-heading' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('web.agency.client.entry')), h('th', { scope: 'col' }, t('web.agency.client.exit')))),
        h('tbody', null, tripRows(detail.trips))))
      : h('p', { class: 'hint' }, t('web.agency.client.no_trips')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'agency-pdf', class: 'btn btn-primary', onclick: pdf }, t('web.agency.client.pdf')),
      h('button', { type: 'button', id: 'agency-delete', class: 'btn btn-danger', onclick: remove }, t('web.agency.client.delete')),
      h('button', { type: 'button', id: 'agency-back', class: 'btn btn-quiet', onclick: () => hooks.back() }, t('web.agency.client.back'))),
    h('p', { id: 'agency-client-status', class: 'status', 'aria-live': 'polite' }));
  $('#agency-client').hidden = false;
  if (focus) $('#agency-client-heading').focus();
}

async function pdf() {
  const { row, on } = open;
  const status = $('#agency-client-status');
  say(status, t('web.agency.client.pdf.wait'));
  try {
    const safe = row.client.replace(/[^A-Za-z0-9_-]+/g, '_');
    await download(`${path(row.client)}/report.pdf`, { on, lang: currentLang() }, `boravak-${safe}-${on}.pdf`);
    say(status, t('web.agency.client.pdf.done'));
  } catch (error) {
    say(status, agencyMessage(error), true);
  }
}

async function remove() {
  const { row } = open;
  const ok = await confirmDialog(t('web.agency.client.delete.confirm', { client: row.client, name: row.name }),
    t('web.agency.client.delete.yes'), t('web.agency.client.delete.no'));
  if (!ok) return;
  try {
    await agencyRequest('DELETE', path(row.client), { lang: false });
    open = null;
    hooks.deleted(row);
  } catch (error) {
    say($('#agency-client-status'), agencyMessage(error), true);
  }
}

// Opens a dashboard row; `on` is the dashboard's date. Resolves to false when the client could
// not be read (the sentence is then in `status`).
export async function openClient(row, on, status) {
  try {
    const detail = await agencyRequest('GET', path(row.client));
    open = { row, on, detail };
    await draw({ focus: true });
    return true;
  } catch (error) {
    say(status, agencyMessage(error), true);
    return false;
  }
}

export function closeClient() {
  const was = open;
  open = null;
  $('#agency-client').hidden = true;
  fill($('#agency-client'));
  return was ? was.row.client : null;
}

export function redrawClient() {
  if (open) draw();
}

export function buildClient(callbacks) {
  hooks = callbacks;
  return h('section', { id: 'agency-client', class: 'card', 'aria-labelledby': 'agency-client-heading', hidden: true });
}
