// The timeline picture: the stays, the deciding window (or period, or current stay), the check
// date, the last legal day and the first run of overstay days, as SVG drawn from the report,
// with the same facts in words for screen readers.
import { h, s, uniqueId } from './dom.js';
import { t, formatDate, formatShortMonth } from './i18n.js';
import { dayNumber, fromDayNumber } from './dates.js';

const NO_LIMIT = '9999-12-31';
const MAX_SPAN = 730;
const HEIGHT = 150;
const AXIS_Y = 118;
const BAR_Y = 70;
const BAR_H = 24;
let last = null;

function svgWidth() {
  const viewport = document.documentElement.clientWidth || 800;
  return Math.max(280, Math.min(860, viewport - 64));
}

function range(report, stays) {
  const r = report.result;
  const ex = report.explanation || {};
  const lo = ex.deciding_from || report.on;
  let start = dayNumber(lo);
  for (const st of stays) {
    const end = dayNumber(st.exit || report.on);
    if (end >= dayNumber(lo) - 120) start = Math.min(start, dayNumber(st.entry));
  }
  let end = dayNumber(report.on);
  for (const d of [r.last_legal_day, ex.period_end, ex.deciding_to]) {
    if (d && d !== NO_LIMIT) end = Math.max(end, dayNumber(d));
  }
  end = Math.min(end, start + MAX_SPAN);
  return { start: start - 4, end: end + 4 };
}

function overstayRun(report, stays) {
  const r = report.result;
  if (!(r.overstay_days > 0) || !r.first_overstay_day) return null;
  const first = dayNumber(r.first_overstay_day);
  const stay = stays.find((st) => dayNumber(st.entry) <= first && first <= dayNumber(st.exit || report.on));
  const stayEnd = stay ? dayNumber(stay.exit || report.on) : first;
  const to = Math.min(stayEnd, dayNumber(report.on), first + r.overstay_days - 1);
  return { from: first, to };
}

function description(report, stays, run) {
  const r = report.result;
  const ex = report.explanation;
  const parts = [];
  for (const [i, st] of stays.entries()) {
    parts.push(t('web.timeline.desc.stay', {
      n: i + 1, from: formatDate(st.entry), to: st.exit ? formatDate(st.exit) : t('web.timeline.still_here'),
    }));
  }
  if (ex && ex.deciding_from) {
    parts.push(t('web.timeline.desc.window', { from: formatDate(ex.deciding_from), to: formatDate(ex.period_end || ex.deciding_to) }));
  }
  parts.push(t('web.timeline.desc.on', { date: formatDate(report.on) }));
  if (r.last_legal_day && r.last_legal_day !== NO_LIMIT) {
    parts.push(t('web.timeline.desc.last', { date: formatDate(r.last_legal_day) }));
  }
  if (run) parts.push(t('web.timeline.desc.over', { n: r.overstay_days, date: formatDate(fromDayNumber(run.from)) }));
  return parts.join(' ');
}

