// Around the stay report: the answer to a planning question (report.plan, from the form's
// "What do you want to know?"), and a warning when a stay's exit is planned after the last
// legal day. Both are drawn by report.js at the top of the answer.
import { h } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { daysBetween } from './dates.js';

const NO_LIMIT = '9999-12-31';

function dateEl(iso) {
  return h('time', { datetime: iso }, formatDate(iso));
}

// The readings whose own answer differs from the one shown: each field of that one is the
// stricter of the readings', so another reading may allow more.
function otherPlanReadings(report) {
  const main = report.plan.text;
  const seen = new Set([main]);
  return (report.readings || []).filter((r) => {
    if (!r.plan_text || seen.has(r.plan_text)) return false;
    seen.add(r.plan_text);
    return true;
  });
}

function planFigure(plan) {
  const answer = plan.answer || {};
  if (plan.mode === 'longest_stay') {
    return [h('dt', null, t('web.calc.plan.max_stay')),
      h('dd', { 'data-field': 'plan_max_stay' }, h('span', { class: 'value' }, formatNumber(answer.max_stay ?? 0)))];
  }
  return [h('dt', null, t('web.calc.plan.earliest_entry')),
    h('dd', { 'data-field': 'plan_earliest_entry' },
      answer.earliest_entry ? dateEl(answer.earliest_entry) : h('span', { class: 'none' }, t('web.calc.plan.no_entry')))];
}

// report.plan: {mode, entry | from, length, answer, text}; null when no plan was asked.
export function planBox(report) {
  const plan = report.plan;
  if (!plan || !plan.mode) return null;
  const heading = plan.mode === 'longest_stay'
    ? t('web.calc.plan.heading.longest', { date: formatDate(plan.entry) })
    : t('web.calc.plan.heading.earliest', { n: formatNumber(plan.length), date: formatDate(plan.from) });
  const others = otherPlanReadings(report);
  return h('section', { class: 'plan-answer', 'aria-labelledby': 'plan-answer-h', 'data-testid': 'plan-answer' },
    h('h3', { id: 'plan-answer-h' }, heading),
    h('dl', { class: 'plan-figure' }, planFigure(plan)),
    h('p', { class: 'big-line', 'data-field': 'plan_text' }, plan.text),
    others.length ? h('div', { class: 'plan-other', 'data-testid': 'plan-other-readings' },
      h('p', null, t('web.calc.plan.other_reading')),
      h('ul', { class: 'plain-list' }, others.map((r) => h('li', null,
        h('span', { class: 'hint block' }, r.text), r.plan_text)))) : null);
}

// The stay whose exit lies furthest past the last legal day, when that exit is still ahead.
function plannedExitPast(report) {
  const advice = report.advice || {};
  if (advice.planned_exit_past_limit) return advice.planned_exit_past_limit;
  const last = report.result && report.result.last_legal_day;
  if (!last || last === NO_LIMIT || advice.pending) return null;
  const late = (report.stays || []).filter((st) => st.exit && st.exit > last && st.exit > report.on)
    .sort((a, b) => b.exit.localeCompare(a.exit))[0];
  return late ? { exit: late.exit, last_legal_day: last, text: null } : null;
}

export function plannedExitWarning(report) {
  const past = plannedExitPast(report);
  if (!past) return null;
  const over = daysBetween(past.last_legal_day, past.exit);
  return h('section', { class: 'alert alert-warning', role: 'alert', 'aria-labelledby': 'planned-exit-h', 'data-testid': 'planned-exit' },
    h('h3', { id: 'planned-exit-h' }, t('web.calc.planned_exit.heading')),
    h('dl', { class: 'pairs' },
      h('dt', null, t('web.calc.planned_exit.exit')), h('dd', { 'data-field': 'planned_exit' }, dateEl(past.exit)),
      h('dt', null, t('web.calc.last_legal_day')), h('dd', { 'data-field': 'planned_exit_last_day' }, dateEl(past.last_legal_day))),
    // The server's sentence when it gives one; else the same in the page's words.
    past.text
      ? h('p', { 'data-field': 'planned_exit_text' }, past.text)
      : [h('p', { 'data-field': 'planned_exit_text' }, t('web.calc.planned_exit.text', { n: formatNumber(over) })),
        h('p', { class: 'big-line' }, t('web.calc.planned_exit.advice', { date: formatDate(past.last_legal_day) }))]);
}
