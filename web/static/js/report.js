// Draws the answer of POST /v1/stay/report: overstay warning, a planned exit past the limit,
// the answer to a planning question (stay-plan.js), days used and left, last legal day, the
// timeline and the month-by-month calendar, next entries, address registration, other
// readings, and "Why?" under each.
import { h, fill } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { whyDetails } from './why.js';
import { drawTimeline } from './timeline.js';
import { drawMonthCalendar } from './month-calendar.js';
import { openGuide } from './guides.js';
import { planBox, plannedExitWarning } from './stay-plan.js';

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

// A stay is named by its dates, never by a number.
function stayName(stay) {
  return stay.exit
    ? [dateEl(stay.entry), ' – ', dateEl(stay.exit)]
    : t('web.calc.explain.open_stay', { entry: formatDate(stay.entry) });
}

function explanationPanel(report) {
  const ex = report.explanation;
  if (!ex) return h('p', null, t('web.calc.explain.nothing'));
  const regime = report.readings[ex.reading].regime;
  let window;
  if (regime.kind === 'per_entry') window = t('web.calc.explain.current_stay');
  else if (ex.period_end) window = t('web.calc.explain.period');
  else window = t('web.calc.explain.window', { n: formatNumber(regime.window) });
  const end = ex.period_end || ex.deciding_to;
  const stays = (ex.stays || []).map((st) => h('li', null,
    t('web.calc.explain.stay'), ' ', stayName(st.stay), ' (', dateEl(st.from), ' – ', dateEl(st.to), '): ',
    t('web.calc.explain.counted', { n: formatNumber(st.counted) }),
    st.exempt ? ['; ', t('web.calc.explain.exempt', { n: formatNumber(st.exempt) })] : null));
  return h('div', { class: 'explanation', 'data-testid': 'explanation' },
    h('h4', null, t('web.calc.explain.heading')),
    h('p', null, window, ' ', dateEl(ex.deciding_from), ' – ', dateEl(end)),
    stays.length ? h('ul', { class: 'plain-list' }, stays) : h('p', null, t('web.calc.explain.no_stays')));
}

// " (under the reading …)" after an answer one reading gave, when the readings disagree.
function byReading(report, index) {
  if (!report.readings_disagree) return null;
  return h('span', { class: 'by-reading hint' }, ' ', t('web.calc.by_reading', { rule: report.readings[index].text }));
}

// A pending application stops the count: no visa run, and the filing confirmation to carry.
function pendingPanel(report) {
  const pending = report.advice && report.advice.pending;
  if (!pending) return null;
  return h('section', { class: 'panel', 'aria-labelledby': 'pending-heading', 'data-testid': 'pending' },
    h('h3', { id: 'pending-heading' }, t('web.calc.next.heading')),
    h('p', null, pending.text),
    h('p', { class: 'big-line' }, pending.carry),
    whyDetails(pending.citation));
}

function nextEntries(report) {
  const next = report.next_entries;
  if (!next) return null;
  const advice = report.advice || {};
  if (advice.pending) return pendingPanel(report);
  if (advice.return_needs_document) {
    // Entered on another country's visa: coming back needs such a document again.
    return h('section', { class: 'panel', 'aria-labelledby': 'next-heading' },
      h('h3', { id: 'next-heading' }, t('web.calc.next.heading')),
      h('p', { 'data-field': 'return_needs_document' }, advice.return_needs_document),
      advice.after_overstay ? h('p', { class: 'warning-inline', 'data-field': 'after_overstay' }, advice.after_overstay) : null);
  }
  const present = report.result.present;
  const of = next.reading_of || {};
  return h('section', { class: 'panel', 'aria-labelledby': 'next-heading' },
    h('h3', { id: 'next-heading' }, t('web.calc.next.heading')),
    advice.after_overstay ? h('p', { class: 'warning-inline', 'data-field': 'after_overstay' }, advice.after_overstay) : null,
    h('dl', { class: 'pairs' },
      h('dt', null, t(present ? 'web.calc.next.latest_exit' : 'web.calc.next.latest_exit_if_enter')),
      h('dd', { 'data-field': 'latest_exit' }, dateEl(next.latest_exit), byReading(report, of.latest_exit)),
      h('dt', null, t('web.calc.next.earliest_return')),
      h('dd', { 'data-field': 'earliest_return' }, dateEl(next.earliest_return), byReading(report, of.earliest_return)),
      h('dt', null, t('web.calc.next.days_after_return')),
      h('dd', null, formatNumber(next.days_after_return ?? 0)),
      h('dt', null, t('web.calc.next.full_stay_return')),
      h('dd', null, dateEl(next.full_stay_return))),
    next.same_day_return ? h('p', { class: 'hint' }, t('web.calc.next.same_day')) : null,
    h('p', null, h('a', { href: '#/visarun', 'data-testid': 'to-visarun' }, t('web.calc.next.visarun'))),
    whyDetails(report.entry_rule && report.entry_rule.citation));
}

