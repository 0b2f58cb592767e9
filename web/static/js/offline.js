// Offline use: registers the service worker (/sw.js, scope "/") that keeps the page, its engine
// and the answers its views read, asks it to cache the views of the chosen language, and says
// so politely while the device is offline. The calculator computes in the page (engine.js), so
// it answers offline too; saving a profile needs the server.
import { $ } from './dom.js';
import { t, hasText, currentLang, onLanguageChange } from './i18n.js';
import { todayInBelgrade } from './dates.js';
import { get } from './api.js';
import { currentSecret } from './profile.js';

const NOTICE_ID = 'offline-status';

// A live region at the top of <main>, empty while online: a line appears in it when the
// device goes offline, and goes when it is back.
function noticeRegion() {
  const existing = document.getElementById(NOTICE_ID);
  const main = $('#main');
  if (existing || !main) return existing;
  const region = document.createElement('div');
  region.id = NOTICE_ID;
  region.setAttribute('role', 'status');
  main.prepend(region);
  return region;
}

function showNotice() {
  const region = noticeRegion();
  if (!region) return;
  if (navigator.onLine !== false || !hasText('web.offline.notice')) {
    region.replaceChildren();
    return;
  }
  let line = region.firstElementChild;
  if (!line) {
    line = document.createElement('p');
    line.className = 'alert alert-info';
    region.append(line);
  }
  line.textContent = t('web.offline.notice');
}

// The browser's service workers, or null where there are none (an old browser, some private
// modes, a page not in a secure context).
function workers() {
  try {
    return 'serviceWorker' in navigator && navigator.serviceWorker ? navigator.serviceWorker : null;
  } catch {
    return null;
  }
}

// Asks the worker to cache what the views read in the chosen language (it skips what it has).
async function warm(container) {
  if (navigator.onLine === false || !hasText('web.title')) return;
  const registration = await container.ready;
  if (registration.active) registration.active.postMessage({ type: 'warm', lang: currentLang(), on: todayInBelgrade() });
}

export function registerOffline() {
  showNotice();
  window.addEventListener('online', showNotice);
  window.addEventListener('offline', showNotice);
  const container = workers();
  onLanguageChange(() => {
    showNotice();
    if (container) warm(container).catch(() => {});
  });
  if (!container) return;

  // The first visit's page comes under the worker once it is active: the saved profile it
  // loaded before then is loaded once more, through the worker, so it is there offline.
  const hadController = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (hadController) return;
    const secret = currentSecret();
    if (secret) get('/v1/profile', { secret }).catch(() => {});
  }, { once: true });

  const register = () => {
    container.register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .then(() => warm(container))
      .catch(() => {
        // no worker (storage refused, a blocked origin): the page works online as before
      });
  };
  // After the page's own downloads, so the worker's copies do not slow the first visit down.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
