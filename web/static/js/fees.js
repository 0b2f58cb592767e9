// Every fee set on record: GET /v1/fees?on=&lang=, the set in force on the date marked, each
// with its source.
import { get } from './api.js';
import { h, $ } from './dom.js';
import { t, hasText, formatDate, formatRsd, onLanguageChange } from './i18n.js';
import { todayInBelgrade } from './dates.js';
import { whyDetails } from './why.js';
import { clearErrors, showError } from './errors.js';
import { onViewOpen } from './views.js';

let shown = false;

function dateEl(iso) {
  return iso ? h('time', { datetime: iso }, formatDate(iso)) : null;
}

function setsOf(answer) {
  if (Array.isArray(answer)) return answer;
  return answer.sets || answer.fee_sets || answer.fees || [];
}

function itemName(item) {
  if (item.name) return item.name;
  const key = `web.fee.item.${item.item || item.id}`;
  return hasText(key) ? t(key) : item.item || item.id;
}


function setCard(set, answer) {
  const id = set.id || set.set || set.name;
  const inForce = set.in_force === true || set.current === true || (answer.in_force && answer.in_force === id);
  const items = set.items || set.fees || [];
  return h('article', { class: `card fee-set${inForce ? ' in-force' : ''}`, 'data-set': id, 'data-in-force': inForce ? 'true' : 'false' },
    h('h2', null, set.from ? t('web.fees.set_from', { date: formatDate(set.from) }) : id,
      inForce ? h('span', { class: 'badge badge-ok' }, t('web.fees.in_force')) : null),
    set.start_estimated ? h('p', { class: 'hint' }, t('web.fees.start_estimated')) : null,
    set.until || set.to || set.checked ? h('p', { class: 'hint' },
      set.until || set.to ? [t('web.fees.until'), ' ', dateEl(set.until || set.to)] : null,
      (set.until || set.to) && set.checked ? ' · ' : null,
      set.checked ? [t('web.fees.checked'), ' ', dateEl(set.checked)] : null) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'fees-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('web.plan.fee.name')),
        h('th', { scope: 'col', class: 'num' }, t('web.plan.fee.amount')))),
      h('tbody', null, items.map((item) => h('tr', null,
        h('th', { scope: 'row' }, itemName(item)),
        h('td', { class: 'num' }, formatRsd(item.amount_rsd ?? item.amount ?? 0))))))),
    whyDetails(set.citation));
}

async function show() {
  const form = $('#fees-form');
  clearErrors(form);
  try {
    const answer = await get('/v1/fees', { query: { on: $('#fees-on').value } });
    const sets = setsOf(answer);
    $('#fees-list').replaceChildren(...sets.map((set) => setCard(set, answer)));
    shown = true;
  } catch (error) {
    showError(form, error);
  }
}

export function initFees() {
  $('#fees-on').value = todayInBelgrade();
  $('#fees-form').addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  onViewOpen('fees', () => {
    if (!shown) show();
  });
  onLanguageChange(() => {
    if (shown) show();
  });
}
