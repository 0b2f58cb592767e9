// The agency workspace (#/agency): an agency made through the page shows its owner's key once
// and keeps it in sessionStorage only; a CSV with a bad row imports the good rows and lists the
// bad one by its line; the dashboard sorts (buttons in the headers, aria-sort), filters by
// status (asked of the server), searches, downloads as CSV, and shows dates in the page's
// language; a client opens with its trips, gives its PDF report and can be deleted; the owner
// adds a viewer whose key is shown once and removes them. Screenshots of the dashboard at 390
// and 1280 px go to a temporary folder, whose path is printed. Every check date is explicit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BASE, launchBrowser, newContext, openPage, waitReady } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let browser;
let shots;
before(async () => {
  browser = await launchBrowser();
  shots = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-agency-'));
  console.log(`screenshots: ${shots}`);
});
after(async () => { await browser.close(); });

const ON = '2026-12-05';
// Line 6 has an impossible date: it is refused, the other rows are stored. On 2026-12-05
// (`boravak batch` numbers): B-3 and A-1 are over the limit (first days 2026-10-30 and
// 2026-10-31), A-2 is in Serbia with 29 days left (last legal day 2027-01-03), C-5 is away.
const CSV = [
  'client,name,citizenship,entry,exit',
  'A-1,Ivan Petrov,RU,2026-10-01,',
  'A-2,Olga Ivanova,UA,2026-09-01,2026-10-15',
  'A-2,Olga Ivanova,UA,2026-11-20,',
  'B-3,John Smith,US,2026-08-01,',
  'B-4,Bad Row,RU,2026-13-01,',
  'C-5,Zoë Šarić,CN,2026-11-01,2026-11-10',
  '',
].join('\n');