function build(report) {
  const stays = (report.stays || []).filter((st) => st && st.entry);
  const r = report.result;
  const ex = report.explanation || null;
  const width = svgWidth();
  const { start, end } = range(report, stays);
  const span = Math.max(1, end - start + 1);
  const x = (day) => ((Math.min(Math.max(day, start), end + 1) - start) / span) * width;
  const run = overstayRun(report, stays);
  const titleId = uniqueId('tl-title');
  const descId = uniqueId('tl-desc');
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${HEIGHT}`, width: '100%', role: 'img', class: 'timeline-svg',
    'aria-labelledby': titleId, 'aria-describedby': descId, preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', { id: titleId }, t('web.timeline.title')),
  s('desc', { id: descId }, description(report, stays, run)));

  if (ex && ex.deciding_from) {
    const from = dayNumber(ex.deciding_from);
    const to = dayNumber(ex.period_end || ex.deciding_to);
    svg.append(s('rect', { class: 'tl-window', x: x(from), y: 34, width: Math.max(1, x(to + 1) - x(from)), height: AXIS_Y - 34, rx: 4 }));
  }
  svg.append(s('line', { class: 'tl-axis', x1: 0, x2: width, y1: AXIS_Y, y2: AXIS_Y }));
  let lastLabel = -Infinity;
  for (let day = start; day <= end; day += 1) {
    const iso = fromDayNumber(day);
    if (!iso.endsWith('-01')) continue;
    const px = x(day);
    svg.append(s('line', { class: 'tl-tick', x1: px, x2: px, y1: AXIS_Y, y2: AXIS_Y + 5 }));
    if (px - lastLabel >= 34 && px < width - 16) {
      const label = iso.endsWith('-01-01') ? `${formatShortMonth(iso)} ${iso.slice(0, 4)}` : formatShortMonth(iso);
      svg.append(s('text', { class: 'tl-label', x: px + 2, y: AXIS_Y + 18 }, label));
      lastLabel = px;
    }
  }
  const onDay = dayNumber(report.on);
  for (const st of stays) {
    const from = dayNumber(st.entry);
    const to = st.exit ? dayNumber(st.exit) : onDay;
    if (to < start || from > end) continue;
    svg.append(s('rect', { class: 'tl-stay', x: x(from), y: BAR_Y, width: Math.max(2, x(to + 1) - x(from)), height: BAR_H, rx: 3 }));
    if (!st.exit && r.last_legal_day && r.last_legal_day !== NO_LIMIT && dayNumber(r.last_legal_day) > onDay) {
      const until = dayNumber(r.last_legal_day);
      svg.append(s('rect', { class: 'tl-may-stay', x: x(onDay + 1), y: BAR_Y + 2, width: Math.max(1, x(until + 1) - x(onDay + 1)), height: BAR_H - 4, rx: 3 }));
    }
  }
  if (run) {
    svg.append(s('rect', { class: 'tl-over', x: x(run.from), y: BAR_Y - 4, width: Math.max(3, x(run.to + 1) - x(run.from)), height: BAR_H + 8, rx: 2 }));
  }
  const marker = (day, cls, label, y) => {
    const px = Math.min(width - 1, Math.max(1, (x(day) + x(day + 1)) / 2));
    const anchor = px > width * 0.6 ? 'end' : 'start';
    svg.append(s('line', { class: cls, x1: px, x2: px, y1: y + 4, y2: AXIS_Y }));
    svg.append(s('text', { class: `tl-marker-label ${cls}-label`, x: anchor === 'end' ? px - 3 : px + 3, y, 'text-anchor': anchor }, label));
  };
  marker(onDay, 'tl-on', `${t('web.timeline.on')}: ${formatDate(report.on, 'medium')}`, 14);
  if (r.last_legal_day && r.last_legal_day !== NO_LIMIT && dayNumber(r.last_legal_day) <= end) {
    marker(dayNumber(r.last_legal_day), 'tl-last', `${t('web.timeline.last')}: ${formatDate(r.last_legal_day, 'medium')}`, 30);
  }

  const mayStay = svg.querySelector('.tl-may-stay') !== null;
  const legend = h('ul', { class: 'tl-legend' },
    h('li', null, h('span', { class: 'swatch sw-stay' }), t('web.timeline.legend.stay')),
    ex ? h('li', null, h('span', { class: 'swatch sw-window' }), t('web.timeline.legend.window')) : null,
    mayStay ? h('li', null, h('span', { class: 'swatch sw-may' }), t('web.timeline.legend.may_stay')) : null,
    run ? h('li', null, h('span', { class: 'swatch sw-over' }), t('web.timeline.legend.over')) : null);
  return h('figure', { class: 'timeline', 'data-testid': 'timeline' }, svg, h('figcaption', null, legend));
}

export function drawTimeline(report) {
  const figure = build(report);
  last = { report, figure, width: svgWidth() };
  return figure;
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!last || !last.figure.isConnected || Math.abs(svgWidth() - last.width) < 40) return;
    const old = last.figure;
    old.replaceWith(drawTimeline(last.report));
  }, 200);
});
