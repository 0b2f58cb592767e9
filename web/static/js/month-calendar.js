// The answer day by day: one table per month, from the first stay that counts to the last
// legal day (twelve months at most). Each day in Serbia shows the days counted on it under the
// rule the answer applied (report.result.regime); days after the check date show what the count
// would be if the person stays on; days past the last legal day and days over the limit are
// marked. Screen readers get the date and the count of each day in words.
//
// The counts are worked out here from the report's stays, check date and rule, the way the
// engine counts (src/core/days_used.cc): rolling windows, fixed periods from the first counted
// day, or days since the entry; days exempt from the count (an application being decided)
// are in Serbia but not counted.
import { h, uniqueId } from './dom.js';
import { t, formatDate, formatNumber, localeTag } from './i18n.js';
import { dayNumber, fromDayNumber, toUtcDate } from './dates.js';

const NO_LIMIT = '9999-12-31';
const FAR_AHEAD = 3650;  // a last legal day further than this is no day to plan by
const MAX_MONTHS = 12;
const WIDE = '(min-width: 40rem)';
let openChoice = null;

// --- Runs of days (inclusive [first, last] day numbers), as in src/core/timeline.h -----------

function merge(runs) {
  const sorted = runs.filter((r) => r.first <= r.last).sort((a, b) => a.first - b.first);
  const out = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else out.push({ ...r });
  }
  return out;
}

function minus(runs, cut) {
  let out = runs;
  for (const c of cut) {
    out = out.flatMap((r) => {
      if (c.last < r.first || c.first > r.last) return [r];
      const parts = [];
      if (r.first < c.first) parts.push({ first: r.first, last: c.first - 1 });
      if (r.last > c.last) parts.push({ first: c.last + 1, last: r.last });
      return parts;
    });
  }
  return out;
}

function countWithin(runs, from, to) {
  let n = 0;
  for (const r of runs) {
    const a = Math.max(r.first, from);
    const b = Math.min(r.last, to);
    if (a <= b) n += b - a + 1;
  }
  return n;
}

const inRuns = (runs, day) => runs.some((r) => r.first <= day && day <= r.last);

// --- Fixed periods (src/core/fixed_periods.cc) -------------------------------------------------

// The day `months` months after `day`, on the same day of the month or the month's last day.
function addMonthsClamped(day, months) {
  const d = toUtcDate(fromDayNumber(day));
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastOfMonth)) / 86_400_000;
}

function periodEnd(rule, start) {
  if (rule.period_months > 0) return addMonthsClamped(start, rule.period_months) - 1;
  return start + (rule.period_days || 180) - 1;
}

// The fixed period holding `day`: the first starts on the first counted day; while the days
// go on without a gap the next starts the day after; after a gap, on the next counted day.
function periodContaining(rule, counted, day) {
  if (!counted.length || counted[0].first > day) return null;
  let k = 0;
  let start = counted[0].first;
  for (;;) {
    while (counted[k].last < start) k += 1;
    if (counted[k].first <= start) {
      const bound = Math.min(counted[k].last, day);
      while (periodEnd(rule, start) + 1 <= bound) start = periodEnd(rule, start) + 1;
    }
    const end = periodEnd(rule, start);
    if (day <= end) return { first: start, last: end };
    while (k < counted.length && counted[k].last <= end) k += 1;
    if (k === counted.length) return null;
    start = Math.max(counted[k].first, end + 1);
    if (start > day) return null;
  }
}

// --- The count on one day ------------------------------------------------------------------

function countOn(rule, plan, day) {
  switch (rule.kind) {
    case 'rolling':
      return countWithin(plan.counted, day - (rule.window || 180) + 1, day);
    case 'fixed': {
      const period = periodContaining(rule, plan.counted, day);
      return period ? countWithin(plan.counted, period.first, day) : 0;
    }
    default: {
      // Per entry: the stay covering the day (the later one on a shared day), from its entry.
      for (let i = plan.stays.length - 1; i >= 0; i -= 1) {
        const st = plan.stays[i];
        if (st.first <= day && day <= st.last) return day - st.first + 1 - countWithin(plan.exempt, st.first, day);
      }
      return 0;
    }
  }
}

// The stays as runs, the days exempt from the count, and the days that count. A person in
// Serbia on the check date is taken to stay on to the last legal day, or to the exit they gave.
function planOf(report, lastLegal) {
  const on = dayNumber(report.on);
  const present = report.result.present;
  const stays = (report.stays || []).filter((st) => st && st.entry).map((st) => {
    const first = dayNumber(st.entry);
    let last = st.exit ? dayNumber(st.exit) : on;
    if (!st.exit && present && lastLegal !== null && first <= on) last = Math.max(on, lastLegal);
    return { first, last };
  }).sort((a, b) => a.first - b.first);
  const exempt = [];
  for (const range of report.exempt || []) {
    if (range && range.from && range.to) exempt.push({ first: dayNumber(range.from), last: dayNumber(range.to) });
  }
  const pending = report.advice && report.advice.pending;
  if (pending && pending.since) exempt.push({ first: dayNumber(pending.since), last: on + FAR_AHEAD });
  const merged = merge(exempt);
  const days = merge(stays);
  return { on, stays, exempt: merged, days, counted: minus(days, merged) };
}

