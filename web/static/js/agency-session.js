// The agency workspace's session: the secret (owner, staff or viewer) lives in sessionStorage
// only, so it is gone when the tab closes, and never in the address. Every agency route takes it
// as `Authorization: Bearer …` (docs/contracts/agency-api.md). The other agency modules import
// this one, never each other's internals through agency.js, so there is no import cycle.
import { request } from './api.js';
import { $, h, downloadBlob } from './dom.js';
import { t, applyTexts } from './i18n.js';
import { messageOf } from './errors.js';

const STORAGE_KEY = 'boravak.agency';
let secret = null;
let owner = false;             // the export answered: this secret is the owner's
const signedOut = new Set();   // told when a secret stops working (401) or the person signs out

export function agencySecret() {
  return secret;
}

export function isOwner() {
  return owner;
}

export function setOwner(value) {
  owner = Boolean(value);
}

export function storedSecret() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function keepSecret(value) {
  secret = value || null;
  if (!secret) owner = false;
  try {
    if (secret) sessionStorage.setItem(STORAGE_KEY, secret);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the secret lasts while the page is open
  }
}

export function onSignOut(listener) {
  signedOut.add(listener);
}

export function signOut(reasonKey = null) {
  keepSecret(null);
  for (const listener of signedOut) listener(reasonKey);
}

// A request with the agency's secret. A 401 means the secret no longer opens the agency (it was
// replaced or its member removed): the page signs out and says so.
export async function agencyRequest(method, path, options = {}) {
  try {
    return await request(method, path, { ...options, secret });
  } catch (error) {
    if (error.status === 401 && secret) signOut('web.agency.error.secret');
    throw error;
  }
}

// The sentence for a failed agency request: the server's own words, except for a secret that
// opens nothing (the general text speaks of profile links).
export function agencyMessage(error) {
  if (error && error.status === 401) return t('web.agency.error.secret');
  return messageOf(error);
}

// Shows a sentence in a status region; `error` marks it as a failure.
export function say(box, text, error = false) {
  box.textContent = text || '';
  box.classList.toggle('error-text', Boolean(error && text));
}

// Fetches a file with the secret and hands it to the browser as a download.
export async function download(path, query, filename) {
  const response = await agencyRequest('GET', path, { query, as: 'response' });
  downloadBlob(await response.blob(), filename);
}

// A new secret, shown once: the warning, the secret in a read-only field, Copy, and "I saved
// it", which removes the secret from the page and moves focus to `after`. `box` is refilled;
// `heading` is the level that fits where the box sits.
export function showSecretOnce(box, value, warning, { after = null, heading = 'h3' } = {}) {
  const id = `${box.id}-value`;
  const input = h('input', { type: 'text', id, class: 'secret-value', readonly: true, spellcheck: 'false', autocomplete: 'off', value });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      document.execCommand('copy');
    }
    say(status, t('web.agency.secret.copied'));
  };
  const done = () => {
    box.replaceChildren();
    box.hidden = true;
    if (after) after.focus();
  };
  box.replaceChildren(
    h(heading, { id: `${box.id}-heading`, tabindex: '-1', 'data-i18n': 'web.agency.secret.heading' }),
    h('p', { class: 'warning-inline' }, warning),
    h('div', { class: 'field' },
      h('label', { for: id, 'data-i18n': 'web.agency.secret.label' }),
      h('div', { class: 'copy-row' }, input,
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: copy, 'data-i18n': 'web.agency.secret.copy' }))),
    status,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: done, 'data-i18n': 'web.agency.secret.done' })));
  applyTexts(box);
  box.hidden = false;
  $(`#${box.id}-heading`, box).focus();
}
