// Texts of the page from GET /v1/texts/{lang} (the web.* keys of i18n/<lang>/web.po), the
// language switcher, and dates and numbers in the chosen language.
import { get } from './api.js';
import { LANGS, currentLang, setCurrentLang, htmlLang, localeTag } from './i18n-state.js';
import { $$ } from './dom.js';
import { toUtcDate } from './dates.js';

const STORAGE_KEY = 'boravak.lang';
const cache = new Map();
const listeners = new Set();
let texts = {};

export { currentLang, LANGS, localeTag };

// t('web.calc.stay_n', {n: 2}) fills {name} placeholders; a missing key shows as itself.
export function t(key, params = {}) {
  const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function hasText(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

export function formatDate(iso, style = 'long') {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeTag(), { dateStyle: style, timeZone: 'UTC' }).format(toUtcDate(iso));
}

export function formatShortMonth(iso) {
  return new Intl.DateTimeFormat(localeTag(), { month: 'short', timeZone: 'UTC' }).format(toUtcDate(iso));
}

export function formatNumber(n) {
  return new Intl.NumberFormat(localeTag()).format(n);
}

export function formatRsd(amount) {
  return t('web.money.rsd', { amount: formatNumber(amount) });
}

// A country's name in the chosen language, or the server's English name.
export function countryName(code, fallback) {
  try {
    const name = new Intl.DisplayNames([localeTag()], { type: 'region' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // unknown to this browser (e.g. XK): use the server's name
  }
  return fallback || code;
}

// Puts the texts into every element marked with data-i18n (text), data-i18n-aria,
// data-i18n-placeholder or data-i18n-title.
export function applyTexts(root = document) {
  for (const node of $$('[data-i18n]', root)) node.textContent = t(node.dataset.i18n);
  for (const node of $$('[data-i18n-aria]', root)) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  for (const node of $$('[data-i18n-placeholder]', root)) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of $$('[data-i18n-title]', root)) node.title = t(node.dataset.i18nTitle);
}

// First visit: the first of navigator.languages we have. Plain "sr" is Cyrillic (as in CLDR).
export function pickLanguage(preferred = navigator.languages || [navigator.language]) {
  for (const tag of preferred) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith('sr-latn') || lower === 'sr-me' || /^(hr|bs|sh)\b/.test(lower)) return 'sr';
    if (lower.startsWith('sr')) return 'sr-Cyrl';
    if (lower.startsWith('ru') || lower.startsWith('be')) return 'ru';
    if (lower.startsWith('uk')) return 'uk';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function hasStoredLanguage() {
  try {
    return LANGS.includes(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

export function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage blocked: fall back to the browser's languages
  }
  return LANGS.includes(stored) ? stored : pickLanguage();
}

async function loadTexts(code) {
  if (!cache.has(code)) {
    const answer = await get(`/v1/texts/${encodeURIComponent(code)}`, { lang: false });
    cache.set(code, answer.texts || {});
  }
  return cache.get(code);
}

// Loads and applies a language; remembers it; tells every listener to redraw.
export async function setLanguage(code, { remember = true } = {}) {
  if (!LANGS.includes(code)) code = 'en';
  texts = await loadTexts(code);
  setCurrentLang(code);
  document.documentElement.lang = htmlLang(code);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  applyTexts();
  for (const listener of listeners) listener(code);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}
