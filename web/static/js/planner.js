// The permit planner: one step at a time (citizenship, ground, first or renewal, place, family),
// Back/Next and a step indicator, then POST /v1/permit/plan?lang= and the plan (plan-view.js).
import { get, post } from './api.js';
import { h, $, $$, fill } from './dom.js';
import { t, applyTexts, onLanguageChange } from './i18n.js';
import { clearErrors, showError } from './errors.js';
import { STEPS, buildSteps, familyRow, renumberFamily } from './planner-fields.js';
import { renderPlan } from './plan-view.js';
import { onViewOpen } from './views.js';
import { whyDetails } from './why.js';

let form;
let current = 0;
let grounds = [];
let cities = [];
let lastSituation = null;

function groundList(answer) {
  return Array.isArray(answer) ? answer : answer.grounds || [];
}

// What the chosen ground means: its permit kind, longest term and source, one click away.
function showGroundDocs() {
  const id = $('#plan-ground').value;
  const ground = grounds.find((g) => g.id === id);
  const box = $('#plan-ground-docs');
  if (!ground) box.replaceChildren();
  else {
    fill(box,
      ground.kind ? h('p', null, t(`web.plan.permit_kind.${ground.kind}`)) : null,
      ground.max_term_months ? h('p', null, t('web.plan.max_term'), ': ', t('web.plan.months_n', { n: ground.max_term_months })) : null,
      whyDetails(ground.citation));
  }
  $('#plan-family-ground').hidden = !(ground ? ground.family === true || id.startsWith('family_') : id.startsWith('family_'));
}

async function loadGrounds() {
  const select = $('#plan-ground');
  const chosen = select.value;
  grounds = groundList(await get('/v1/permit/grounds'));
  select.replaceChildren(h('option', { value: '' }, t('web.plan.ground.choose')),
    ...grounds.map((g) => h('option', { value: g.id }, g.name || g.id)));
  select.value = chosen;
  showGroundDocs();
}

async function loadCities() {
  if (!cities.length) cities = await get('/v1/cities');
  const select = $('#plan-city');
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, t('web.plan.city.other')),
    ...cities.map((c) => h('option', { value: c.id }, c.name || c.id)));
  select.value = chosen;
}

function renderIndicator() {
  const list = $('#plan-steps-nav');
  const result = !$('#plan-result').hidden;
  list.replaceChildren(...[...STEPS, 'result'].map((name, i) => {
    const state = result ? (name === 'result' ? 'current' : 'done') : i < current ? 'done' : i === current ? 'current' : 'todo';
    return h('li', { class: `step-item ${state}`, 'aria-current': state === 'current' ? 'step' : null },
      h('span', { class: 'step-number' }, String(i + 1)), ' ',
      h('span', { class: 'step-name' }, t(`web.plan.wizard.${name}`)));
  }));
}

function showStep(index, { focus = true } = {}) {
  current = Math.max(0, Math.min(STEPS.length - 1, index));
  $$('.plan-step', form).forEach((fs, i) => { fs.hidden = i !== current; });
  $('#plan-back').hidden = current === 0;
  $('#plan-next').textContent = t(current === STEPS.length - 1 ? 'web.plan.make' : 'web.plan.next');
  $('#plan-step-status').textContent = t('web.plan.step_of', { n: current + 1, total: STEPS.length + 1, name: t(`web.plan.wizard.${STEPS[current]}`) });
  renderIndicator();
  if (focus) {
    const first = $$('.plan-step', form)[current].querySelector('input:not([type=hidden]), select, textarea');
    if (first) first.focus();
  }
}

function kind() {
  const checked = $('input[name="plan-kind"]:checked', form);
  return checked ? checked.value : 'first';
}

function localError(path, key) {
  return { code: 'invalid_value', path, message: t(key) };
}

// Checks what the step needs before moving on; the server checks the rest.
function checkStep(index) {
  const name = STEPS[index];
  if (name === 'citizenship' && !$('#plan-country').value) return localError('citizenship', 'web.plan.error.citizenship');
  if (name === 'ground' && !$('#plan-ground').value) return localError('ground', 'web.plan.error.ground');
  if (name === 'kind' && kind() === 'first' && !$('#plan-last-entry').value) return localError('last_entry', 'web.plan.error.last_entry');
  if (name === 'kind' && kind() === 'renewal' && !$('#plan-permit-expires').value) return localError('permit_expires', 'web.plan.error.permit_expires');
  if (name === 'family') {
    const rows = $$('.family-row', form);
    for (const [i, row] of rows.entries()) {
      const age = $('.member-age', row).value;
      if (age === '' || !(+age >= 0 && +age <= 120)) return localError(`family[${i}].age`, 'web.plan.error.age');
    }
  }
  return null;
}

