// One view at a time (calculator, planner, fees, guides), chosen from the navigation.
import { $, $$ } from './dom.js';

const openers = new Map();

export function onViewOpen(name, callback) {
  openers.set(name, callback);
}

export function showView(name, { focus = true } = {}) {
  for (const view of $$('.view')) view.hidden = view.id !== `view-${name}`;
  for (const button of $$('.nav-btn')) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
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

export function initViews() {
  for (const button of $$('.nav-btn')) {
    button.addEventListener('click', () => showView(button.dataset.view));
  }
}
