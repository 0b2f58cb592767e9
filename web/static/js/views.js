// One view at a time (calculator, visa run, planner, fees, guides, rules, agency), chosen from the
// navigation.
// Each view has an address (route.js), so Back, Forward, reloading and sharing a link work as
// they would with pages.
import { $, $$ } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { startRouting, navigate, currentView } from './route.js';

const openers = new Map();

export function onViewOpen(name, callback) {
  openers.set(name, callback);
}

// The tab's name in the window title, so history and bookmarks tell the views apart.
function setTitle(name) {
  const tab = $(`.nav-btn[data-view="${name}"]`);
  document.title = name === 'calc' || !tab ? t('web.title') : `${tab.textContent} · boravak`;
}

// On a phone the tabs are one row that scrolls sideways: keep the current one in sight, and
// mark the sides that have more tabs beyond them (the CSS fades those edges).
function revealTab(nav, tab) {
  if (!tab || nav.scrollWidth <= nav.clientWidth) return;
  const room = nav.getBoundingClientRect();
  const box = tab.getBoundingClientRect();
  const fade = 40;  // the faded edge (2.5rem) is not "in sight"
  if (box.left < room.left + fade) nav.scrollLeft -= room.left + fade - box.left;
  else if (box.right > room.right - fade) nav.scrollLeft += box.right - (room.right - fade);
}

function markScrollEdges(nav) {
  const more = nav.scrollWidth - nav.clientWidth;
  nav.classList.toggle('more-before', more > 1 && nav.scrollLeft > 1);
  nav.classList.toggle('more-after', more > 1 && nav.scrollLeft < more - 1);
}

// After a view change, a new language (other tab widths) or a new window size.
function syncNav() {
  const nav = $('.views-nav');
  if (!nav) return;
  revealTab(nav, $('.nav-btn[aria-current="page"]', nav));
  markScrollEdges(nav);
}

export function showView(name, { focus = true } = {}) {
  for (const view of $$('.view')) view.hidden = view.id !== `view-${name}`;
  for (const button of $$('.nav-btn')) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  syncNav();
  setTitle(name);
  const opener = openers.get(name);
  if (opener) opener();
  if (focus) {
    const heading = $(`#view-${name} h1`);
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

// A plain click on a tab adds a history entry (route.js); a click with a modifier key opens
// the tab's address in a new tab or window, as links do.
function onTabClick(event) {
  const tab = event.currentTarget;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const path = tab.getAttribute('href').slice(1);
  // The view already open, at its own address (or at none yet): nothing to add to history.
  const here = location.hash === `#${path}` || (!location.hash.startsWith('#/') && tab.dataset.view === currentView());
  if (here) showView(tab.dataset.view);
  else navigate(path);
}

export function initViews() {
  const nav = $('.views-nav');
  for (const tab of $$('.nav-btn')) tab.addEventListener('click', onTabClick);
  if (nav) {
    nav.addEventListener('scroll', () => markScrollEdges(nav), { passive: true });
    window.addEventListener('resize', syncNav);
  }
  // The skip link moves focus without putting "#main" in the address, which would leave the
  // view's own address behind.
  const skip = $('.skip-link');
  if (skip) {
    skip.addEventListener('click', (event) => {
      event.preventDefault();
      $('#main').focus();
    });
  }
  onLanguageChange(() => {
    setTitle(currentView());
    syncNav();
  });
  startRouting(showView);
}
