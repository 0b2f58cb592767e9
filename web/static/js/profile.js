// Profiles without passwords: the secret in a bookmarkable link (#p=…) and in localStorage.
// Save = POST /v1/profiles (once), then the trips (POST/DELETE /v1/profile/trips) and the
// citizenship (PATCH /v1/profile); a reload loads GET /v1/profile back into the calculator,
// and a plan saved from the planner (settings.plan) back into the planner. The Profile card is
// always there: its Telegram part (telegram.js) and the import of an exported profile
// (import.js) work with no profile yet.
import { request, get, post, filenameFrom } from './api.js';
import { $, downloadBlob } from './dom.js';
import { t, currentLang, setLanguage, hasStoredLanguage } from './i18n.js';
import { messageOf } from './errors.js';
import { staysForSaving, setStays, setCitizenship, citizenship, calculate, resetCalculator } from './calculator.js';
import { setPlannerCitizenship, fillPlanner } from './planner.js';
import { setVisarunCity } from './visarun.js';
import { initImport } from './import.js';
import { confirmDialog } from './confirm.js';

const STORAGE_KEY = 'boravak.profile';
let secret = null;
const listeners = new Set();

export function currentSecret() {
  return secret;
}

// Told whenever the open profile changes (or goes): telegram.js drops an old code.
export function onProfileChange(listener) {
  listeners.add(listener);
}

function store(value) {
  const changed = value !== secret;
  secret = value;
  if (changed) for (const listener of listeners) listener(value);
  try {
    if (value) localStorage.setItem(STORAGE_KEY, value);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the link still works
  }
}

function status(key, params, isError = false) {
  const box = $('#profile-status');
  box.textContent = key ? t(key, params) : '';
  box.classList.toggle('error-text', isError);
}

function statusError(error) {
  const box = $('#profile-status');
  box.textContent = messageOf(error);
  box.classList.add('error-text');
}

export function profileLink() {
  return `${location.origin}/#p=${secret}`;
}

function showBox() {
  $('#profile-box').hidden = !secret;
  $('#profile-none').hidden = Boolean(secret);
  $('#profile-link').value = secret ? profileLink() : '';
  $('#profile-save').textContent = t(secret ? 'web.profile.update' : 'web.profile.save');
}

const tripKey = (trip) => `${trip.entry}|${trip.exit || ''}`;

async function save() {
  status(null);
  const stays = await staysForSaving();
  if (!stays) return;
  try {
    if (!secret) {
      const created = await post('/v1/profiles', {});
      store(created.secret);
    }
    const profile = await get('/v1/profile', { secret });
    const wanted = new Map(stays.map((st) => [tripKey(st), st]));
    for (const trip of profile.trips || []) {
      if (wanted.has(tripKey(trip))) wanted.delete(tripKey(trip));
      else await request('DELETE', `/v1/profile/trips/${encodeURIComponent(trip.id)}`, { secret });
    }
    for (const st of wanted.values()) {
      await post('/v1/profile/trips', { entry: st.entry, exit: st.exit || null }, { secret });
    }
    const settings = { lang: currentLang() };
    if (citizenship()) settings.citizenship = citizenship();
    await request('PATCH', '/v1/profile', { body: settings, secret });
    showBox();
    status('web.profile.saved', { n: stays.length });
    $('#profile-link').focus();
    $('#profile-link').select();
  } catch (error) {
    if (error.status === 401) forget();
    statusError(error);
  }
}

// "Save this plan in my profile": PATCH /v1/profile {"plan": situation}, after making a
// profile when there is none. Resolves to {created}; throws an Error whose `shown` is the
// sentence to show.
export async function savePlan(situation) {
  let created = false;
  try {
    if (!secret) {
      const made = await post('/v1/profiles', {});
      store(made.secret);
      created = true;
      showBox();
    }
    await request('PATCH', '/v1/profile', { body: { plan: situation }, secret });
    status('web.plan.save.done');
    return { created };
  } catch (error) {
    if (error.status === 401) forget();
    const failure = new Error(messageOf(error));
    failure.shown = failure.message;
    throw failure;
  }
}

// Loads the open profile into the page; true when it worked.
export async function loadProfile() {
  if (!secret) return false;
  try {
    const profile = await get('/v1/profile', { secret });
    const settings = profile.settings || {};
    // A link opened on a new device speaks the language the profile was saved in.
    if (settings.lang && settings.lang !== currentLang() && !hasStoredLanguage()) {
      await setLanguage(settings.lang, { remember: false }).catch(() => {});
    }
    setCitizenship(settings.citizenship);
    setPlannerCitizenship(settings.citizenship);
    setVisarunCity(settings.city);
    if (settings.plan) fillPlanner(settings.plan);
    const trips = [...(profile.trips || [])].sort((a, b) => a.entry.localeCompare(b.entry));
    showBox();
    if (trips.length) {
      setStays(trips.map((trip) => ({ entry: trip.entry, exit: trip.exit || '' })));
      status('web.profile.loaded', { n: trips.length });
      if (citizenship()) await calculate({ announce: false });
    } else {
      status('web.profile.loaded_empty');
    }
    return true;
  } catch (error) {
    if (error.status === 401) {
      forget();
      status('web.profile.gone', {}, true);
    } else {
      statusError(error);
    }
    return false;
  }
}

// Opens a profile this browser just received a secret for (POST /v1/profiles/claim): kept
// like a new profile, loaded into the calculator, its private link shown and selected.
export async function adoptProfile(newSecret, { statusKey = 'web.profile.claim.done', params = {} } = {}) {
  const hadProfile = Boolean(secret) && secret !== newSecret;
  store(newSecret);
  if (hadProfile) resetCalculator();
  showBox();
  if (!(await loadProfile())) return false;
  status(statusKey, params);
  $('#profile-link').focus();
  $('#profile-link').select();
  return true;
}

function forget() {
  store(null);
  showBox();
}

async function copyLink() {
  const input = $('#profile-link');
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    document.execCommand('copy');
  }
  status('web.profile.copied');
}

async function exportProfile() {
  try {
    const response = await request('GET', '/v1/profile/export', { secret, as: 'response', lang: false });
    downloadBlob(await response.blob(), filenameFrom(response, 'boravak-profile.json'));
    status('web.profile.exported');
  } catch (error) {
    statusError(error);
  }
}

async function deleteProfile() {
  const ok = await confirmDialog(t('web.profile.delete.confirm'), t('web.profile.delete.yes'), t('web.profile.delete.no'));
  if (!ok) return;
  try {
    await request('DELETE', '/v1/profile', { secret, lang: false });
    forget();
    resetCalculator();
    status('web.profile.deleted');
    $('#profile-save').focus();
  } catch (error) {
    if (error.status === 401) forget();
    statusError(error);
  }
}

// The secret from a #p= fragment (which then leaves the address bar) or from storage.
function secretFromPage() {
  const match = /^#p=([A-Za-z0-9_-]{16,128})$/.exec(location.hash);
  if (match) {
    store(match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function initProfile() {
  secret = secretFromPage();
  $('#profile-save').addEventListener('click', save);
  $('#profile-copy').addEventListener('click', copyLink);
  $('#profile-export').addEventListener('click', exportProfile);
  $('#profile-delete').addEventListener('click', deleteProfile);
  initImport();
  window.addEventListener('hashchange', () => {
    const before = secret;
    const now = secretFromPage();
    if (now && now !== before) loadProfile();
  });
  showBox();
}

export function refreshProfileTexts() {
  showBox();
}
