// The citizenship pickers: GET /v1/countries, names shown in the chosen language.
import { get } from './api.js';
import { h, $$ } from './dom.js';
import { t, countryName, onLanguageChange, localeTag } from './i18n.js';

let countries = [];

export function countryInfo(code) {
  return countries.find((c) => c.code === code) || null;
}

// Every country as an <option>, sorted by its name in the chosen language.
export function countryOptions() {
  return countries
    .map((c) => ({ code: c.code, name: countryName(c.code, c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, localeTag()))
    .map((c) => h('option', { value: c.code }, `${c.name} (${c.code})`));
}

function fill(select) {
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '' }, t('web.field.citizenship.choose')), ...countryOptions());
  select.value = chosen;
}

export function fillAll() {
  for (const select of $$('.country-select')) fill(select);
}

export async function loadCountries() {
  countries = await get('/v1/countries', { lang: false });
  fillAll();
  onLanguageChange(fillAll);
}
