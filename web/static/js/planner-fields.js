// The fields of the permit planner's steps, built once; texts come from data-i18n keys so a
// language switch relabels them in place.
import { h } from './dom.js';
import { t, applyTexts } from './i18n.js';
import { countryOptions } from './countries.js';

export const STEPS = ['citizenship', 'ground', 'kind', 'place', 'family'];

function label(forId, key) {
  return h('label', { for: forId, 'data-i18n': key });
}

function hint(id, key) {
  return h('p', { class: 'hint', id, 'data-i18n': key });
}

function field(...children) {
  return h('div', { class: 'field' }, ...children);
}

function choice(name, value, key, checked = false) {
  return h('label', { class: 'choice' },
    h('input', { type: 'radio', name, value, checked: checked ? '' : null }), ' ', h('span', { 'data-i18n': key }));
}

function step(name, ...children) {
  return h('fieldset', { class: 'plan-step', 'data-step': name, hidden: true },
    h('legend', { class: 'step-legend', 'data-i18n': `web.plan.wizard.${name}` }), ...children);
}

export function buildSteps() {
  return [
    step('citizenship',
      field(label('plan-country', 'web.field.citizenship'),
        h('select', { id: 'plan-country', class: 'country-select', 'data-path': 'citizenship', required: true })),
      field(label('plan-age', 'web.plan.age'),
        h('input', { type: 'number', id: 'plan-age', min: '0', max: '120', inputmode: 'numeric', 'data-path': 'age', 'aria-describedby': 'plan-age-hint' }),
        hint('plan-age-hint', 'web.field.optional'))),
    step('ground',
      field(label('plan-ground', 'web.plan.ground'),
        h('select', { id: 'plan-ground', 'data-path': 'ground', required: true, 'aria-describedby': 'plan-ground-docs' })),
      h('div', { id: 'plan-ground-docs', class: 'hint ground-docs', 'aria-live': 'polite' }),
      h('div', { id: 'plan-family-ground', hidden: true },
        h('fieldset', { class: 'sub', 'data-path': 'joins' },
          h('legend', { 'data-i18n': 'web.plan.joins' }),
          choice('plan-joins', 'foreign_resident', 'web.plan.joins.foreign_resident', true),
          choice('plan-joins', 'serbian_citizen', 'web.plan.joins.serbian_citizen')),
        h('label', { class: 'choice' },
          h('input', { type: 'checkbox', id: 'plan-sponsor-employed', 'data-path': 'sponsor_employed' }), ' ',
          h('span', { 'data-i18n': 'web.plan.sponsor_employed' })))),
    step('kind',
      h('fieldset', { class: 'sub', 'data-path': 'kind' },
        h('legend', { 'data-i18n': 'web.plan.kind' }),
        choice('plan-kind', 'first', 'web.plan.kind.first', true),
        choice('plan-kind', 'renewal', 'web.plan.kind.renewal')),
      h('div', { id: 'plan-first-fields' },
        field(label('plan-last-entry', 'web.plan.last_entry'),
          h('input', { type: 'date', id: 'plan-last-entry', 'data-path': 'last_entry', 'aria-describedby': 'plan-last-entry-hint' }),
          hint('plan-last-entry-hint', 'web.plan.last_entry.hint')),
        field(label('plan-stamps', 'web.plan.stamps'),
          h('input', { type: 'text', id: 'plan-stamps', 'data-path': 'stamps', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'plan-stamps-hint' }),
          hint('plan-stamps-hint', 'web.plan.stamps.hint'))),
      h('div', { id: 'plan-renewal-fields', hidden: true },
        field(label('plan-permit-expires', 'web.plan.permit_expires'),
          h('input', { type: 'date', id: 'plan-permit-expires', 'data-path': 'permit_expires' })),
        field(label('plan-residence-since', 'web.plan.residence_since'),
          h('input', { type: 'date', id: 'plan-residence-since', 'data-path': 'residence_since', 'aria-describedby': 'plan-residence-since-hint' }),
          hint('plan-residence-since-hint', 'web.plan.residence_since.hint'))),
      field(label('plan-on', 'web.plan.on'),
        h('input', { type: 'date', id: 'plan-on', 'data-path': 'on', 'aria-describedby': 'plan-on-hint' }),
        hint('plan-on-hint', 'web.plan.on.hint')),
      field(label('plan-passport-expires', 'web.plan.passport_expires'),
        h('input', { type: 'date', id: 'plan-passport-expires', 'data-path': 'passport_expires', 'aria-describedby': 'plan-passport-hint' }),
        hint('plan-passport-hint', 'web.field.optional'))),
    step('place',
      field(label('plan-city', 'web.plan.city'),
        h('select', { id: 'plan-city', 'data-path': 'city' })),
      h('label', { class: 'choice' },
        h('input', { type: 'checkbox', id: 'plan-in-person', 'data-path': 'in_person', 'aria-describedby': 'plan-in-person-hint' }), ' ',
        h('span', { 'data-i18n': 'web.plan.in_person' })),
      hint('plan-in-person-hint', 'web.plan.in_person.hint')),
    step('family',
      h('p', { class: 'hint', 'data-i18n': 'web.plan.family.hint' }),
      h('ol', { id: 'plan-family', class: 'family-rows', 'data-path': 'family' }),
      h('button', { type: 'button', id: 'plan-add-member', class: 'btn btn-secondary', 'data-i18n': 'web.plan.family.add' })),
  ];
}

