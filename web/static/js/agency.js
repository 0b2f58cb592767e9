// The agency workspace (#/agency): sign in with a pasted secret, or create an agency and see its
// owner's secret once; then the deadline dashboard (agency-table.js), one client at a time
// (agency-client.js), the CSV import (agency-import.js) and, for the owner, the members
// (agency-staff.js). The secret is kept in sessionStorage only (agency-session.js), never in the
// address. The view's parts are built here, into #agency-root, with data-i18n texts.
import { post } from './api.js';
import { h, $ } from './dom.js';
import { t, applyTexts, onLanguageChange } from './i18n.js';
import { showError, clearErrors } from './errors.js';
import { onViewOpen } from './views.js';
import { agencySecret, storedSecret, keepSecret, setOwner, isOwner, onSignOut, signOut, agencyMessage, say, showSecretOnce } from './agency-session.js';
import { buildDashboard, loadDashboard, dashboardDate, dropRow, clearDashboard, redrawDashboard } from './agency-table.js';
import { buildClient, openClient, closeClient, redrawClient } from './agency-client.js';
import { buildImport, clearImport, redrawImport } from './agency-import.js';
import { buildStaff, readAgency, refreshMembers, drawMembers, clearMembers } from './agency-staff.js';

let entered = false;   // the signed-in parts show this secret's agency
let agencyName = '';

function field(id, key, input, hintKey) {
  const hint = hintKey ? h('p', { class: 'hint', id: `${id}-hint`, 'data-i18n': hintKey }) : null;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: id, 'data-i18n': key }), input, hint);
}