async function api(method, url, { secret, body, type } = {}) {
  const headers = {};
  if (secret) headers.Authorization = `Bearer ${secret}`;
  if (body !== undefined) headers['Content-Type'] = type || 'application/json';
  const response = await fetch(`${BASE}${url}`, { method, headers, body: body === undefined || type ? body : JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

// An agency with the CSV's clients, made without the page; its owner's secret.
async function agencyWithClients(name) {
  const made = await api('POST', '/v1/agencies', { body: { name } });
  assert.equal(made.status, 201);
  const stored = await api('POST', '/v1/agency/clients/import', { secret: made.body.secret, body: CSV, type: 'text/csv' });
  assert.equal(stored.body.clients, 4);
  return made.body.secret;
}

async function signIn(page, secret) {
  await page.fill('#agency-secret', secret);
  await page.click('#agency-signin button[type="submit"]');
  await page.waitForSelector('#agency-signed-in:not([hidden])');
}

async function showOn(page, on) {
  const answer = page.waitForResponse((r) => r.url().includes('/v1/agency/dashboard') && r.url().includes(`on=${on}`));
  await page.fill('#agency-on', on);
  await answer;
  await page.waitForFunction((date) => document.querySelector('#agency-on').value === date, on);
}

const shownRows = (page) => page.locator('#agency-table tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.client));
const column = (page, n) => page.locator(`#agency-table tbody tr > :nth-child(${n})`).allInnerTexts();

test('a new agency: the owner key once, a CSV with a bad row, and a dashboard that sorts, filters and searches', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await openPage(context, '/#/agency');
  assert.equal(await page.locator('.nav-btn[data-view="agency"]').getAttribute('aria-current'), 'page');
  assert.match(await page.title(), /^Agencies/);

  // Creating an agency: its name is needed; then the owner's key, once.
  await page.click('#agency-create button[type="submit"]');
  assert.match(await page.locator('#agency-create .form-error').innerText(), /agency's name/);
  await page.fill('#agency-name', 'Balkan Relocation');
  await page.click('#agency-create button[type="submit"]');
  await page.waitForSelector('#agency-owner-secret:not([hidden])');
  const secret = await page.inputValue('#agency-owner-secret-value');
  assert.match(secret, /^[A-Za-z0-9_-]{32,}$/);
  assert.match(await page.locator('#agency-owner-secret .warning-inline').innerText(), /shown only this once/);
  assert.match(await page.locator('#agency-who').innerText(), /Balkan Relocation/);
  const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('boravak.agency'), local: JSON.stringify(localStorage) }));
  assert.equal(stored.session, secret, 'the key is kept in sessionStorage');
  assert.ok(!stored.local.includes(secret), 'and not in localStorage');
  assert.ok(!page.url().includes(secret), 'nor in the address');
  await page.click('#agency-owner-secret .btn-primary');
  assert.equal(await page.locator('#agency-owner-secret').isHidden(), true);
  assert.ok(!(await page.content()).includes(secret), 'shown once: the key has left the page');
  assert.equal(await page.locator('#agency-empty').innerText(), 'No clients yet. Import your list below.');

  // The import: the good rows are stored, the bad one is listed by its line.
  await showOn(page, ON);
  await page.setInputFiles('#agency-file', { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  const upload = page.waitForRequest((r) => r.url().includes('/v1/agency/clients/import'));
  await page.click('#agency-import-form button[type="submit"]');
  assert.equal((await upload).headers()['content-type'], 'text/csv');
  await page.waitForFunction(() => /Clients stored/.test(document.querySelector('#agency-import-status').textContent));
  assert.equal(await page.locator('#agency-import-status').innerText(), 'Clients stored: 4. Trips stored: 5.');
  const errors = await page.locator('#agency-import-errors tbody tr').evaluateAll((rows) => rows.map((row) => [...row.cells].map((c) => c.textContent)));
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0].slice(0, 2), ['6', 'entry']);
  assert.match(errors[0][2], /2026-13-01/);

  // The dashboard in the server's order (most urgent first), then sorted by a header.
  await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 4);
  assert.deepEqual(await shownRows(page), ['B-3', 'A-1', 'A-2', 'C-5']);
  assert.deepEqual(await page.locator('#agency-table tbody [data-status]').evaluateAll((b) => b.map((x) => x.dataset.status)),
    ['overstay', 'overstay', 'present', 'away']);
  assert.deepEqual(await column(page, 5), ['127', '66', '61', '0'], 'days used');
  assert.equal(await page.locator('#agency-table tr[data-client="A-2"] td:nth-child(7)').innerText(), '3 Jan 2027');
  assert.equal((await page.locator('#agency-table tr[data-client="A-1"] td:nth-child(8)').innerText()).replace(/\s+/g, ' '), 'Leave now 5 Dec 2026');
  assert.equal(await page.locator('#agency-table tr[data-client="C-5"] td:nth-child(8)').innerText(), 'Nothing due');
  assert.equal(await page.locator('#agency-table th[aria-sort]').count(), 0, 'no column claims an order yet');

  await page.click('#agency-table button[data-sort="name"]');
  assert.equal(await page.locator('#agency-table th:has(button[data-sort="name"])').getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await column(page, 2), ['Ivan Petrov', 'John Smith', 'Olga Ivanova', 'Zoë Šarić']);
  await page.click('#agency-table button[data-sort="name"]');
  assert.equal(await page.locator('#agency-table th:has(button[data-sort="name"])').getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await column(page, 2), ['Zoë Šarić', 'Olga Ivanova', 'John Smith', 'Ivan Petrov']);
  // By keyboard: the header is a button; the focus stays on it after the rows move.
  await page.focus('#agency-table button[data-sort="days_left"]');
  await page.keyboard.press('Enter');
  assert.deepEqual(await shownRows(page), ['B-3', 'A-1', 'A-2', 'C-5'], 'days left 0, 0, 29, 30');
  await page.keyboard.press('Space');
  assert.deepEqual(await shownRows(page), ['C-5', 'A-2', 'B-3', 'A-1']);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'days_left');
  assert.equal(await page.locator('th[aria-sort]').count(), 1);
  assert.match(await page.locator('#agency-count').innerText(), /Shown: 4 of 4\. Sorted by “Days left”, descending\./);

  // The status filter asks the server (?status=); the search works in the page.
  let asked = page.waitForResponse((r) => r.url().includes('/v1/agency/dashboard'));
  await page.uncheck('#agency-status-filter input[value="present"]');
  await asked;
  asked = page.waitForResponse((r) => r.url().includes('/v1/agency/dashboard'));
  await page.uncheck('#agency-status-filter input[value="away"]');
  const filtered = new URL((await asked).url());
  assert.equal(filtered.searchParams.get('status'), 'overstay,leave_soon,error');
  await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 2);
  assert.deepEqual((await shownRows(page)).sort(), ['A-1', 'B-3']);
  asked = page.waitForResponse((r) => r.url().includes('/v1/agency/dashboard'));
  await page.check('#agency-status-filter input[value="present"]');
  await page.check('#agency-status-filter input[value="away"]');
  await asked;
  await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 4);
  await page.fill('#agency-search', 'olga');
  assert.deepEqual(await shownRows(page), ['A-2']);
  await page.fill('#agency-search', 'b-3');
  assert.deepEqual(await shownRows(page), ['B-3'], 'by reference');
  await page.fill('#agency-search', 'saric');
  assert.deepEqual(await shownRows(page), ['C-5'], 'without the accents');
  await page.fill('#agency-search', 'nobody');
  assert.equal(await page.locator('#agency-empty').innerText(), 'No client matches the search or the status filter.');
  await page.fill('#agency-search', '');

  // The CSV download: the same rows, fetched with the key.
  const download = page.waitForEvent('download');
  await page.click('#agency-csv');
  const file = await download;
  assert.equal(file.suggestedFilename(), `boravak-clients-${ON}.csv`);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  assert.match(csv, /^client,name,citizenship,status/);
  assert.equal(csv.trim().split('\n').length, 5);

  // Dates and status words in the page's language.
  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  assert.match(await page.locator('#agency-table tr[data-client="A-2"] td:nth-child(7)').innerText(), /янв/);
  assert.equal(await page.locator('#agency-table tr[data-client="A-2"] [data-status]').innerText(), 'В Сербии');
  assert.equal(await page.locator('#agency-table button[data-sort="days_left"]').innerText(), 'Осталось дней ↓');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('signing in with a key, a client with its trips and PDF report, deleting it, and signing out', async () => {
  const secret = await agencyWithClients('Law Office Nova');
  const context = await newContext(browser);
  const page = await openPage(context, '/#/agency');
  await page.fill('#agency-secret', 'not-a-key-of-any-agency-0000000000000');
  await page.click('#agency-signin button[type="submit"]');
  await page.waitForFunction(() => /does not open any agency/.test(document.querySelector('#agency-signin .form-error').textContent));
  assert.equal(await page.locator('#agency-signed-in').isHidden(), true);

  await signIn(page, secret);
  assert.equal(await page.inputValue('#agency-secret'), '', 'the pasted key leaves the field');
  assert.match(await page.locator('#agency-who').innerText(), /Law Office Nova/);
  await showOn(page, ON);
  await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 4);

  await page.click('#agency-table button[data-open="A-2"]');
  await page.waitForSelector('#agency-client:not([hidden])');
  assert.equal(await page.locator('#agency-workspace').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'agency-client-heading');
  assert.equal(await page.locator('#agency-client-heading').innerText(), 'A-2 · Olga Ivanova');
  assert.equal(await page.locator('#agency-client [data-stat="days_used"] dd').innerText(), '61');
  assert.equal(await page.locator('#agency-client [data-stat="days_left"] dd').innerText(), '29');
  assert.deepEqual(await page.locator('#agency-trips tbody tr').evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim())),
    ['1 Sept 2026 15 Oct 2026', '20 Nov 2026 still in Serbia']);

  // The PDF: fetched with the key, handed over as a download.
  const response = page.waitForResponse((r) => r.url().includes('/v1/agency/clients/A-2/report.pdf'));
  const download = page.waitForEvent('download');
  await page.click('#agency-pdf');
  const pdf = await response;
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'], /^application\/pdf/);
  assert.equal(new URL(pdf.url()).searchParams.get('on'), ON);
  const file = await download;
  assert.equal(file.suggestedFilename(), `boravak-A-2-${ON}.pdf`);
  assert.equal(fs.readFileSync(await file.path()).subarray(0, 5).toString(), '%PDF-');
  await page.waitForFunction(() => /downloaded/.test(document.querySelector('#agency-client-status').textContent));

  // Back to the list: focus returns to the client's reference.
  await page.click('#agency-back');
  assert.equal(await page.locator('#agency-client').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.open), 'A-2');

  // Delete, after a confirmation that can be declined.
  await page.click('#agency-table button[data-open="A-2"]');
  await page.waitForSelector('#agency-client:not([hidden])');
  await page.click('#agency-delete');
  assert.match(await page.locator('#confirm-message').innerText(), /A-2 \(Olga Ivanova\)/);
  await page.click('#confirm-no');
  assert.equal(await page.locator('#agency-client').isVisible(), true, 'kept');
  await page.click('#agency-delete');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => /Client A-2 is deleted/.test(document.querySelector('#agency-status').textContent));
  await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 3);
  assert.equal((await api('GET', '/v1/agency/clients/A-2', { secret })).status, 404);

  // A reload keeps the session (same tab); signing out forgets the key.
  await page.reload();
  await waitReady(page);
  await page.waitForSelector('#agency-signed-in:not([hidden])');
  await page.click('#agency-signout');
  await page.waitForSelector('#agency-signed-out:not([hidden])');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('boravak.agency')), null);
  assert.equal(await page.locator('#agency-table tbody tr').count(), 0, 'no client stays on the page');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the owner adds a viewer whose key is shown once, the members come from the export, and removing them ends the key', async () => {
  const secret = await agencyWithClients('Visa Desk');
  const context = await newContext(browser);
  const page = await openPage(context, '/#/agency');
  await signIn(page, secret);
  await page.waitForSelector('#agency-staff:not([hidden]) #agency-members:not([hidden])');
  assert.deepEqual(await page.locator('#agency-members tbody th').allInnerTexts(), ['You (owner)']);

  await page.fill('#agency-staff-name', 'Mila');
  await page.selectOption('#agency-staff-role', 'viewer');
  await page.click('#agency-staff-form button[type="submit"]');
  await page.waitForSelector('#agency-member-secret:not([hidden])');
  const viewer = await page.inputValue('#agency-member-secret-value');
  assert.match(viewer, /^[A-Za-z0-9_-]{32,}$/);
  assert.match(await page.locator('#agency-member-secret .warning-inline').innerText(), /Mila \(viewer/);
  assert.equal((await api('GET', '/v1/agency/dashboard', { secret: viewer })).status, 200, 'the viewer reads');
  assert.equal((await api('GET', '/v1/agency/export', { secret: viewer })).status, 403, 'but is not the owner');
  await page.click('#agency-member-secret .btn-primary');
  assert.ok(!(await page.content()).includes(viewer), 'shown once');
  await page.waitForFunction(() => document.querySelectorAll('#agency-members tbody tr').length === 2);
  const members = await page.locator('#agency-members tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
  assert.deepEqual(members, [['You (owner)', 'Owner'], ['Mila', 'Viewer']]);

  // The viewer, in another browser: no members card, and writing is refused with the reason.
  const other = await newContext(browser);
  const reader = await openPage(other, '/#/agency');
  await signIn(reader, viewer);
  assert.equal(await reader.locator('#agency-who').innerText(), 'Signed in with a staff or viewer key.');
  assert.equal(await reader.locator('#agency-staff').isHidden(), true);
  await reader.setInputFiles('#agency-file', { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await reader.click('#agency-import-form button[type="submit"]');
  await reader.waitForFunction(() => /does not allow/.test(document.querySelector('#agency-import-form .form-error').textContent));

  // Removed: the key stops at once, and the viewer's page signs out with a reason.
  await page.click('#agency-members button[data-remove="Mila"]');
  await page.click('#confirm-yes');
  await page.waitForFunction(() => document.querySelectorAll('#agency-members tbody tr').length === 1);
  assert.match(await page.locator('#agency-staff-status').innerText(), /Mila is removed/);
  assert.equal((await api('GET', '/v1/agency/dashboard', { secret: viewer })).status, 401);
  await reader.fill('#agency-on', ON);
  await reader.waitForSelector('#agency-signed-out:not([hidden])');
  assert.match(await reader.locator('#agency-status').innerText(), /does not open any agency/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(reader.problems, []);
  await other.close();
  await context.close();
});

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`the dashboard at ${size.width} px: nothing wider than the screen but the table, no accessibility violations, a screenshot`, async () => {
    const secret = await agencyWithClients('Screenshot Agency d.o.o.');
    const phone = size.width < 500;
    const context = await newContext(browser, { viewport: size, bypassCSP: true, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    const page = await openPage(context, '/#/agency');
    assert.deepEqual(await violations(page), [], 'signed out');
    await signIn(page, secret);
    await showOn(page, ON);
    await page.waitForFunction(() => document.querySelectorAll('#agency-table tbody tr').length === 4);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= size.width, 'the page itself does not scroll sideways');
    const wrap = await page.locator('#agency-table-wrap').evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
    if (phone) assert.ok(wrap.scroll > wrap.client, 'on a phone the table scrolls sideways in its own box');
    const file = path.join(shots, `agency-dashboard-${size.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
    // With what the other parts show: a refused row, and a new member's key.
    await page.setInputFiles('#agency-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('client,name,citizenship,entry\nX-1,Bad Date,RU,31.02.2026\n') });
    await page.click('#agency-import-form button[type="submit"]');
    await page.waitForSelector('#agency-import-errors:not([hidden])');
    await page.fill('#agency-staff-name', 'Jelena Marković');
    await page.click('#agency-staff-form button[type="submit"]');
    await page.waitForSelector('#agency-member-secret:not([hidden])');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= size.width, 'with the import errors and a key');
    assert.deepEqual(await violations(page), [], 'the whole workspace');
    await page.click('#agency-table button[data-open="B-3"]');
    await page.waitForSelector('#agency-client:not([hidden])');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= size.width, 'a client');
    await page.screenshot({ path: path.join(shots, `agency-client-${size.width}.png`), fullPage: true });
    assert.deepEqual(await violations(page), [], 'a client');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
