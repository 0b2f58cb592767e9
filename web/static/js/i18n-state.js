// The chosen language, kept apart from i18n.js so that api.js can read it without a cycle.
export const LANGS = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];
let lang = 'en';

export function currentLang() {
  return lang;
}

export function setCurrentLang(code) {
  lang = code;
}

// The BCP 47 tag for <html lang>: our "sr" is Serbian in Latin script.
export function htmlLang(code = lang) {
  return code === 'sr' ? 'sr-Latn' : code;
}

// The locale for Intl formats (English dates as "21 November 2026", like the CLI).
export function localeTag(code = lang) {
  return code === 'en' ? 'en-GB' : htmlLang(code);
}
