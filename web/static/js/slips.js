// Payment slips for in-person filing: POST /v1/permit/slips?lang= shows each slip's fields and
// its QR code (as an <img> from a blob URL, never as markup), and POST /v1/permit/slips/{n}.png
// downloads the code as a picture. Every fee that gets no slip is listed with the API's reason,
// and POST /v1/permit/slips.pdf (same body and query) downloads all the slips, ready to print.
import { post, request, filenameFrom } from './api.js';
import { h, uniqueId, downloadBlob, fill } from './dom.js';
import { t, formatNumber, formatRsd } from './i18n.js';
import { clearErrors, showError, messageOf } from './errors.js';

const urls = [];

function qrImage(svgText, n) {
  while (urls.length > 40) URL.revokeObjectURL(urls.shift());
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  urls.push(url);
  return h('img', { src: url, alt: t('web.slips.qr_alt', { n }), class: 'qr', width: '180', height: '180' });
}

function amountText(slip) {
  if (typeof slip.amount !== 'number') return slip.amount_text || String(slip.amount ?? '');
  return slip.currency && slip.currency !== 'RSD' ? `${formatNumber(slip.amount)} ${slip.currency}` : formatRsd(slip.amount);
}

function personText(person) {
  return typeof person === 'number' ? t('web.plan.person_n', { n: person }) : person;
}

function slipCard(slip, n, body, on) {
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const png = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'slip-png' }, t('web.slips.png'));
  png.addEventListener('click', async () => {
    status.textContent = '';
    try {
      const blob = await request('POST', `/v1/permit/slips/${n}.png`, { body, as: 'blob', query: { on } });
      downloadBlob(blob, `boravak-slip-${n}.png`);
    } catch (error) {
      status.textContent = messageOf(error);
    }
  });
  const fields = [
    ['web.slips.person', personText(slip.person)], ['web.slips.fee', slip.fee_name || slip.fee],
    ['web.slips.amount', amountText(slip)], ['web.slips.payer_name', slip.payer], ['web.slips.recipient', slip.recipient],
    ['web.slips.account', slip.account], ['web.slips.model', slip.model], ['web.slips.reference', slip.reference],
    ['web.slips.purpose', slip.purpose], ['web.slips.payment_code', slip.payment_code],
  ];
  return h('article', { class: 'card slip', 'data-testid': 'slip' },
    h('h4', null, t('web.slips.slip_n', { n })),
    h('div', { class: 'slip-body' },
      h('dl', { class: 'pairs' }, fields.filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([key, value]) => [h('dt', null, t(key)), h('dd', null, String(value))])),
      slip.qr_svg ? qrImage(slip.qr_svg, n) : null),
    slip.payload ? h('details', { class: 'why' }, h('summary', null, t('web.slips.payload')),
      h('pre', { class: 'payload' }, slip.payload)) : null,
    png, status);
}

// The fees with no slip, each with the reason the API gives ("paid within the online
// application", "no confirmed account").
function withoutSlip(list) {
  if (!list || !list.length) return null;
  return h('section', { class: 'without-slip', 'aria-labelledby': 'plan-no-slip-h', 'data-testid': 'without-slip' },
    h('h4', { id: 'plan-no-slip-h' }, t('web.slips.without.heading')),
    h('ul', { class: 'plain-list' }, list.map((item) => h('li', null,
      h('strong', null, personText(item.person), ': ', item.fee_name || item.fee), ' — ', item.why))));
}

async function downloadPdf(form, body, on, button) {
  clearErrors(form);
  button.disabled = true;
  try {
    const response = await request('POST', '/v1/permit/slips.pdf', { body, as: 'response', query: { on } });
    downloadBlob(await response.blob(), filenameFrom(response, 'boravak-slips.pdf'));
    form.querySelector('.slips-status').textContent = t('web.slips.pdf.done');
  } catch (error) {
    const shown = error && error.status === 404 ? { ...error, message: t('web.slips.pdf.unavailable'), code: 'not_found', path: '' } : error;
    showError(form, shown);
  } finally {
    button.disabled = false;
  }
}

export function slipsSection(situation, plan, on = '') {
  const anyInPerson = (plan.people || []).some((p) => p.filing === 'in_person');
  const payerId = uniqueId('slip-payer');
  const muniId = uniqueId('slip-muni');
  const cashId = uniqueId('slip-cash');
  const out = h('div', { class: 'slips', 'aria-live': 'polite' });
  const form = h('form', { class: 'card inline-form slips-form', novalidate: true },
    h('div', { class: 'field grow' },
      h('label', { for: payerId }, t('web.slips.payer')),
      h('input', { type: 'text', id: payerId, 'data-path': 'payer', autocomplete: 'name', 'aria-describedby': `${payerId}-hint` }),
      h('p', { class: 'hint', id: `${payerId}-hint` }, t('web.slips.payer.hint'))),
    h('div', { class: 'field' },
      h('label', { for: muniId }, t('web.slips.municipality')),
      h('input', { type: 'text', id: muniId, 'data-path': 'municipality', value: '019', inputmode: 'numeric', size: '5', 'aria-describedby': `${muniId}-hint` }),
      h('p', { class: 'hint', id: `${muniId}-hint` }, t('web.slips.municipality.hint'))),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', id: cashId, 'data-path': 'non_cash' }), ' ', t('web.slips.non_cash')),
    h('div', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions slips-actions' },
      h('button', { type: 'submit', class: 'btn btn-secondary' }, t('web.slips.make')),
      h('button', { type: 'button', class: 'btn btn-secondary slips-pdf', 'data-testid': 'slips-pdf' }, t('web.slips.pdf'))),
    h('p', { class: 'status slips-status', 'aria-live': 'polite' }));
  // The body of /v1/permit/slips and of its PDF; null (with the error shown) without a payer.
  const readBody = () => {
    clearErrors(form);
    form.querySelector('.slips-status').textContent = '';
    const body = {
      situation, payer: form.querySelector(`#${payerId}`).value.trim(),
      municipality: form.querySelector(`#${muniId}`).value.trim(), non_cash: form.querySelector(`#${cashId}`).checked,
    };
    if (body.payer) return body;
    showError(form, { code: 'missing_field', path: 'payer', message: t('web.slips.error.payer') });
    return null;
  };
  const pdf = form.querySelector('.slips-pdf');
  pdf.addEventListener('click', () => {
    const body = readBody();
    if (body) downloadPdf(form, body, on, pdf);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = readBody();
    if (!body) return;
    try {
      const answer = await post('/v1/permit/slips', body, { query: { on } });
      const slips = answer.slips || [];
      fill(out,
        slips.length ? null : h('p', null, t('web.slips.none')),
        ...slips.map((slip, i) => slipCard(slip, i + 1, body, on)),
        withoutSlip(answer.without_slip),
        answer.notes && answer.notes.length ? h('ul', { class: 'notes' }, answer.notes.map((note) =>
          h('li', null, typeof note === 'string' ? note : note.text))) : null);
    } catch (error) {
      showError(form, error);
    }
  });
  return h('section', { 'aria-labelledby': 'plan-slips-h' },
    h('h3', { id: 'plan-slips-h' }, t('web.slips.heading')),
    h('p', { class: 'hint' }, t(anyInPerson ? 'web.slips.intro' : 'web.slips.online_only')),
    form, out);
}