const RELATIONS = ['spouse', 'partner', 'child'];

// A family member's citizenship: the main applicant's unless chosen (the CLI's child:8:UA).
function memberCountries(select) {
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, t('web.plan.family.citizenship.same')), ...countryOptions());
  select.value = chosen;
  if (select.selectedIndex < 0) select.value = '';
}

export function familyRow(index, member = { relation: 'child', age: '' }) {
  const id = `plan-member-${Date.now().toString(36)}-${index}`;
  const row = h('li', { class: 'family-row' },
    h('fieldset', null,
      h('legend', { class: 'member-legend' }),
      h('div', { class: 'field' },
        label(`${id}-relation`, 'web.plan.family.relation'),
        h('select', { id: `${id}-relation`, class: 'member-relation' },
          RELATIONS.map((r) => h('option', { value: r, 'data-i18n': `web.plan.relation.${r}` })))),
      h('div', { class: 'field' },
        label(`${id}-age`, 'web.plan.family.age'),
        h('input', { type: 'number', id: `${id}-age`, class: 'member-age', min: '0', max: '120', inputmode: 'numeric', value: String(member.age ?? '') })),
      h('div', { class: 'field' },
        label(`${id}-citizenship`, 'web.plan.family.citizenship'),
        h('select', { id: `${id}-citizenship`, class: 'member-citizenship' })),
      h('button', { type: 'button', class: 'btn btn-quiet remove-member', 'data-i18n': 'web.plan.family.remove' })));
  row.querySelector('.member-relation').value = member.relation;
  const citizenship = row.querySelector('.member-citizenship');
  memberCountries(citizenship);
  citizenship.value = member.citizenship || '';
  if (citizenship.selectedIndex < 0) citizenship.value = '';
  applyTexts(row);
  return row;
}

// Numbers the family rows and gives their inputs the API paths family[i].relation / .age /
// .citizenship; the citizenship lists follow the page's language.
export function renumberFamily(list) {
  [...list.children].forEach((row, i) => {
    row.querySelector('.member-legend').textContent = t('web.plan.family.member_n', { n: i + 1 });
    row.querySelector('.remove-member').setAttribute('aria-label', t('web.plan.family.remove_n', { n: i + 1 }));
    row.querySelector('.member-relation').dataset.path = `family[${i}].relation`;
    row.querySelector('.member-age').dataset.path = `family[${i}].age`;
    const citizenship = row.querySelector('.member-citizenship');
    citizenship.dataset.path = `family[${i}].citizenship`;
    memberCountries(citizenship);
  });
}
