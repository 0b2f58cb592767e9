// The topic guides: GET /v1/guides?q=&lang= (list or search) and GET /v1/guides/{id}.
// An open guide has its own address, #/guides/<id> (route.js), so it can be shared, and Back
// returns to the list.
import { get } from './api.js';
import { citationBlock } from './why.js';
import { h, $, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { showError, clearErrors } from './errors.js';
import { onViewOpen } from './views.js';
import { navigate, onRoute } from './route.js';

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

// Opens a guide from anywhere on the page (a list item, the overstay warning): a new address.
export function openGuide(id) {
  navigate(`/guides/${id}`);
}

async function showGuide(id, { focus = true } = {}) {
  if (!loaded) search();
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
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => navigate('/guides') }, t('web.guides.back')));
    view.hidden = false;
    if (focus) view.focus();
  } catch (error) {
    showError($('#guides-form'), error);
  }
}

// Back at the list: focus goes to the guide that was open, where the reader left off.
function hideGuide({ focus = true } = {}) {
  const id = openId;
  openId = null;
  $('#guide-view').hidden = true;
  const button = id && focus && $(`#guides-list [data-guide="${id}"]`);
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
  onRoute('guides', (route, { initial }) => {
    if (route.sub) showGuide(route.sub, { focus: !initial });
    else if (openId) hideGuide({ focus: !initial });
  });
  onLanguageChange(() => {
    if (!loaded) return;
    search();
    if (openId) showGuide(openId, { focus: false });
  });
}
