// The plan's deadlines as an iCalendar file: POST /v1/permit/deadlines.ics?lang= -> download.
import { request } from './api.js';
import { h, downloadBlob } from './dom.js';
import { t } from './i18n.js';
import { messageOf } from './errors.js';

export function calendarButton(situation, on = '') {
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'ics' }, t('web.plan.ics'));
  button.addEventListener('click', async () => {
    status.textContent = '';
    button.disabled = true;
    try {
      const blob = await request('POST', '/v1/permit/deadlines.ics', { body: situation, as: 'blob', query: { on } });
      downloadBlob(blob, 'boravak-deadlines.ics');
      status.textContent = t('web.plan.ics.done');
    } catch (error) {
      status.textContent = messageOf(error);
      status.classList.add('error-text');
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'calendar-box' }, button, h('p', { class: 'hint' }, t('web.plan.ics.hint')), status);
}
