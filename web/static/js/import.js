// Import of an exported profile (the file GET /v1/profile/export gives): the person picks the
// file, the page says what it holds and, only once the person confirms, makes a new profile
// (POST /v1/profiles), adds its settings (PATCH /v1/profile) and every family member, trip,
// permit and reminder (POST /v1/profile/{collection}), with its progress and every item the
// server refuses, with the server's reason. Then the new profile is opened in the page.
import { request, post } from './api.js';
import { h, $ } from './dom.js';
import { t, formatDate, formatNumber } from './i18n.js';
import { isIsoDate } from './dates.js';
import { messageOf } from './errors.js';
import { confirmDialog } from './confirm.js';
import { currentSecret, adoptProfile } from './profile.js';

// Family first: a reminder names a family member by the id it gets here.
const COLLECTIONS = ['family', 'trips', 'permits', 'reminders'];
const ITEM_FIELDS = ['id', 'created', 'updated'];  // the server's own, never sent back
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_ITEMS = 1000;
let chosen = null;   // the file's contents, waiting for the person's yes
let running = false;

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function day(value) {
  return isIsoDate(value) ? formatDate(value) : String(value ?? '');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// {settings, plan, items: [{collection, item}]}; throws an Error with a sentence for the person.
async function readExport(file) {
  if (file.size > MAX_BYTES) throw new Error(t('web.profile.import.too_big'));
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error(t('web.profile.import.not_json'));
  }
  if (!isObject(data) || !(isObject(data.settings) || COLLECTIONS.some((c) => Array.isArray(data[c])))) {
    throw new Error(t('web.profile.import.not_profile'));
  }
  const settings = {};
  let plan = null;
  for (const [key, value] of Object.entries(isObject(data.settings) ? data.settings : {})) {
    if (key === 'plan') plan = isObject(value) ? value : null;
    else if (value !== null && value !== '') settings[key] = value;
  }
  const items = COLLECTIONS.flatMap((collection) => (Array.isArray(data[collection]) ? data[collection] : [])
    .filter(isObject).map((item) => ({ collection, item })));
  if (items.length > MAX_ITEMS) throw new Error(t('web.profile.import.too_many', { n: formatNumber(MAX_ITEMS) }));
  return { settings, plan, items };
}

function describe(collection, item) {
  if (collection === 'trips') {
    return t('web.profile.import.item.trip', { entry: day(item.entry), exit: item.exit ? day(item.exit) : t('web.timeline.still_here') });
  }
  if (collection === 'permits') {
    return t('web.profile.import.item.permit', { ground: String(item.ground ?? ''), from: day(item.from), until: day(item.until) });
  }
  if (collection === 'family') {
    return t('web.profile.import.item.family', { name: String(item.name || item.relation || '') });
  }
  return t('web.profile.import.item.reminder', { date: day(item.on), note: String(item.note || item.kind || '') });
}

// One request, waiting and trying again when the server asks for a pause (429).
async function send(method, path, body, secret) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request(method, path, { body, secret });
    } catch (error) {
      if (error.code !== 'rate_limited' || attempt >= 5) throw error;
      await sleep(1500 * (attempt + 1));
    }
  }
}

// A refusal of one item is reported and the import goes on; a lost connection, a gone
// profile or a server failure stops it.
function stops(error) {
  return !error.status || error.status === 401 || error.status >= 500;
}

function showCounts({ settings, plan, items }) {
  const count = (c) => items.filter((i) => i.collection === c).length;
  const lines = [
    Object.keys(settings).length ? t('web.profile.import.has.settings') : null,
    plan ? t('web.profile.import.has.plan') : null,
    ...COLLECTIONS.map((c) => (count(c) ? t(`web.profile.import.has.${c}`, { n: formatNumber(count(c)) }) : null)),
  ].filter(Boolean);
  $('#import-summary').textContent = lines.length ? t('web.profile.import.summary') : t('web.profile.import.empty');
  $('#import-counts').replaceChildren(...lines.map((line) => h('li', null, line)));
}

function setStatus(text, isError = false) {
  $('#import-status').textContent = text;
  $('#import-status').classList.toggle('error-text', isError);
}

function refused(text, reason) {
  $('#import-refused').hidden = false;
  $('#import-refused-list').append(h('li', null, h('strong', null, text), ': ', reason));
}

