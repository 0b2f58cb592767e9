// Shows an error from the API next to the field its `path` names ("stays[2].exit"), or in the
// form's alert region when no field matches.
import { h, $$ } from './dom.js';
import { t } from './i18n.js';

export function clearErrors(form) {
  for (const node of $$('.field-error', form)) node.remove();
  for (const field of $$('[aria-invalid="true"]', form)) {
    field.removeAttribute('aria-invalid');
    const ids = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-'));
    if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
    else field.removeAttribute('aria-describedby');
  }
  const box = form.querySelector('.form-error');
  if (box) box.textContent = '';
}

function escapePath(path) {
  return window.CSS && CSS.escape ? CSS.escape(path) : path.replace(/["\\]/g, '\\$&');
}

// "stays[2].exit" -> "stays[2].exit", "stays[2]", "stays"
function candidates(path) {
  const list = [];
  let rest = path;
  while (rest) {
    list.push(rest);
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    rest = cut > 0 ? rest.slice(0, cut) : '';
  }
  return list;
}

export function findField(form, path) {
  for (const candidate of candidates(path || '')) {
    const field = form.querySelector(`[data-path="${escapePath(candidate)}"]`);
    if (field) return field;
  }
  return null;
}

export function messageOf(error) {
  if (!error) return '';
  if (error.code === 'network') return t('web.error.network');
  if (error.code === 'rate_limited') return t('web.error.rate_limited');
  if (error.code === 'unauthorized') return t('web.error.unauthorized');
  if (error.code === 'http' || !error.message) return t('web.error.generic');
  return error.message;
}

// Marks the field (if any), fills the alert region, and returns the field so a caller can
// bring it into view (e.g. the planner moves to the step holding it).
export function showError(form, error, { focus = true } = {}) {
  clearErrors(form);
  const message = messageOf(error);
  const found = error && error.path ? findField(form, error.path) : null;
  // A path may name a group (a row of dates, a radio group): mark its first control.
  const isControl = (node) => node.matches('input, select, textarea');
  const field = found && !isControl(found) ? found.querySelector('input, select, textarea') || found : found;
  const box = form.querySelector('.form-error');
  if (field) {
    const id = `err-${field.id || Math.random().toString(36).slice(2)}`;
    const note = h('p', { class: 'field-error', id }, message);
    const anchor = found !== field ? found : field.closest('.field, .stay-row, .family-row') || field;
    if (anchor === field) field.after(note);
    else anchor.append(note);
    field.setAttribute('aria-invalid', 'true');
    const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    field.setAttribute('aria-describedby', [...described, id].join(' '));
    if (box) box.textContent = t('web.error.in_field', { message });
    if (focus && typeof field.focus === 'function') field.focus();
  } else if (box) {
    box.textContent = message;
  }
  return field;
}
