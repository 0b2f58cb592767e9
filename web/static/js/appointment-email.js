// The e-mail that asks the police for an appointment to file in person (Belgrade, Novi Sad):
// always in Serbian (Latin), as the office reads it, with its meaning in the page's language.
// It is written by the same C++ as `boravak permit email` (POST /v1/permit/email), computed in
// the page by the WebAssembly engine, so the names and birth dates typed here stay on the
// device: the e-mail opens in the person's own mail program (a mailto: link) or is copied.
// Whether the office takes appointments by e-mail comes from the rules (offices.toml).
import { get } from './api.js';
import { h } from './dom.js';
import { t, currentLang } from './i18n.js';
import { compute } from './engine.js';
import { whyDetails } from './why.js';

const MAX_LINK = 1800;  // longer mailto: links are cut by some browsers and mail programs
let offices = null;
// Names and birth dates typed here, by the person's place in the plan: a new language or a
// changed answer redraws the plan without losing them. They never leave the page.
const typed = new Map();

function loadOffices() {
  if (!offices) offices = get('/v1/rules/permit/offices', { lang: false }).catch((error) => { offices = null; throw error; });
  return offices;
}

function mailLink(to, subject, body) {
  const withBody = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
  if (withBody.length <= MAX_LINK) return { href: withBody, whole: true };
  return { href: `mailto:${to}?subject=${encodeURIComponent(subject)}`, whole: false };
}

async function copyText(text, status, textarea) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    textarea.select();
    document.execCommand('copy');
  }
  status.textContent = t('web.plan.email.copied');
}

// Who files in person, with the name and birth date a saved situation may carry.
function inPerson(plan, situation) {
  return (plan.people || []).map((person, i) => {
    const from = typed.get(i) || (i === 0 ? situation : (situation.family || [])[i - 1]) || {};
    return { person, index: i, name: from.name || '', birth_date: from.birth_date || '' };
  }).filter((p) => p.person.filing === 'in_person');
}

function personInputs(p, onChange) {
  const id = `email-person-${p.index}`;
  const name = h('input', { type: 'text', id: `${id}-name`, value: p.name, autocomplete: p.index === 0 ? 'name' : 'off', spellcheck: 'false' });
  const birth = h('input', { type: 'date', id: `${id}-birth`, value: p.birth_date });
  const keep = () => {
    p.name = name.value.trim();
    p.birth_date = birth.value;
    typed.set(p.index, { name: p.name, birth_date: p.birth_date });
    onChange();
  };
  name.addEventListener('input', keep);
  birth.addEventListener('input', keep);
  return h('fieldset', { class: 'email-person' },
    h('legend', null, t('web.plan.person_n', { n: p.index + 1 })),
    h('div', { class: 'field' }, h('label', { for: name.id }, t('web.plan.email.full_name')), name),
    h('div', { class: 'field' }, h('label', { for: birth.id }, t('web.plan.email.birth_date')), birth));
}

async function fill(box, situation, plan, people) {
  const rules = await loadOffices();
  const office = (rules.city || []).find((c) => c.id === situation.city) || rules.default || {};
  if (office.appointment !== 'email') return;
  const ids = { subject: `email-subject-${Date.now().toString(36)}`, body: `email-body-${Date.now().toString(36)}` };
  const link = h('a', { class: 'btn btn-primary', 'data-testid': 'email-link' }, t('web.plan.email.open'));
  const longNote = h('p', { class: 'hint', 'data-testid': 'email-long', hidden: true }, t('web.plan.email.too_long'));
  const subject = h('input', { type: 'text', id: ids.subject, readonly: true, class: 'email-subject' });
  const body = h('textarea', { id: ids.body, readonly: true, rows: '14', spellcheck: 'false', 'data-testid': 'email-text' });
  const meaning = h('pre', { class: 'email-meaning', 'data-testid': 'email-meaning' });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const mine = currentLang() !== 'sr' && currentLang() !== 'sr-Cyrl';
  const writeTo = h('p');
  const officeLine = h('p');
  const actions = h('div', { class: 'actions' }, link);
  // Names in the plan's order; those who file online get none.
  const names = () => (plan.people || []).map((person, i) => {
    const p = people.find((q) => q.index === i);
    const one = {};
    if (p && p.name) one.name = p.name;
    if (p && p.birth_date) one.birth_date = p.birth_date;
    return one;
  });
  let asked = 0;
  const update = async () => {
    const mine_turn = ++asked;
    let mail;
    try {
      mail = await compute('/v1/permit/email', { situation, names: names() }, { query: { on: plan.on } });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    if (mine_turn !== asked) return;  // a newer answer is on its way
    if (mail.needed === false) {  // no appointment here, or nobody files in person
      status.textContent = mail.not_needed_because || '';
      actions.hidden = true;
      return;
    }
    writeTo.textContent = mail.to ? t('web.plan.email.write_to', { address: mail.to }) : t('web.plan.email.no_address');
    officeLine.textContent = mail.office_address ? t('web.plan.email.office', { address: mail.office_address }) : '';
    officeLine.hidden = !mail.office_address;
    actions.hidden = !mail.to;
    subject.value = mail.subject;
    body.value = mail.body;
    if (mine) meaning.textContent = mail.meaning || '';
    const made = mailLink(mail.to || '', mail.subject, mail.body);
    link.setAttribute('href', made.href);
    longNote.hidden = made.whole;
  };
  const step = (plan.steps || []).find((s) => s.id === 'appointment_email');
  box.append(...[
    writeTo,
    officeLine,
    h('p', { class: 'hint' }, t('web.plan.email.names_hint')),
    people.map((p) => personInputs(p, update)),
    actions,
    longNote,
    h('div', { class: 'field' }, h('label', { for: ids.subject }, t('web.plan.email.subject_label')), subject),
    h('div', { class: 'field' }, h('label', { for: ids.body }, t('web.plan.email.body_label')), body),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'email-copy',
        onclick: () => copyText(body.value, status, body) }, t('web.plan.email.copy'))),
    status,
    mine ? h('details', { class: 'why' }, h('summary', null, t('web.plan.email.meaning')), h('div', { class: 'why-body' }, meaning)) : null,
    step && step.why ? whyDetails(step.why) : null,
  ].flat().filter(Boolean));
  await update();
  box.hidden = false;
}

// The section, or null when nobody files in person; it stays hidden where the office gives
// appointments without e-mail.
export function emailSection(situation, plan) {
  const people = inPerson(plan, situation);
  if (!people.length) return null;
  const box = h('section', { class: 'card email-box', 'aria-labelledby': 'plan-email-h', 'data-testid': 'email', hidden: true },
    h('h3', { id: 'plan-email-h' }, t('web.plan.email.heading')));
  fill(box, situation, plan, people).catch(() => box.remove());
  return box;
}
