// Draws a permit plan: notices, each person's channel, checklist and fees, the family's fees in
// all, the family order, the dated steps, the appointment e-mail, the other amounts on record
// and the payment slips; every item with its rule one click away. The plan can be saved in the
// profile.
import { h, fill } from './dom.js';
import { t, hasText, formatDate, formatRsd, countryName } from './i18n.js';
import { whyDetails } from './why.js';
import { calendarButton } from './calendar.js';
import { slipsSection } from './slips.js';
import { emailSection } from './appointment-email.js';

function dateEl(iso) {
  return iso ? h('time', { datetime: iso }, formatDate(iso)) : null;
}

function textOr(key, fallback) {
  return hasText(key) ? t(key) : fallback;
}

function personTitle(person, index) {
  const relation = textOr(`web.plan.relation.${person.relation}`, person.relation);
  const age = person.age !== undefined && person.age !== null ? t('web.plan.age_n', { n: person.age }) : '';
  return [t('web.plan.person_n', { n: index + 1 }), ': ', relation, age ? `, ${age}` : ''];
}

function checklist(items) {
  return h('ol', { class: 'checklist', 'data-testid': 'checklist' }, items.map((item) => h('li', null,
    h('strong', null, item.name),
    item.detail ? h('p', null, item.detail) : null,
    item.notes && item.notes.length ? h('ul', { class: 'notes' }, item.notes.map((n) => h('li', null, n))) : null,
    whyDetails(item.why))));
}

function feeTable(person) {
  const rows = (person.fees || []).map((fee) => h('tr', null,
    h('th', { scope: 'row' }, fee.name, whyDetails(fee.why)),
    h('td', { class: 'num' }, fee.exempt ? t('web.plan.fee.exempt') : formatRsd(fee.amount_rsd)),
    h('td', null, textOr(`web.plan.fee.stage.${fee.stage}`, fee.stage || ''),
      fee.paid_through_portal ? h('span', { class: 'hint block' }, t('web.plan.fee.portal')) : null)));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'fees-table', 'data-testid': 'plan-fees' },
      h('caption', null, t('web.plan.fees')),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('web.plan.fee.name')),
        h('th', { scope: 'col', class: 'num' }, t('web.plan.fee.amount')),
        h('th', { scope: 'col' }, t('web.plan.fee.when')))),
      h('tbody', null, rows),
      h('tfoot', null, h('tr', null,
        h('th', { scope: 'row' }, t('web.plan.fee.total')),
        h('td', { class: 'num' }, formatRsd(person.fees_total_rsd ?? 0)),
        h('td', null)))));
}

function personCard(person, index) {
  const channel = textOr(`web.plan.filing.${person.filing}`, person.filing);
  const allowed = textOr(`web.plan.allowed.${person.allowed_channel}`, person.allowed_channel);
  return h('article', { class: 'card person', 'data-testid': 'person' },
    h('h3', null, personTitle(person, index)),
    h('p', { class: 'ground-line' }, person.ground_name || person.ground),
    h('dl', { class: 'pairs' },
      person.citizenship ? [h('dt', null, t('web.field.citizenship')),
        h('dd', { 'data-field': 'citizenship', 'data-code': person.citizenship }, countryName(person.citizenship))] : null,
      h('dt', null, t('web.plan.filing')), h('dd', null, h('strong', null, channel), ' (', allowed, ')'),
      person.max_term_months ? [h('dt', null, t('web.plan.max_term')), h('dd', null, t('web.plan.months_n', { n: person.max_term_months }))] : null),
    whyDetails(person.filing_why),
    person.photo_only_biometrics ? h('p', { class: 'hint' }, t('web.plan.photo_only')) : null,
    h('h4', null, t('web.plan.checklist')),
    checklist(person.checklist || []),
    feeTable(person));
}

function stepLine(step) {
  let when = null;
  if (step.first && step.last) when = [t('web.plan.when.from'), ' ', dateEl(step.first), ' ', t('web.plan.when.to'), ' ', dateEl(step.last)];
  else if (step.last) when = [t(step.deadline ? 'web.plan.when.by' : 'web.plan.when.on'), ' ', dateEl(step.last)];
  else if (step.first) when = [t('web.plan.when.from'), ' ', dateEl(step.first)];
  return h('li', { class: when ? 'dated' : 'undated', 'data-step-id': step.id },
    when ? h('p', { class: 'step-when' }, when) : null,
    h('p', null, step.text),
    whyDetails(step.why));
}

function textItems(items, cls) {
  return h('ul', { class: cls }, items.map((item) => h('li', null,
    h('p', null, typeof item === 'string' ? item : item.text),
    item && item.why ? whyDetails(item.why) : null)));
}