function lastLegalOf(report) {
  const r = report.result;
  if (report.advice && report.advice.pending) return null;
  if (!r.last_legal_day || r.last_legal_day === NO_LIMIT) return null;
  const day = dayNumber(r.last_legal_day);
  return day - dayNumber(report.on) > FAR_AHEAD ? null : day;
}

// What one day is: in Serbia or not, counted or exempt, its count, in the future or not.
function dayFacts(report, plan, rule, lastLegal, day) {
  const facts = { day, iso: fromDayNumber(day), future: day > plan.on, on: day === plan.on };
  facts.inSerbia = inRuns(plan.days, day);
  // A day in Serbia past the last legal day (a planned exit after it) is an overstay instead.
  facts.after = lastLegal !== null && report.result.present && day > lastLegal && day > plan.on && !facts.inSerbia;
  facts.last = lastLegal !== null && report.result.present && day === lastLegal;
  if (!facts.inSerbia) return facts;
  facts.exempt = inRuns(plan.exempt, day);
  if (facts.exempt) return facts;
  facts.count = countOn(rule, plan, day);
  const validUntil = report.valid_until ? dayNumber(report.valid_until) : Infinity;
  // Over the count, past the visa's validity, or past a last legal day set by something the
  // report does not list (a document's expiry).
  const pastLast = lastLegal !== null && report.result.present && day > lastLegal;
  facts.over = facts.count > rule.limit || day > validUntil || pastLast;
  return facts;
}

// The months shown: from the first day in Serbia that the answer looked at to the last legal
// day (or the check date), cut to twelve so that the check date stays in view.
function monthsShown(report, plan, lastLegal) {
  const ex = report.explanation;
  const from = ex && ex.deciding_from ? dayNumber(ex.deciding_from) : null;
  let first = plan.on;
  const relevant = plan.days.filter((r) => (from === null ? true : r.last >= from) && r.first <= plan.on);
  if (relevant.length) {
    const run = from === null ? relevant[relevant.length - 1] : relevant[0];
    first = Math.min(plan.on, from === null ? run.first : Math.max(run.first, from));
  }
  let last = plan.on;
  if (lastLegal !== null && report.result.present) last = Math.max(last, lastLegal);
  for (const r of plan.days) if (r.first <= plan.on) last = Math.max(last, Math.min(r.last, plan.on + FAR_AHEAD));
  const index = (day) => {
    const d = toUtcDate(fromDayNumber(day));
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  let start = index(first);
  let end = index(last);
  const onMonth = index(plan.on);
  end = Math.min(end, Math.max(onMonth, start + MAX_MONTHS - 1));
  start = Math.max(start, end - MAX_MONTHS + 1);
  const months = [];
  for (let m = start; m <= end; m += 1) months.push({ year: Math.floor(m / 12), month: m % 12 });
  return months;
}

// --- Drawing ---------------------------------------------------------------------------------

function weekdayNames() {
  const short = new Intl.DateTimeFormat(localeTag(), { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(localeTag(), { weekday: 'long', timeZone: 'UTC' });
  // 5 January 2026 is a Monday; weeks start on Monday in Serbia.
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 0, 5 + i));
    return { short: short.format(date), long: long.format(date) };
  });
}

function spoken(facts, limit) {
  const date = formatDate(facts.iso);
  const n = formatNumber(facts.count ?? 0);
  const max = formatNumber(limit);
  let text;
  if (facts.after) text = t('web.mc.day.after', { date });
  else if (!facts.inSerbia) text = t('web.mc.day.out', { date });
  else if (facts.exempt) text = t('web.mc.day.exempt', { date });
  else if (facts.over) text = t(facts.future ? 'web.mc.day.over_if_stay' : 'web.mc.day.over', { date, n, limit: max });
  else if (facts.future) text = t('web.mc.day.if_stay', { date, n, limit: max });
  else text = t('web.mc.day.in', { date, n, limit: max });
  const notes = [];
  if (facts.last) notes.push(t('web.mc.note.last'));
  if (facts.on) notes.push(t('web.mc.note.on'));
  return notes.length ? `${text} (${notes.join('; ')})` : text;
}

function dayCell(facts, limit) {
  const classes = ['mc-day'];
  if (facts.inSerbia) classes.push(facts.exempt ? 'mc-exempt' : facts.over ? 'mc-over' : facts.future ? 'mc-future' : 'mc-in');
  if (facts.after) classes.push('mc-after');
  if (facts.on) classes.push('mc-on');
  if (facts.last) classes.push('mc-last');
  const showCount = facts.inSerbia && !facts.exempt;
  return h('td', { class: classes.join(' '), 'data-date': facts.iso, 'data-count': showCount ? String(facts.count) : null },
    h('span', { class: 'mc-date', 'aria-hidden': 'true' }, String(Number(facts.iso.slice(8)))),
    h('span', { class: 'mc-count', 'aria-hidden': 'true' }, showCount ? formatNumber(facts.count) : ''),
    h('span', { class: 'visually-hidden' }, spoken(facts, limit)));
}

