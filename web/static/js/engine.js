// The page's own engine: the server's C++ core and stay use cases compiled to WebAssembly
// (src/web). The calculator, the visa run and the permit plan are computed here, so they answer
// at once, work offline, and send no travel dates anywhere. A browser without WebAssembly, or a route the
// engine does not compute, asks the server instead, which gives the same answer.
import createEngine from '../wasm/boravak-engine.js';
import { ApiError, post } from './api.js';
import { currentLang } from './i18n-state.js';

let loading = null;

// The engine, instantiated once; null where WebAssembly is unavailable or fails to load.
export function loadEngine() {
  if (!loading) {
    loading = typeof WebAssembly === 'object'
      ? createEngine({ locateFile: (file) => new URL(`../wasm/${file}`, import.meta.url).href })
        .then((engine) => {
          // Reads the embedded rules and this language's catalog now, while the person is still
          // typing, rather than at the first answer (a route it does not know answers 404).
          setTimeout(() => engine.ccall('boravak_answer', 'string', ['string', 'string', 'string'],
            ['/v1/warm-up', '{}', currentLang()]), 0);
          return engine;
        })
        .catch(() => null)
      : Promise.resolve(null);
  }
  return loading;
}

// The engine's answer to one route: {status, body}, or null when the engine cannot answer it.
export async function computeHere(path, body, lang = currentLang()) {
  const engine = await loadEngine();
  if (!engine) return null;
  const answer = JSON.parse(engine.ccall('boravak_answer', 'string', ['string', 'string', 'string'],
    [path, JSON.stringify(body), lang]));
  return answer.status === 200 || answer.status === 400 || answer.status === 422 ? answer : null;
}

// Like post(path, body, {query}), computed in the page when it can be; the server's ApiError
// otherwise. Only `on` goes in the query (the language is the page's).
export async function compute(path, body, { query } = {}) {
  const on = query && query.on ? `?on=${encodeURIComponent(query.on)}` : '';
  const answer = await computeHere(path + on, body);
  if (!answer) {
    document.documentElement.dataset.engine = 'server';
    return post(path, body, { query });
  }
  document.documentElement.dataset.engine = 'wasm';
  if (answer.status !== 200) {
    const e = answer.body.error;
    throw new ApiError(answer.status, e.code, e.message, e.path);
  }
  return answer.body;
}
