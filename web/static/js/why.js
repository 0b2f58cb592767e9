// "Why?" one click away: a <details> with the sources behind an answer as links, how sure they
// are in words, and when we last checked them. Never a rule id, a file or a confidence code.
import { h } from './dom.js';
import { t, formatDate } from './i18n.js';

function sourceItem(source) {
  const title = source.url
    ? h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, source.title)
    : h('span', null, source.title);
  const where = [source.gazette, source.article ? t('web.why.article', { article: source.article }) : null]
    .filter(Boolean).join(', ');
  return h('li', null, source.publisher, ': ', title, where ? ` (${where})` : null);
}

// The sources of one citation ({sources, confidence_text, checked}) as a small list.
export function citationBlock(citation) {
  if (!citation || !citation.sources) return null;
  return h('div', { class: 'citation' },
    h('ul', { class: 'sources' }, citation.sources.map(sourceItem)),
    h('p', { class: 'hint' },
      t('web.why.confidence'), ': ', citation.confidence_text, '. ',
      t('web.why.checked'), ': ', formatDate(citation.checked), '.'));
}

// why: a citation (or a plan line's `why`, a citation with the rule's id for programs), and
// `extra`, more content for the panel, such as the counting rule in words.
export function whyDetails(why, extra = null, summaryKey = 'web.why') {
  return h('details', { class: 'why' },
    h('summary', null, t(summaryKey)),
    h('div', { class: 'why-body' }, extra, citationBlock(why)));
}
