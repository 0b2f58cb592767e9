// "Why?" one click away: a <details> naming the rule behind an answer, its source and how sure
// the source is.
import { h } from './dom.js';
import { t, hasText, formatDate } from './i18n.js';

export function confidenceText(code) {
  const key = `web.confidence.${String(code || '').toLowerCase()}`;
  return hasText(key) ? t(key) : String(code || '');
}

function row(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

// why: {rule, source, confidence} (plans) or {id, description, source, confidence,
// in_force_from} (stay rules). `extra` is more content for the panel.
export function whyDetails(why, extra = null, summaryKey = 'web.why') {
  const rows = [];
  if (why) {
    if (why.description) rows.push(row(t('web.why.rule_text'), why.description));
    if (why.rule || why.id) rows.push(row(t('web.why.rule'), h('code', null, why.rule || why.id)));
    if (why.source) rows.push(row(t('web.why.source'), why.source));
    if (why.confidence) {
      rows.push(row(t('web.why.confidence'),
        h('span', { class: `badge conf-${String(why.confidence).toLowerCase()}` }, why.confidence), ' ',
        confidenceText(why.confidence)));
    }
    if (why.in_force_from) rows.push(row(t('web.why.in_force_from'), formatDate(why.in_force_from)));
  }
  return h('details', { class: 'why' },
    h('summary', null, t(summaryKey)),
    h('div', { class: 'why-body' }, rows.length ? h('dl', null, rows) : null, extra));
}
