// The topic guides: GET /v1/guides?q=&lang= (list or search) and GET /v1/guides/{id}.
import { get } from './api.js';
import { citationBlock } from './why.js';
import { h, $, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { showError, clearErrors } from './errors.js';
import { showView, onViewOpen } from './views.js';

let loaded = false;
let openId = null;

function paragraphs(body) {
  return String(body || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => h('p', null, p));
}


async function search() {
  const form = $('#guides-form');
  const q = $('#guides-q').value.trim();
  clearErrors(form);
  try {
    const guides = await get('/v1/guides', { query: { q } });
    const list = Array.isArray(guides) ? guides : guides.guides || [];
    $('#guides-status').textContent = q ? t('web.guides.found', { n: list.length }) : '';
    $('#guides-list').replaceChildren(...list.map((g) => h('li', { class: 'guide-item' },
      h('button', { type: 'button', class: 'link-button', 'data-guide': g.id, onclick: () => openGuide(g.id) }, g.title),
      g.summary ? h('p', { class: 'hint' }, g.summary) : null)));
    loaded = true;
  } catch (error) {
    showError(form, error);
  }
}

export async function openGuide(id, { show = true } = {}) {
  if (show) showView('guides', { focus: false });
  if (show && !loaded) search();
  const view = $('#guide-view');
  try {
    const guide = await get(`/v1/guides/${encodeURIComponent(id)}`);
    openId = id;
    fill(view,
      h('h2', null, guide.title),
      Array.isArray(guide.paragraphs) ? guide.paragraphs.map((p) => h('p', null, p)) : paragraphs(guide.body),
      guide.sources && guide.sources.length ? h('details', { class: 'why' },
        h('summary', null, t('web.guides.sources')),
        h('div', { class: 'why-body' }, guide.sources.map(citationBlock))) : null,
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: closeGuide }, t('web.guides.back')));
    view.hidden = false;
    if (show) view.focus();
  } catch (error) {
    showError($('#guides-form'), error);
  }
}

function closeGuide() {
  const id = openId;
  openId = null;
  $('#guide-view').hidden = true;
  const button = id && $(`#guides-list [data-guide="${id}"]`);
  if (button) button.focus();
}

export function initGuides() {
  $('#guides-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  onViewOpen('guides', () => {
    if (!loaded) search();
  });
  onLanguageChange(() => {
    if (!loaded) return;
    search();
    if (openId) openGuide(openId, { show: false });
  });
}
