// The HTTP API of `boravak serve` (docs/api.md). Every failure becomes an ApiError carrying the
// server's {code, message, path}, so forms can show it next to the field it names.
import { currentLang } from './i18n-state.js';

export class ApiError extends Error {
  constructor(status, code, message, path = '') {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path || '';
  }
}

function buildUrl(path, query) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

async function errorFrom(response) {
  try {
    const body = await response.json();
    if (body && body.error) {
      const e = body.error;
      return new ApiError(response.status, e.code || 'error', e.message || '', e.path || '');
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
}

// request('POST', '/v1/stay/report', {body, secret, query, as: 'json'|'blob'|'response'}); with
// `contentType` the body (a string or a Blob) is sent as it is, under that type (a CSV upload).
export async function request(method, path, options = {}) {
  const { body, secret, query, as = 'json', lang = true, contentType } = options;
  const headers = { Accept: as === 'json' ? 'application/json' : '*/*' };
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  if (secret) headers.Authorization = `Bearer ${secret}`;
  const q = { ...(query || {}) };
  if (lang && !('lang' in q)) q.lang = currentLang();
  let response;
  try {
    response = await fetch(buildUrl(path, q), {
      method,
      headers,
      body: body === undefined || contentType ? body : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(0, 'network', err.message);
  }
  if (!response.ok) throw await errorFrom(response);
  if (as === 'response') return response;
  if (as === 'blob') return response.blob();
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });

// The file name a Content-Disposition header suggests, or the fallback.
export function filenameFrom(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}
