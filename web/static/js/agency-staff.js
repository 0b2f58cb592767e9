// The agency's members, for the owner: the list comes from GET /v1/agency/export (owner only;
// there is no other route that lists members), a new staff member or viewer gets a secret that
// is shown once (POST /v1/agency/staff), and a member is removed after a confirmation (DELETE
// /v1/agency/staff/{id}: that secret stops working at once). Member ids are used in requests
// only, never shown.
import { h, $, fill } from './dom.js';
import { t } from './i18n.js';
import { showError, clearErrors } from './errors.js';
import { confirmDialog } from './confirm.js';
import { agencyRequest, agencyMessage, isOwner, setOwner, say, showSecretOnce } from './agency-session.js';

const ROLES = ['staff', 'viewer'];
let members = [];       // [{id, name, role}] from the export
let addedHere = [];     // members added in this page, shown should the export fail
let exportFailed = false;

// Asks the export (the only owner-only read): resolves to {owner, name}; a 403 means the
// secret is a staff member's or a viewer's. Other failures are thrown.
export async function readAgency() {
  try {
    const data = await agencyRequest('GET', '/v1/agency/export', { lang: false });
    setOwner(true);
    members = Array.isArray(data.members) ? data.members : [];
    exportFailed = false;
    return { owner: true, name: (data.agency && data.agency.name) || '' };
  } catch (error) {
    if (error.status === 403) {
      setOwner(false);
      return { owner: false, name: '' };
    }
    throw error;
  }
}

function roleText(role) {
  return t(`web.agency.role.${ROLES.includes(role) ? role : 'owner'}`);
}

async function removeMember(member) {
  const ok = await confirmDialog(t('web.agency.staff.remove.confirm', { name: member.name }),
    t('web.agency.staff.remove.yes'), t('web.agency.staff.remove.no'));
  if (!ok) return;
  const status = $('#agency-staff-status');
  try {
    await agencyRequest('DELETE', `/v1/agency/staff/${encodeURIComponent(member.id)}`, { lang: false });
    addedHere = addedHere.filter((m) => m.id !== member.id);
    members = members.filter((m) => m.id !== member.id);
    await refreshMembers();
    say(status, t('web.agency.staff.removed', { name: member.name }));
    $('#agency-staff-name').focus();
  } catch (error) {
    say(status, agencyMessage(error), true);
  }
}

export function drawMembers() {
  const card = $('#agency-staff');
  card.hidden = !isOwner();
  if (!isOwner()) return;
  const list = exportFailed ? addedHere : members;
  const rows = list.map((member) => {
    const isOwnerRow = member.role === 'owner';
    return h('tr', null,
      h('th', { scope: 'row' }, isOwnerRow ? t('web.agency.staff.you') : member.name),
      h('td', null, roleText(member.role)),
      h('td', null, isOwnerRow ? null : h('button', { type: 'button', class: 'btn btn-quiet', 'data-remove': member.name,
        'aria-label': t('web.agency.staff.remove.label', { name: member.name }), onclick: () => removeMember(member) },
      t('web.agency.staff.remove'))));
  });
  $('#agency-members-note').textContent = exportFailed ? t('web.agency.staff.partial') : '';
  fill($('#agency-members tbody'), rows);
  $('#agency-members').hidden = rows.length === 0;
}

export async function refreshMembers() {
  try {
    await readAgency();
  } catch {
    exportFailed = true;
  }
  drawMembers();
}

async function addMember(event) {
  event.preventDefault();
  const form = $('#agency-staff-form');
  clearErrors(form);
  say($('#agency-staff-status'), '');
  const name = $('#agency-staff-name').value.trim();
  const role = $('#agency-staff-role').value;
  if (!name) {
    showError(form, { code: 'missing', message: t('web.agency.staff.name.missing'), path: 'name' });
    return;
  }
  try {
    const answer = await agencyRequest('POST', '/v1/agency/staff', { body: { name, role } });
    const member = answer.member || { name, role };
    addedHere.push(member);
    $('#agency-staff-name').value = '';
    await refreshMembers();
    const warning = t(member.role === 'viewer' ? 'web.agency.secret.viewer' : 'web.agency.secret.staff', { name: member.name });
    showSecretOnce($('#agency-member-secret'), answer.secret, warning, { after: $('#agency-staff-name') });
  } catch (error) {
    showError(form, { code: 'agency', message: agencyMessage(error), path: error.path });
  }
}

export function clearMembers() {
  members = [];
  addedHere = [];
  exportFailed = false;
  fill($('#agency-member-secret'));
  $('#agency-member-secret').hidden = true;
  say($('#agency-staff-status'), '');
  drawMembers();
}

export function buildStaff() {
  return h('section', { id: 'agency-staff', class: 'card', 'aria-labelledby': 'agency-staff-heading', hidden: true },
    h('h2', { id: 'agency-staff-heading', 'data-i18n': 'web.agency.staff.heading' }),
    h('p', { class: 'hint', 'data-i18n': 'web.agency.staff.intro' }),
    h('p', { id: 'agency-members-note', class: 'hint' }),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'agency-members', hidden: true },
        h('caption', { class: 'visually-hidden', 'data-i18n': 'web.agency.staff.caption' }),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', 'data-i18n': 'web.agency.staff.name' }),
          h('th', { scope: 'col', 'data-i18n': 'web.agency.staff.role' }),
          h('td'))),
        h('tbody'))),
    h('form', { id: 'agency-staff-form', class: 'inline-form', novalidate: true, onsubmit: addMember, 'aria-labelledby': 'agency-staff-add-heading' },
      h('h3', { id: 'agency-staff-add-heading', class: 'visually-hidden', 'data-i18n': 'web.agency.staff.add.heading' }),
      h('div', { class: 'field grow' },
        h('label', { for: 'agency-staff-name', 'data-i18n': 'web.agency.staff.name' }),
        h('input', { type: 'text', id: 'agency-staff-name', 'data-path': 'name', autocomplete: 'off', maxlength: '200' })),
      h('div', { class: 'field' },
        h('label', { for: 'agency-staff-role', 'data-i18n': 'web.agency.staff.role' }),
        h('select', { id: 'agency-staff-role', 'data-path': 'role' },
          ROLES.map((role) => h('option', { value: role, 'data-i18n': `web.agency.role.${role}` })))),
      h('button', { type: 'submit', class: 'btn btn-secondary', 'data-i18n': 'web.agency.staff.add' }),
      h('p', { class: 'form-error', role: 'alert' })),
    h('p', { id: 'agency-staff-status', class: 'status', 'aria-live': 'polite' }),
    h('div', { id: 'agency-member-secret', class: 'secret-once', hidden: true }));
}