function otherAmounts(list) {
  if (!list || !list.length) return null;
  return h('details', { class: 'why other-amounts' },
    h('summary', null, t('web.plan.other_amounts')),
    h('div', { class: 'why-body table-wrap' }, h('table', null,
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('web.plan.fee.item')),
        h('th', { scope: 'col' }, t('web.plan.fee.since')),
        h('th', { scope: 'col', class: 'num' }, t('web.plan.fee.amount')))),
      h('tbody', null, list.map((a) => h('tr', null,
        // The source goes under the fee's name: a fourth column does not fit a phone.
        h('td', null, textOr(`web.fee.item.${a.item}`, a.item), whyDetails(a.why)),
        h('td', null, a.start_estimated && a.from
          ? h('time', { datetime: a.from }, t('web.plan.fee.since_estimated', { date: formatDate(a.from) }))
          : dateEl(a.from)),
        h('td', { class: 'num' }, formatRsd(a.amount_rsd))))))));
}

// The whole family's fees: the API's own total when it gives one, else the sum of the totals
// it gives for each person (no fee is counted here).
function familyTotal(plan) {
  const people = plan.people || [];
  if (people.length < 2) return null;
  const total = plan.fees_total_rsd ?? plan.family_fees_total_rsd ?? people.reduce((sum, p) => sum + (p.fees_total_rsd ?? 0), 0);
  return h('section', { class: 'card family-total', 'aria-labelledby': 'plan-family-total-h', 'data-testid': 'family-total' },
    h('h3', { id: 'plan-family-total-h' }, t('web.plan.family_total.heading')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'fees-table', 'aria-labelledby': 'plan-family-total-h' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('web.plan.family_total.person')),
        h('th', { scope: 'col', class: 'num' }, t('web.plan.fee.amount')))),
      h('tbody', null, people.map((person, i) => h('tr', null,
        h('th', { scope: 'row' }, personTitle(person, i)),
        h('td', { class: 'num' }, formatRsd(person.fees_total_rsd ?? 0))))),
      h('tfoot', null, h('tr', null,
        h('th', { scope: 'row' }, t('web.plan.family_total.total')),
        h('td', { class: 'num', 'data-field': 'family_total' }, formatRsd(total)))))),
    h('p', { class: 'hint' }, t('web.plan.family_total.hint')));
}

// "Save this plan in my profile": the situation exactly as sent for this plan.
function saveBox(situation, onSave) {
  if (!onSave) return null;
  const status = h('p', { class: 'status', 'aria-live': 'polite', 'data-testid': 'plan-save-status' });
  const button = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'plan-save' }, t('web.plan.save'));
  button.addEventListener('click', async () => {
    status.textContent = '';
    status.classList.remove('error-text');
    button.disabled = true;
    try {
      const answer = await onSave(situation);
      status.textContent = t(answer && answer.created ? 'web.plan.save.done_new' : 'web.plan.save.done');
    } catch (error) {
      status.textContent = error && error.shown ? error.shown : t('web.error.generic');
      status.classList.add('error-text');
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'save-plan' }, button, status);
}

export function renderPlan(container, plan, situation, { on = '', onEdit, onRestart, onSave }) {
  const steps = plan.steps || [];
  const dated = steps.filter((s) => s.first || s.last);
  const undated = steps.filter((s) => !(s.first || s.last));
  fill(container,
    h('h2', { id: 'plan-result-heading' }, t('web.plan.result.heading')),
    plan.on ? h('p', { class: 'hint' }, t('web.plan.result.on'), ' ', dateEl(plan.on)) : null,
    plan.notices && plan.notices.length
      ? h('section', { class: 'alert alert-info', 'aria-labelledby': 'plan-notices-h' },
        h('h3', { id: 'plan-notices-h' }, t('web.plan.notices')), textItems(plan.notices, 'plain-list')) : null,
    h('section', { 'aria-labelledby': 'plan-steps-h' },
      h('h3', { id: 'plan-steps-h' }, t('web.plan.steps')),
      h('ol', { class: 'timeline-list', 'data-testid': 'plan-steps' }, dated.map(stepLine)),
      dated.length ? calendarButton(situation, on) : null,
      undated.length ? [h('h4', null, t('web.plan.steps.rules')), h('ul', { class: 'timeline-list' }, undated.map(stepLine))] : null),
    h('section', { 'aria-labelledby': 'plan-people-h' },
      h('h3', { id: 'plan-people-h' }, t('web.plan.people')),
      (plan.people || []).map(personCard)),
    familyTotal(plan),
    plan.order && plan.order.length ? h('section', { 'aria-labelledby': 'plan-order-h' },
      h('h3', { id: 'plan-order-h' }, t('web.plan.order')), textItems(plan.order, 'order-list')) : null,
    emailSection(situation, plan),
    otherAmounts(plan.other_amounts),
    slipsSection(situation, plan, on),
    saveBox(situation, onSave),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: onEdit }, t('web.plan.edit')),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: onRestart }, t('web.plan.restart'))));
}