export function situation() {
  const s = { citizenship: $('#plan-country').value, ground: $('#plan-ground').value, kind: kind() };
  const age = $('#plan-age').value;
  if (age !== '') s.age = Number(age);
  if (s.kind === 'first') {
    s.last_entry = $('#plan-last-entry').value;
    const stamps = $('#plan-stamps').value.trim();
    if (stamps) s.stamps = stamps;
  } else {
    s.permit_expires = $('#plan-permit-expires').value;
    if ($('#plan-residence-since').value) s.residence_since = $('#plan-residence-since').value;
  }
  if ($('#plan-passport-expires').value) s.passport_expires = $('#plan-passport-expires').value;
  if ($('#plan-city').value) s.city = $('#plan-city').value;
  s.in_person = $('#plan-in-person').checked;
  if (!$('#plan-family-ground').hidden) {
    const joins = $('input[name="plan-joins"]:checked', form);
    if (joins) s.joins = joins.value;
    s.sponsor_employed = $('#plan-sponsor-employed').checked;
  }
  s.family = $$('.family-row', form).map((row) => ({
    relation: $('.member-relation', row).value, age: Number($('.member-age', row).value),
  }));
  return s;
}

function fail(error) {
  const field = showError(form, error, { focus: false });
  const fieldset = field && field.closest('.plan-step');
  if (fieldset) showStep(STEPS.indexOf(fieldset.dataset.step), { focus: false });
  if (field && field.focus) field.focus();
}

async function makePlan(sit = situation(), { focus = true } = {}) {
  const result = $('#plan-result');
  form.setAttribute('aria-busy', 'true');
  try {
    const on = $('#plan-on').value;
    const plan = await post('/v1/permit/plan', sit, { query: { on } });
    lastSituation = sit;
    renderPlan(result, plan, sit, { on, onEdit: editAnswers, onRestart: restart });
    form.hidden = true;
    result.hidden = false;
    renderIndicator();
    $('#plan-step-status').textContent = t('web.plan.ready');
    if (focus) result.focus();
  } catch (error) {
    fail(error);
  } finally {
    form.removeAttribute('aria-busy');
  }
}

function next() {
  clearErrors(form);
  const problem = checkStep(current);
  if (problem) {
    fail(problem);
    return;
  }
  if (current < STEPS.length - 1) showStep(current + 1);
  else makePlan();
}

function editAnswers() {
  $('#plan-result').hidden = true;
  form.hidden = false;
  showStep(STEPS.length - 1);
}

function restart() {
  form.reset();
  $('#plan-family').replaceChildren();
  $('#plan-result').hidden = true;
  lastSituation = null;
  form.hidden = false;
  syncKind();
  showGroundDocs();
  showStep(0);
}

function syncKind() {
  $('#plan-first-fields').hidden = kind() !== 'first';
  $('#plan-renewal-fields').hidden = kind() !== 'renewal';
}

function addMember() {
  const list = $('#plan-family');
  const row = familyRow(list.children.length);
  row.querySelector('.remove-member').addEventListener('click', () => {
    const sibling = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumberFamily(list);
    (sibling ? sibling.querySelector('.member-relation') : $('#plan-add-member')).focus();
  });
  list.append(row);
  renumberFamily(list);
  row.querySelector('.member-relation').focus();
}

export function setPlannerCitizenship(code) {
  if (code && !$('#plan-country').value) $('#plan-country').value = code;
}

export function initPlanner() {
  form = $('#plan-form');
  form.append(...buildSteps(),
    h('p', { id: 'plan-step-status', class: 'visually-hidden', 'aria-live': 'polite' }),
    h('div', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions wizard-actions' },
      h('button', { type: 'button', id: 'plan-back', class: 'btn btn-secondary', 'data-i18n': 'web.plan.back' }),
      h('button', { type: 'submit', id: 'plan-next', class: 'btn btn-primary' })));
  applyTexts(form);
  $('#plan-back').addEventListener('click', () => {
    clearErrors(form);
    showStep(current - 1);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    next();
  });
  for (const radio of $$('input[name="plan-kind"]', form)) radio.addEventListener('change', syncKind);
  $('#plan-ground').addEventListener('change', showGroundDocs);
  $('#plan-add-member').addEventListener('click', addMember);
  showStep(0, { focus: false });
  let loaded = false;
  onViewOpen('planner', () => {
    setPlannerCitizenship($('#calc-country').value);
    if (loaded) return;
    loaded = true;
    Promise.all([loadGrounds(), loadCities()]).catch((error) => fail(error));
  });
  onLanguageChange(() => {
    renumberFamily($('#plan-family'));
    showStep(current, { focus: false });
    if (loaded) loadGrounds().then(loadCities).catch((error) => fail(error));
    if (lastSituation && !$('#plan-result').hidden) makePlan(lastSituation, { focus: false });
  });
}