function registration(report) {
  const reg = report.registration;
  if (!reg || (!reg.due && !reg.text)) return null;
  const exemptions = (reg.exemptions || []).map((e) => h('li', null, e.text));
  // A deadline that has passed is never shown as a to-do: it is named as missed, with what to do.
  const dueLine = !reg.due ? h('p', { 'data-field': 'registration_text' }, reg.text)
    : reg.missed ? h('p', { class: 'big-line', 'data-field': 'registration_due' }, t('web.calc.reg.missed_on'), ' ', dateEl(reg.due))
    : h('p', { class: 'big-line', 'data-field': 'registration_due' }, t('web.calc.reg.due'), ' ', dateEl(reg.due));
  return h('section', { class: 'panel', 'aria-labelledby': 'reg-heading' },
    h('h3', { id: 'reg-heading' }, t('web.calc.reg.heading')),
    dueLine,
    !reg.due ? null
      : reg.missed
      ? h('p', { class: 'warning-inline', 'data-field': 'registration_missed' }, reg.text)
      : h('p', null, t('web.calc.reg.rule', { hours: reg.hours }), ' ', dateEl(reg.entry)),
    whyDetails(reg.citation,
      exemptions.length ? [h('h4', null, t('web.calc.reg.exemptions')), h('ul', null, exemptions)] : null));
}

// Where sources of equal weight disagree: what each reading gives, and where it comes from.
function readingsPanel(report) {
  if (!report.readings || report.readings.length < 2) return null;
  return h('section', { class: 'panel other-readings', 'aria-labelledby': 'other-heading', 'data-testid': 'other-readings' },
    h('h3', { id: 'other-heading' }, t('web.calc.other.heading')),
    h('p', null, t('web.calc.other.intro')),
    report.readings.map((r) => h('div', { class: 'reading' },
      h('p', null, r.text),
      h('p', { class: 'hint' },
        t('web.calc.other.would', { used: formatNumber(r.days_used), left: formatNumber(r.days_left_shown ?? r.days_left) }), ' ',
        t('web.calc.last_legal_day'), ': ', dateEl(r.last_legal_day)),
      whyDetails(r.citation))));
}

function ruleLine(report) {
  if (report.readings.length === 1) {
    return h('p', { class: 'regime-line' }, t('web.calc.counted_as'), ' ', report.readings[0].text);
  }
  return h('p', { class: 'regime-line alert alert-info' }, t('web.calc.rules_disagree'));
}

function mainWhy(report) {
  const counted = report.readings[report.reading_of.days_used];
  const details = whyDetails(counted.citation || (report.entry_rule && report.entry_rule.citation),
    [h('p', null, counted.text), explanationPanel(report)]);
  details.dataset.testid = 'why-main';
  return details;
}

function outdatedNotice(report) {
  const old = report.possibly_outdated || [];
  if (!old.length) return null;
  return h('p', { class: 'alert alert-warning', 'data-testid': 'outdated' },
    t('web.calc.outdated', { date: formatDate(old[0].checked) }));
}

// The days left never exceed the days to the last legal day (the server's advice.days_left): a
// document's expiry or another reading can end the stay before the count runs out.
function daysLeftShown(report) {
  return report.advice ? report.advice.days_left : report.result.days_left;
}

// The last legal day, or, while overstaying, the day that was the last legal one.
function lastLegalDay(report) {
  // While an application is pending the count has stopped: there is no last day to show.
  if (report.advice && report.advice.pending) return h('span', { class: 'hint' }, t('web.calc.pending.no_last_day'));
  const passed = report.advice && report.advice.last_legal_day_passed;
  if (report.result.last_legal_day === null && passed) {
    return h('span', { class: 'passed' }, dateEl(passed), ' ', h('span', { class: 'hint' }, t('web.calc.passed')));
  }
  return dateEl(report.result.last_legal_day);
}

// What the timeline draws: while an application is pending, no "days you may still stay" band
// runs to the far end of the exemption.
function timelineView(report) {
  if (!(report.advice && report.advice.pending)) return report;
  return { ...report, result: { ...report.result, last_legal_day: NO_LIMIT } };
}

export function renderReport(container, report) {
  const result = report.result;
  const over = result.overstay_days > 0;
  const of = report.reading_of;
  fill(container,
    over ? overstayBox(result) : null,
    plannedExitWarning(report),
    planBox(report),
    outdatedNotice(report),
    h('p', { class: 'presence' },
      t(result.present ? 'web.calc.present' : 'web.calc.not_present'), ' ', dateEl(report.on)),
    h('dl', { class: 'stats' },
      stat('web.calc.days_used', [h('span', { class: 'value' }, formatNumber(result.days_used)), byReading(report, of.days_used)], 'days_used'),
      stat('web.calc.days_left', [h('span', { class: 'value' }, formatNumber(daysLeftShown(report))), byReading(report, of.days_left)], 'days_left'),
      stat('web.calc.last_legal_day', [lastLegalDay(report), byReading(report, of.last_legal_day)], 'last_legal_day')),
    ruleLine(report),
    mainWhy(report),
    drawTimeline(timelineView(report)),
    drawMonthCalendar(report),
    readingsPanel(report),
    nextEntries(report),
    registration(report));
}