function monthName(year, month) {
  return new Intl.DateTimeFormat(localeTag(), { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month, 1)));
}

// One month's table, or null for a month with nothing to show (no day in Serbia, no mark).
function monthTable(report, plan, rule, lastLegal, { year, month }, weekdays, seen) {
  const firstDay = Date.UTC(year, month, 1) / 86_400_000;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;  // Monday first
  const rows = [];
  let cells = Array.from({ length: lead }, () => h('td', { class: 'mc-blank' }));
  let marked = false;
  for (let i = 0; i < length; i += 1) {
    const facts = dayFacts(report, plan, rule, lastLegal, firstDay + i);
    marked = marked || facts.inSerbia || facts.after || facts.on || facts.last;
    for (const key of ['exempt', 'over', 'after']) if (facts[key]) seen.add(key);
    if (facts.inSerbia && facts.future && !facts.exempt) seen.add('future');
    cells.push(dayCell(facts, rule.limit));
    if (cells.length === 7) {
      rows.push(h('tr', null, cells));
      cells = [];
    }
  }
  if (cells.length) {
    while (cells.length < 7) cells.push(h('td', { class: 'mc-blank' }));
    rows.push(h('tr', null, cells));
  }
  if (!marked) return null;
  const month2 = String(month + 1).padStart(2, '0');
  return h('table', { class: 'mc-month', 'data-month': `${year}-${month2}` },
    h('caption', null, monthName(year, month)),
    h('thead', null, h('tr', null, weekdays.map((w) => h('th', { scope: 'col' },
      h('span', { 'aria-hidden': 'true' }, w.short), h('span', { class: 'visually-hidden' }, w.long))))),
    h('tbody', null, rows));
}

function legend(seen) {
  const item = (cls, key) => h('li', null, h('span', { class: `mc-swatch ${cls}`, 'aria-hidden': 'true' }), t(key));
  return h('ul', { class: 'mc-legend' },
    item('mc-in', 'web.mc.legend.in'),
    seen.has('future') ? item('mc-future', 'web.mc.legend.if_stay') : null,
    seen.has('exempt') ? item('mc-exempt', 'web.mc.legend.exempt') : null,
    seen.has('over') ? item('mc-over', 'web.mc.legend.over') : null,
    seen.has('after') ? item('mc-after', 'web.mc.legend.after') : null,
    item('mc-on', 'web.mc.legend.on'));
}

// The calendar for a report of POST /v1/stay/report, or null when it has no stays to show.
export function drawMonthCalendar(report) {
  const rule = report.result && report.result.regime;
  if (!rule || !(report.stays || []).length) return null;
  const lastLegal = lastLegalOf(report);
  const plan = planOf(report, lastLegal);
  const reading = report.readings && report.reading_of ? report.readings[report.reading_of.days_used] : null;
  const weekdays = weekdayNames();
  const seen = new Set();
  // Months without a day in Serbia between others are one line, not a table of empty days.
  const tables = [];
  let gap = [];
  const closeGap = () => {
    if (!gap.length) return;
    const first = monthName(gap[0].year, gap[0].month);
    const months = gap.length === 1 ? first : `${first} – ${monthName(gap[gap.length - 1].year, gap[gap.length - 1].month)}`;
    tables.push(h('p', { class: 'mc-empty' }, t('web.mc.empty', { months })));
    gap = [];
  };
  for (const m of monthsShown(report, plan, lastLegal)) {
    const table = monthTable(report, plan, rule, lastLegal, m, weekdays, seen);
    if (!table) {
      gap.push(m);
      continue;
    }
    closeGap();
    tables.push(table);
  }
  closeGap();
  const headingId = uniqueId('mc-heading');
  // Open on a wide screen; on a phone the tables are a tap away, so that what comes after them
  // (leaving and coming back, address registration) is not pushed a few screens down. A choice
  // the person made holds when the answer is drawn again (in another language).
  const details = h('details', { class: 'mc-details', open: openChoice ?? window.matchMedia(WIDE).matches },
    h('summary', null, t('web.mc.show')),
    legend(seen),
    h('div', { class: 'mc-months' }, tables));
  details.addEventListener('toggle', () => { openChoice = details.open; });
  // aria-live off: the answer's region would otherwise read every day aloud when it appears.
  return h('section', { class: 'month-calendar', 'aria-labelledby': headingId, 'aria-live': 'off', 'data-testid': 'month-calendar' },
    h('h3', { id: headingId }, t('web.mc.heading')),
    h('p', { class: 'hint' }, t('web.mc.intro'), reading ? [' ', t('web.mc.rule', { rule: reading.text })] : null),
    details);
}
