// The permit planner: one step at a time (citizenship, ground, first or renewal, place, family),
// Back/Next and a step indicator, then POST /v1/permit/plan?lang= and the plan (plan-view.js).
// A plan saved in the profile (settings.plan, the situation exactly as sent) fills the steps.
import { get } from './api.js';
import { compute } from './engine.js';
import { h, $, $$, fill } from './dom.js';
import { t, applyTexts, onLanguageChange } from './i18n.js';
import { clearErrors, showError } from './errors.js';
import { STEPS, buildSteps, familyRow, renumberFamily } from './planner-fields.js';
import { renderPlan } from './plan-view.js';
import { onViewOpen } from './views.js';
import { whyDetails } from './why.js';
import { savePlan } from './profile.js';

let form;
let current = 0;
let grounds = [];
let cities = [];
let lastSituation = null;
let loading = null;       // the grounds and cities, once the planner was first opened
let savedPlan = null;     // a saved situation waiting for the grounds and cities
let makeOnOpen = false;   // a saved plan was filled in while the planner was closed
let extras = {};          // fields of a saved situation the steps do not ask (name, term_months)

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
  cities = await get('/v1/cities');  // names in the page's language
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
  s.family = $$('.family-row', form).map((row) => {
    const member = { ...(row.extras || {}), relation: $('.member-relation', row).value, age: Number($('.member-age', row).value) };
    const citizenship = $('.member-citizenship', row).value;
    if (citizenship) member.citizenship = citizenship;
    else delete member.citizenship;
    return member;
  });
  return { ...extras, ...s };
}

function setChecked(name, value) {
  const radio = $(`input[name="${name}"][value="${value}"]`, form);
  if (radio) radio.checked = true;
}

// Puts a saved situation into the steps; what they do not ask is kept and sent again.
function applySituation(sit) {
  const known = ['citizenship', 'ground', 'kind', 'age', 'last_entry', 'stamps', 'permit_expires', 'residence_since',
    'passport_expires', 'city', 'in_person', 'joins', 'sponsor_employed', 'family'];
  extras = Object.fromEntries(Object.entries(sit).filter(([key]) => !known.includes(key)));
  $('#plan-country').value = sit.citizenship || '';
  $('#plan-age').value = sit.age ?? '';
  $('#plan-ground').value = sit.ground || '';
  setChecked('plan-kind', sit.kind === 'renewal' ? 'renewal' : 'first');
  const dates = { last_entry: '#plan-last-entry', permit_expires: '#plan-permit-expires',
    residence_since: '#plan-residence-since', passport_expires: '#plan-passport-expires' };
  for (const [key, selector] of Object.entries(dates)) $(selector).value = sit[key] || '';
  $('#plan-stamps').value = sit.stamps || '';
  $('#plan-city').value = sit.city || '';
  if ($('#plan-city').selectedIndex < 0) $('#plan-city').value = '';
  $('#plan-in-person').checked = sit.in_person === true;
  if (sit.joins) setChecked('plan-joins', sit.joins);
  $('#plan-sponsor-employed').checked = sit.sponsor_employed === true;
  $('#plan-family').replaceChildren();
  for (const member of sit.family || []) addMember(member, { focus: false });
  syncKind();
  showGroundDocs();
}

// A plan saved in the profile: filled in once the planner's lists are loaded, and made when
// the planner is open.
export function fillPlanner(sit) {
  if (!sit || typeof sit !== 'object') return;
  savedPlan = sit;
  if (loading) loading.then(useSavedPlan);
}

function useSavedPlan() {
  if (!savedPlan) return;
  const sit = savedPlan;
  savedPlan = null;
  applySituation(sit);
  $('#plan-saved-note').hidden = false;
  showStep(0, { focus: false });
  if (!$('#view-planner').hidden) makePlan(situation(), { focus: false });
  else makeOnOpen = true;
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
    const plan = await compute('/v1/permit/plan', sit, { query: { on } });
    lastSituation = sit;
    renderPlan(result, plan, sit, { on, onEdit: editAnswers, onRestart: restart, onSave: savePlan });
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
  extras = {};
  makeOnOpen = false;
  $('#plan-saved-note').hidden = true;
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

function addMember(member = undefined, { focus = true } = {}) {
  const list = $('#plan-family');
  const row = familyRow(list.children.length, member);
  if (member) {
    const { relation, age, citizenship, ...rest } = member;
    row.extras = rest;  // name, birth_date: kept, not asked
  }
  row.querySelector('.remove-member').addEventListener('click', () => {
    const sibling = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumberFamily(list);
    (sibling ? sibling.querySelector('.member-relation') : $('#plan-add-member')).focus();
  });
  list.append(row);
  renumberFamily(list);
  if (focus) row.querySelector('.member-relation').focus();
}

export function setPlannerCitizenship(code) {
  if (code && !$('#plan-country').value) $('#plan-country').value = code;
}

export function initPlanner() {
  form = $('#plan-form');
  form.append(h('p', { id: 'plan-saved-note', class: 'hint', 'data-i18n': 'web.plan.saved.loaded', hidden: true }), ...buildSteps(),
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
  $('#plan-add-member').addEventListener('click', () => addMember());
  showStep(0, { focus: false });
  onViewOpen('planner', () => {
    if (loading) {
      if (savedPlan) loading.then(useSavedPlan);
      else setPlannerCitizenship($('#calc-country').value);
      if (makeOnOpen && !savedPlan) {
        makeOnOpen = false;
        if ($('#plan-result').hidden) makePlan(situation(), { focus: false });
      }
      return;
    }
    if (!savedPlan) setPlannerCitizenship($('#calc-country').value);
    loading = Promise.all([loadGrounds(), loadCities()]).then(useSavedPlan).catch((error) => {
      loading = null;
      fail(error);
    });
  });
  onLanguageChange(() => {
    renumberFamily($('#plan-family'));
    showStep(current, { focus: false });
    if (loading) loadGrounds().then(loadCities).catch((error) => fail(error));
    if (lastSituation && !$('#plan-result').hidden) makePlan(lastSituation, { focus: false });
  });
}