function buildSignedOut() {
  return h('div', { id: 'agency-signed-out' },
    h('form', { id: 'agency-signin', class: 'card', novalidate: true, 'aria-labelledby': 'agency-signin-heading', onsubmit: signIn },
      h('h2', { id: 'agency-signin-heading', 'data-i18n': 'web.agency.signin.heading' }),
      field('agency-secret', 'web.agency.signin.label',
        h('input', { type: 'password', id: 'agency-secret', 'data-path': 'secret', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }),
        'web.agency.signin.hint'),
      h('p', { class: 'form-error', role: 'alert' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-i18n': 'web.agency.signin.submit' }))),
    h('form', { id: 'agency-create', class: 'card', novalidate: true, 'aria-labelledby': 'agency-create-heading', onsubmit: create },
      h('h2', { id: 'agency-create-heading', 'data-i18n': 'web.agency.create.heading' }),
      h('p', { class: 'hint', 'data-i18n': 'web.agency.create.intro' }),
      field('agency-name', 'web.agency.create.name', h('input', { type: 'text', id: 'agency-name', 'data-path': 'name', autocomplete: 'organization', maxlength: '200' })),
      h('p', { class: 'form-error', role: 'alert' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-secondary', 'data-i18n': 'web.agency.create.submit' }))));
}

function buildSignedIn() {
  return h('div', { id: 'agency-signed-in', hidden: true },
    h('div', { class: 'agency-bar' },
      h('p', { id: 'agency-who', tabindex: '-1' }),
      h('button', { type: 'button', id: 'agency-signout', class: 'btn btn-quiet', onclick: () => signOut('web.agency.signed_out'), 'data-i18n': 'web.agency.signout' })),
    h('section', { id: 'agency-owner-secret', class: 'card', 'aria-labelledby': 'agency-owner-secret-heading', hidden: true }),
    buildClient({ back: backToList, deleted }),
    h('div', { id: 'agency-workspace' },
      buildDashboard(open),
      buildImport(loadDashboard),
      buildStaff()));
}

function drawWho() {
  $('#agency-who').textContent = isOwner()
    ? t(agencyName ? 'web.agency.who.owner' : 'web.agency.who.owner_plain', { name: agencyName })
    : t('web.agency.who.member');
}

function showSignedIn(yes) {
  $('#agency-signed-out').hidden = yes;
  $('#agency-signed-in').hidden = !yes;
}

// Opens the workspace for the secret in the session. Throws what the first request threw.
async function enter() {
  const agency = await readAgency();
  agencyName = agency.name;
  entered = true;
  showSignedIn(true);
  drawWho();
  drawMembers();
  await loadDashboard();
}

async function signIn(event) {
  event.preventDefault();
  const form = $('#agency-signin');
  clearErrors(form);
  const value = $('#agency-secret').value.trim();
  if (!value) {
    showError(form, { code: 'agency', message: t('web.agency.signin.missing'), path: 'secret' });
    return;
  }
  keepSecret(value);
  $('#agency-secret').value = '';  // the key stays in the session, not in a field
  try {
    await enter();
    $('#agency-who').focus();
  } catch (error) {
    keepSecret(null);
    entered = false;
    showSignedIn(false);
    say($('#agency-status'), '');  // the form says it
    showError(form, { code: 'agency', message: agencyMessage(error), path: error.status === 401 ? 'secret' : '' });
  }
}

async function create(event) {
  event.preventDefault();
  const form = $('#agency-create');
  clearErrors(form);
  const name = $('#agency-name').value.trim();
  if (!name) {
    showError(form, { code: 'agency', message: t('web.agency.create.missing'), path: 'name' });
    return;
  }
  let answer;
  try {
    answer = await post('/v1/agencies', { name });
  } catch (error) {
    showError(form, { code: 'agency', message: agencyMessage(error), path: error.path });
    return;
  }
  // The key first: whatever happens next, the owner sees it (once).
  keepSecret(answer.secret);
  setOwner(true);
  $('#agency-name').value = '';
  agencyName = (answer.agency && answer.agency.name) || name;
  entered = true;
  showSignedIn(true);
  drawWho();
  showSecretOnce($('#agency-owner-secret'), answer.secret, t('web.agency.secret.owner', { name: agencyName }),
    { after: $('#agency-who'), heading: 'h2' });
  await refreshMembers();
  await loadDashboard();
}

async function open(row) {
  const on = dashboardDate();
  const status = $('#agency-status');
  say(status, '');
  if (await openClient(row, on, status)) $('#agency-workspace').hidden = true;
}

function backToList(client) {
  const was = client || closeClient();
  $('#agency-workspace').hidden = false;
  const button = was && [...document.querySelectorAll('#agency-table [data-open]')].find((b) => b.dataset.open === was);
  if (button) button.focus();
  else $('#agency-dash-heading').focus();
}

function deleted(row) {
  closeClient();
  $('#agency-workspace').hidden = false;
  dropRow(row.client);
  say($('#agency-status'), t('web.agency.client.deleted', { client: row.client }));
  $('#agency-dash-heading').focus();
  loadDashboard();
}

// Signed out (by the button, or because the secret stopped working): nothing of the agency stays
// on the page.
function leave(reasonKey) {
  entered = false;
  agencyName = '';
  closeClient();
  $('#agency-workspace').hidden = false;
  $('#agency-owner-secret').replaceChildren();
  $('#agency-owner-secret').hidden = true;
  clearDashboard();
  clearImport();
  clearMembers();
  showSignedIn(false);
  say($('#agency-status'), reasonKey ? t(reasonKey) : '', reasonKey === 'web.agency.error.secret');
  if (reasonKey === 'web.agency.signed_out') $('#agency-signin-heading').focus();
}

// The view opened: the workspace of the key in the session, or its list again (it may have
// changed meanwhile, and "today" may be another day).
async function resume() {
  if (!agencySecret()) return;
  if (entered) {
    loadDashboard();
    return;
  }
  try {
    await enter();
  } catch (error) {
    if (agencySecret()) say($('#agency-status'), agencyMessage(error), true);
  }
}

export function initAgency() {
  const root = $('#agency-root');
  if (!root) return;
  root.replaceChildren(h('p', { id: 'agency-status', class: 'status', 'aria-live': 'polite' }), buildSignedOut(), buildSignedIn());
  $('#agency-signin-heading').setAttribute('tabindex', '-1');
  applyTexts(root);
  redrawDashboard();
  redrawImport();
  keepSecret(storedSecret());
  onSignOut(leave);
  onViewOpen('agency', resume);
  onLanguageChange(() => {
    redrawDashboard();
    redrawImport();
    if (!entered) return;
    drawWho();
    drawMembers();
    redrawClient();
  });
}
