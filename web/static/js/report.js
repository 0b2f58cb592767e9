// Draws the answer of POST /v1/stay/report: overstay warning, days used and left, last legal
// day, next entries, address registration, other readings, and "Why?" under each.
import { h, fill } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { whyDetails } from './why.js';
import { drawTimeline } from './timeline.js';
import { openGuide } from './guides.js';

const NO_LIMIT = '9999-12-31';

function dateEl(iso) {
  if (!iso) return h('span', null, t('web.calc.none'));
  if (iso === NO_LIMIT) return h('span', null, t('web.calc.no_limit'));
  return h('time', { datetime: iso }, formatDate(iso));
}

function stat(key, valueNode, name) {
  return h('div', { class: 'stat', 'data-stat': name },
    h('dt', null, t(key)), h('dd', null, valueNode));
}

export function regimeText(regime) {
  if (!regime) return '';
  if (regime.kind === 'rolling') return t('web.regime.rolling', { limit: regime.limit, window: regime.window });
  if (regime.kind === 'per_entry') return t('web.regime.per_entry', { limit: regime.limit });
  if (regime.period_months) return t('web.regime.fixed_months', { limit: regime.limit, months: regime.period_months });
  return t('web.regime.fixed_days', { limit: regime.limit, days: regime.period_days });
}

function overstayBox(result) {
  // A last legal day means the check date itself is lawful: the overstay lies in the past.
  const past = result.last_legal_day !== null;
  return h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'overstay' },
    h('h3', null, t(past ? 'web.calc.overstay.past_heading' : 'web.calc.overstay.heading')),
    h('p', null, t('web.calc.overstay.days', { n: formatNumber(result.overstay_days) })),
    result.first_overstay_day
      ? h('p', null, t('web.calc.overstay.first'), ' ', dateEl(result.first_overstay_day)) : null,
    h('p', null, t(past ? 'web.calc.overstay.past_advice' : 'web.calc.overstay.advice')),
    h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => openGuide('illegal_stay') },
      t('web.calc.overstay.guide')));
}

function explanationPanel(report) {
  const ex = report.explanation;
  if (!ex) return h('p', null, t('web.calc.explain.nothing'));
  const kind = report.applied.result.regime && report.applied.result.regime.kind;
  let window;
  if (kind === 'per_entry') window = t('web.calc.explain.current_stay');
  else if (ex.period_end) window = t('web.calc.explain.period');
  else window = t('web.calc.explain.window', { n: formatNumber(report.applied.result.regime.window) });
  const end = ex.period_end || ex.deciding_to;
  const stays = (ex.stays || []).map((st) => h('li', null,
    t('web.calc.explain.stay', { n: st.stay + 1 }), ' ', dateEl(st.from), ' – ', dateEl(st.to), ': ',
    t('web.calc.explain.counted', { n: formatNumber(st.counted) }),
    st.exempt ? ['; ', t('web.calc.explain.exempt', { n: formatNumber(st.exempt) })] : null));
  return h('div', { class: 'explanation', 'data-testid': 'explanation' },
    h('h4', null, t('web.calc.explain.heading')),
    h('p', null, window, ' ', dateEl(ex.deciding_from), ' – ', dateEl(end)),
    stays.length ? h('ul', { class: 'plain-list' }, stays) : h('p', null, t('web.calc.explain.no_stays')));
}

function nextEntries(report) {
  const next = report.next_entries;
  if (!next) return null;
  const present = report.applied.result.present;
  return h('section', { class: 'panel', 'aria-labelledby': 'next-heading' },
    h('h3', { id: 'next-heading' }, t('web.calc.next.heading')),
    h('dl', { class: 'pairs' },
      h('dt', null, t(present ? 'web.calc.next.latest_exit' : 'web.calc.next.latest_exit_if_enter')),
      h('dd', { 'data-field': 'latest_exit' }, dateEl(next.latest_exit)),
      h('dt', null, t('web.calc.next.earliest_return')),
      h('dd', { 'data-field': 'earliest_return' }, dateEl(next.earliest_return)),
      h('dt', null, t('web.calc.next.days_after_return')),
      h('dd', null, formatNumber(next.days_after_return ?? 0)),
      h('dt', null, t('web.calc.next.full_stay_return')),
      h('dd', null, dateEl(next.full_stay_return))),
    next.same_day_return ? h('p', { class: 'hint' }, t('web.calc.next.same_day')) : null,
    whyDetails(report.applied));
}

function registration(report) {
  const reg = report.registration;
  if (!reg || !reg.due) return null;
  const exemptions = (reg.exemptions || []).map((e) => h('li', null, e.text));
  return h('section', { class: 'panel', 'aria-labelledby': 'reg-heading' },
    h('h3', { id: 'reg-heading' }, t('web.calc.reg.heading')),
    h('p', { class: 'big-line', 'data-field': 'registration_due' },
      t('web.calc.reg.due'), ' ', dateEl(reg.due)),
    h('p', null, t('web.calc.reg.rule', { hours: reg.hours }), ' ', dateEl(reg.entry)),
    whyDetails({ source: reg.source },
      exemptions.length ? [h('h4', null, t('web.calc.reg.exemptions')), h('ul', null, exemptions)] : null));
}

function otherReadings(report) {
  const others = report.other_readings || [];
  if (!others.length) return null;
  return h('section', { class: 'panel other-readings', 'aria-labelledby': 'other-heading', 'data-testid': 'other-readings' },
    h('h3', { id: 'other-heading' }, t('web.calc.other.heading')),
    h('p', null, t('web.calc.other.intro')),
    others.map((o) => h('div', { class: 'reading' },
      h('p', null, o.description),
      h('p', { class: 'hint' },
        t('web.calc.other.would', {
          used: formatNumber(o.result.days_used), left: formatNumber(o.result.days_left),
        }), ' ', t('web.calc.last_legal_day'), ': ', dateEl(o.result.last_legal_day)),
      whyDetails(o))));
}

function mainWhy(report) {
  const details = whyDetails(report.applied, explanationPanel(report));
  details.dataset.testid = 'why-main';
  return details;
}

export function renderReport(container, report) {
  const result = report.applied.result;
  const over = result.overstay_days > 0;
  fill(container,
    over ? overstayBox(result) : null,
    h('p', { class: 'presence' },
      t(result.present ? 'web.calc.present' : 'web.calc.not_present'), ' ', dateEl(report.on)),
    h('dl', { class: 'stats' },
      stat('web.calc.days_used', formatNumber(result.days_used), 'days_used'),
      stat('web.calc.days_left', formatNumber(result.days_left), 'days_left'),
      stat('web.calc.last_legal_day', dateEl(result.last_legal_day), 'last_legal_day')),
    h('p', { class: 'regime-line' }, t('web.calc.counted_as'), ' ', regimeText(result.regime)),
    mainWhy(report),
    drawTimeline(report),
    otherReadings(report),
    nextEntries(report),
    registration(report));
}
