// The timeline picture: the stays, the deciding window (or period, or current stay), the check
// date, the last legal day and the first run of overstay days, as SVG drawn from the report,
// with the same facts in words for screen readers.
import { h, s, uniqueId } from './dom.js';
import { t, formatDate, formatShortMonth, localeTag } from './i18n.js';
import { dayNumber, fromDayNumber, toUtcDate } from './dates.js';

const NO_LIMIT = '9999-12-31';
const MAX_SPAN = 1100;      // days drawn at most (three years): older stays are cut at the left edge
const MAX_AHEAD = 400;      // days after the check date at most, for a far last legal day
const HEIGHT = 150;
const AXIS_Y = 118;
const BAR_Y = 70;
const BAR_H = 24;
const LABEL_GAP = 6;
let last = null;
let measureContext = null;

// The width the picture takes on the page, so that its 11-12px texts are drawn at that size
// and not scaled down on a phone: the content width of <main>, where the result lives.
function svgWidth() {
  const main = document.getElementById('main');
  let width = 0;
  if (main && main.clientWidth) {
    const style = getComputedStyle(main);
    width = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
  }
  if (!(width > 0)) width = (document.documentElement.clientWidth || 800) - 34;
  return Math.round(Math.max(240, Math.min(900, width)));
}

// A label's width in the picture, measured with the page's font before it is drawn, so no
// label is placed where it would be cut at an edge ("Ma" for "Mar").
function textWidth(text, size, weight = 400) {
  if (!measureContext) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.62;
  measureContext.font = `${weight} ${size}px ${getComputedStyle(document.body).fontFamily}`;
  return measureContext.measureText(text).width;
}

function formatDayMonth(iso) {
  return new Intl.DateTimeFormat(localeTag(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(toUtcDate(iso));
}

// Every stay is drawn, as far back as MAX_SPAN allows: the picture runs from the first entry
// to the check date or the last day that matters after it.
function range(report, stays) {
  const r = report.result;
  const ex = report.explanation || {};
  const onDay = dayNumber(report.on);
  let start = dayNumber(ex.deciding_from || report.on);
  for (const st of stays) start = Math.min(start, dayNumber(st.entry));
  let end = onDay;
  for (const d of [r.last_legal_day, ex.period_end, ex.deciding_to]) {
    if (d && d !== NO_LIMIT) end = Math.max(end, dayNumber(d));
  }
  end = Math.min(end, onDay + MAX_AHEAD);
  start = Math.max(start, end - MAX_SPAN);
  // A few days of margin on each side, more on a long picture, so bars never touch the frame.
  const margin = Math.max(4, Math.round((end - start) / 60));
  return { start: start - margin, end: end + margin };
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
  // Month names under the axis: each starts at its month's first day, and is left out where it
  // would touch the one before or run past the right edge.
  let lastLabelEnd = -Infinity;
  // The month the picture starts in is named at the left edge too, where it fits before the
  // next month's name ("Oct" before "Nov" on a picture of a few weeks).
  if (!fromDayNumber(start).endsWith('-01')) {
    const iso = fromDayNumber(start);
    let next = start + 1;
    while (!fromDayNumber(next).endsWith('-01')) next += 1;
    const label = formatShortMonth(iso);
    const right = 2 + textWidth(label, 11);
    if (right + LABEL_GAP <= x(next) + 2 && right <= width - 1) {
      svg.append(s('text', { class: 'tl-label', x: 2, y: AXIS_Y + 18 }, label));
      lastLabelEnd = right;
    }
  }
  for (let day = start; day <= end; day += 1) {
    const iso = fromDayNumber(day);
    if (!iso.endsWith('-01')) continue;
    const px = x(day);
    svg.append(s('line', { class: 'tl-tick', x1: px, x2: px, y1: AXIS_Y, y2: AXIS_Y + 5 }));
    const label = iso.endsWith('-01-01') ? `${formatShortMonth(iso)} ${iso.slice(0, 4)}` : formatShortMonth(iso);
    const left = Math.max(1, px + 2);
    const right = left + textWidth(label, 11);
    if (left >= lastLabelEnd + LABEL_GAP && right <= width - 1) {
      svg.append(s('text', { class: 'tl-label', x: left, y: AXIS_Y + 18 }, label));
      lastLabelEnd = right;
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
  // A marker's label sits after its line when it fits there, before it otherwise, and is kept
  // inside the picture: where "Last legal day: 18 Dec 2026" is too long for a phone, the year
  // goes, and as a last resort the text is narrowed to fit.
  const markers = [];
  const marker = (day, cls, name, iso, y) => {
    const px = Math.min(width - 1, Math.max(1, (x(day) + x(day + 1)) / 2));
    const room = width - 4;
    const forms = [`${name}: ${formatDate(iso, 'medium')}`, `${name}: ${formatDayMonth(iso)}`];
    const label = forms.find((f) => textWidth(f, 12, 600) + 2 <= room) || forms[1];
    const w = Math.min(room, textWidth(label, 12, 600) + 2);
    let left = px + 3;
    if (left + w > width - 2) left = px - 3 - w;
    left = Math.max(2, Math.min(left, width - 2 - w));
    markers.push({ px, cls, y, left, right: left + w, label, squeeze: w === room ? room - 2 : 0 });
  };
  marker(onDay, 'tl-on', t('web.timeline.on'), report.on, 14);
  if (r.last_legal_day && r.last_legal_day !== NO_LIMIT && dayNumber(r.last_legal_day) <= end) {
    marker(dayNumber(r.last_legal_day), 'tl-last', t('web.timeline.last'), r.last_legal_day, 30);
  }
  // A line starts under its label, and under any lower label it would otherwise cross.
  for (const m of markers) {
    const below = markers.filter((o) => o.y > m.y && o.left - 2 <= m.px && m.px <= o.right + 2);
    const top = Math.max(m.y, ...below.map((o) => o.y)) + 4;
    svg.append(s('line', { class: m.cls, x1: m.px, x2: m.px, y1: top, y2: AXIS_Y }));
  }
  for (const m of markers) {
    const squeeze = m.squeeze ? { textLength: m.squeeze, lengthAdjust: 'spacingAndGlyphs' } : {};
    svg.append(s('text', { class: `tl-marker-label ${m.cls}-label`, x: m.left, y: m.y, ...squeeze }, m.label));
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
