// "Rules and sources": every rule we answer with, from GET /v1/sources?lang=&country=, each line
// with its sources as links, the confidence in words and the day it was last checked.
import { get } from './api.js';
import { h, $, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { citationBlock } from './why.js';
import { showError, clearErrors } from './errors.js';
import { onViewOpen } from './views.js';
import { countryOptions } from './countries.js';

let shown = false;

function ruleLine(line) {
  return h('li', { class: `rule-line${line.possibly_outdated ? ' outdated' : ''}` },
    h('p', null, line.text),
    line.possibly_outdated ? h('p', { class: 'badge badge-warn' }, t('web.rules.outdated')) : null,
    citationBlock(line.citation));
}

async function show() {
  const form = $('#rules-form');
  clearErrors(form);
  const country = $('#rules-country').value;
  try {
    const answer = await get('/v1/sources', { query: country ? { country } : {} });
    fill($('#rules-list'), answer.groups.map((g) => h('section', { class: 'card rule-group', 'data-group': g.id },
      h('h2', null, g.title),
      h('ul', { class: 'plain-list' }, g.lines.map(ruleLine)))));
    shown = true;
  } catch (error) {
    showError(form, error);
  }
}

export function initRules() {
  const select = $('#rules-country');
  select.addEventListener('change', show);
  onViewOpen('rules', () => {
    if (!select.options.length) select.replaceChildren(h('option', { value: '' }, t('web.rules.all')), ...countryOptions());
    if (!shown) show();
  });
  onLanguageChange(() => {
    if (shown) show();
  });
}
