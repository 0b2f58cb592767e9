// Draws the answer of POST /v1/visarun: when to leave, the earliest day to come back and the
// days allowed then, and every border crossing near the home city with its three-state answer:
// may enter, may not enter, or not known. "Not known" is never shown as "no": it says where to
// check instead.
import { h, fill } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { whyDetails } from './why.js';

const NO_LIMIT = '9999-12-31';

function dateEl(iso) {
  if (!iso) return h('span', null, t('web.calc.none'));
  if (iso === NO_LIMIT) return h('span', null, t('web.calc.no_limit'));
  return h('time', { datetime: iso }, formatDate(iso));
}

function byReading(report, index) {
  if (!report.readings_disagree || index === undefined || !report.readings[index]) return null;
  return h('span', { class: 'by-reading hint block' }, t('web.calc.by_reading', { rule: report.readings[index].text }));
}

function stat(key, field, value, note) {
  return h('div', { class: 'stat', 'data-stat': field },
    h('dt', null, t(key)), h('dd', { 'data-field': field }, value, note));
}

// "may_enter" | "may_not_enter" | "unknown"; older answers had only may_enter and
// entry_rule_known.
function entryState(crossing) {
  if (crossing.entry) return crossing.entry;
  if (crossing.entry_rule_known === false) return 'unknown';
  return crossing.may_enter ? 'may_enter' : 'may_not_enter';
}

const BADGE = { may_enter: 'badge-ok', may_not_enter: 'badge-no', unknown: 'badge-unknown' };

function crossingItem(crossing) {
  const state = entryState(crossing);
  const country = crossing.neighbour_name || crossing.neighbour;
  return h('li', { class: `crossing crossing-${state}`, 'data-crossing': crossing.id, 'data-entry': state },
    h('h4', null, crossing.name),
    h('p', { class: 'crossing-country' }, t('web.visarun.to_country', { country })),
    h('p', { class: 'crossing-entry' },
      h('span', { class: `badge ${BADGE[state] || ''}`, 'data-field': 'entry' }, t(`web.visarun.entry.${state}`, { country }))),
    state === 'unknown' ? h('p', { class: 'hint', 'data-field': 'unknown_advice' }, t('web.visarun.unknown_advice', { country })) : null,
    crossing.terms ? h('p', { 'data-field': 'terms' }, h('span', { class: 'hint' }, t('web.visarun.terms'), ' '), crossing.terms) : null,
    crossing.note ? h('p', { class: 'hint', 'data-field': 'note' }, crossing.note) : null,
    crossing.citation ? whyDetails(crossing.citation, null, 'web.visarun.source') : null);
}

function crossingsPanel(run, cityName) {
  const list = run.crossings || [];
  if (!list.length) return h('p', { class: 'hint' }, t('web.visarun.no_crossings'));
  const open = list.filter((c) => entryState(c) === 'may_enter').length;
  const unknown = list.filter((c) => entryState(c) === 'unknown').length;
  return h('section', { class: 'panel', 'aria-labelledby': 'crossings-h', 'data-testid': 'crossings' },
    h('h3', { id: 'crossings-h' }, t('web.visarun.crossings', { city: cityName })),
    h('p', { 'data-field': 'crossings_summary' },
      t('web.visarun.summary', { open: formatNumber(open), total: formatNumber(list.length) }),
      unknown ? [' ', t('web.visarun.summary_unknown', { n: formatNumber(unknown) })] : null),
    h('ul', { class: 'crossing-list' }, list.map(crossingItem)));
}

function whenPanel(report, run) {
  const of = run.reading_of || {};
  const present = report.result && report.result.present;
  return h('section', { class: 'panel', 'aria-labelledby': 'visarun-when-h' },
    h('h3', { id: 'visarun-when-h' }, t('web.visarun.when')),
    h('dl', { class: 'stats' },
      stat(present ? 'web.calc.next.latest_exit' : 'web.calc.next.latest_exit_if_enter', 'latest_exit',
        dateEl(run.latest_exit), byReading(report, of.latest_exit)),
      stat('web.calc.next.earliest_return', 'earliest_return', dateEl(run.earliest_return), byReading(report, of.earliest_return)),
      stat('web.calc.next.days_after_return', 'days_after_return',
        h('span', { class: 'value' }, formatNumber(run.days_after_return ?? 0)), byReading(report, of.days_after_return))),
    run.full_stay_return && run.full_stay_return !== run.earliest_return
      ? h('p', { 'data-field': 'full_stay_return' }, t('web.calc.next.full_stay_return'), ' ', dateEl(run.full_stay_return)) : null,
    run.same_day_return ? h('p', { class: 'hint' }, t('web.calc.next.same_day')) : null,
    whyDetails(report.entry_rule && report.entry_rule.citation));
}

// When no visa run is the answer: an application pending, or a visa needed to come back.
function noRun(report) {
  const advice = report.advice || {};
  if (advice.pending) {
    return h('section', { class: 'alert alert-info', 'data-testid': 'visarun-pending' },
      h('p', null, advice.pending.text), h('p', { class: 'big-line' }, advice.pending.carry), whyDetails(advice.pending.citation));
  }
  if (advice.return_needs_document) {
    return h('section', { class: 'alert alert-info', 'data-field': 'return_needs_document' }, h('p', null, advice.return_needs_document));
  }
  return null;
}

export function renderVisarun(container, report, { cityName = '' } = {}) {
  const run = report.visarun || report.next_entries || {};
  const advice = report.advice || {};
  const result = report.result || {};
  const over = result.overstay_days > 0 || run.overstaying;
  const stop = noRun(report);
  fill(container,
    over ? h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'visarun-overstay' },
      h('h3', null, t('web.calc.overstay.heading')),
      h('p', null, advice.after_overstay || t('web.calc.overstay.advice'))) : null,
    h('p', { class: 'presence' }, t(result.present ? 'web.calc.present' : 'web.calc.not_present'), ' ', dateEl(report.on),
      ' · ', t('web.calc.days_left'), ': ', h('strong', { 'data-field': 'days_left' }, formatNumber(advice.days_left ?? result.days_left ?? 0))),
    stop || whenPanel(report, run),
    stop && advice.pending ? null : crossingsPanel(run, cityName));
}