// PATCH the settings; a field the server refuses is reported and the rest sent again.
async function importSettings(settings, secret) {
  const left = { ...settings };
  for (let round = 0; round <= Object.keys(settings).length && Object.keys(left).length; round += 1) {
    try {
      await send('PATCH', '/v1/profile', left, secret);
      return Object.keys(left).length;
    } catch (error) {
      const field = (error.path || '').split(/[.[]/)[0];
      if (stops(error) || !(field in left)) throw error;
      refused(t('web.profile.import.item.setting', { field }), messageOf(error));
      delete left[field];
    }
  }
  return 0;
}

async function run(data) {
  running = true;
  const total = 1 + (data.plan ? 1 : 0) + data.items.length;
  let done = 0;
  let imported = 0;
  const progress = $('#import-progress');
  progress.max = total;
  progress.value = 0;
  progress.hidden = false;
  $('#import-refused-list').replaceChildren();
  $('#import-refused').hidden = true;
  const step = () => {
    done += 1;
    progress.value = done;
    if (total <= 20 || done % 10 === 0 || done === total) {
      setStatus(t('web.profile.import.progress', { done: formatNumber(done), total: formatNumber(total) }));
    }
  };
  let secret = null;
  try {
    setStatus(t('web.profile.import.making'));
    secret = (await post('/v1/profiles', {})).secret;
    if (Object.keys(data.settings).length) imported += (await importSettings(data.settings, secret)) ? 1 : 0;
    step();
    if (data.plan) {
      try {
        await send('PATCH', '/v1/profile', { plan: data.plan }, secret);
        imported += 1;
      } catch (error) {
        if (stops(error)) throw error;
        refused(t('web.profile.import.item.plan'), messageOf(error));
      }
      step();
    }
    const familyIds = new Map();
    for (const { collection, item } of data.items) {
      const body = Object.fromEntries(Object.entries(item).filter(([key]) => !ITEM_FIELDS.includes(key)));
      // A reminder about a family member names that member's new id, or none if it was refused.
      if (collection === 'reminders' && body.family_id !== undefined && body.family_id !== null) {
        body.family_id = familyIds.get(body.family_id) ?? null;
      }
      try {
        const made = await send('POST', `/v1/profile/${collection}`, body, secret);
        if (collection === 'family' && item.id !== undefined && made) familyIds.set(item.id, made.id);
        imported += 1;
      } catch (error) {
        if (stops(error)) throw error;
        refused(describe(collection, item), messageOf(error));
      }
      step();
    }
    setStatus(t('web.profile.import.finished', { n: formatNumber(imported), total: formatNumber(total) }));
  } catch (error) {
    setStatus(secret ? t('web.profile.import.stopped', { message: messageOf(error) }) : messageOf(error), true);
  } finally {
    running = false;
  }
  if (secret) await adoptProfile(secret, { statusKey: 'web.profile.import.done', params: { n: formatNumber(imported) } });
}

function reset() {
  chosen = null;
  $('#import-confirm').hidden = true;
  $('#import-file').value = '';
}

async function onFile() {
  const file = $('#import-file').files[0];
  $('#import-confirm').hidden = true;
  $('#import-progress').hidden = true;
  $('#import-refused').hidden = true;
  setStatus('');
  if (!file) return;
  try {
    chosen = await readExport(file);
  } catch (error) {
    chosen = null;
    setStatus(error.message, true);
    return;
  }
  showCounts(chosen);
  $('#import-replace').hidden = !currentSecret();
  $('#import-start').disabled = !(chosen.items.length || chosen.plan || Object.keys(chosen.settings).length);
  $('#import-confirm').hidden = false;
  $('#import-summary').focus();
}

async function start() {
  if (!chosen || running) return;
  if (currentSecret()) {
    const ok = await confirmDialog(t('web.profile.import.replace.confirm'), t('web.profile.import.start'), t('web.profile.import.cancel'));
    if (!ok) return;
  }
  const data = chosen;
  reset();
  await run(data);
}

export function initImport() {
  $('#import-file').addEventListener('change', onFile);
  $('#import-start').addEventListener('click', start);
  $('#import-cancel').addEventListener('click', () => {
    reset();
    setStatus(t('web.profile.import.cancelled'));
    $('#import-file').focus();
  });
}
