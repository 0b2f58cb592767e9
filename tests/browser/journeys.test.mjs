// Journeys through the page as a person takes them, at 390 and 1366 px: planning a stay in the
// calculator (the longest stay from an entry, the earliest entry for N days, their errors next
// to their fields), a planned exit past the last legal day, the visa run with its three-state
// crossings, the papers of a family's permit plan (the appointment e-mail, printable slips,
// fees without a slip, the family's fees in all, each member's citizenship), a plan saved in
// the profile and filled back in, and the import of an exported profile. The main texts are
// checked in all five languages against the server's own answers; axe-core checks the new
// parts. Screenshots go to a temporary folder whose path is printed. Every date is explicit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BASE, launchBrowser, newContext, openPage, enterStays, count, stat } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 900 }];
const LANGS = ['en', 'ru', 'uk', 'sr', 'sr-Cyrl'];

let browser;
let shots;
before(async () => {
  browser = await launchBrowser();
  shots = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-journeys-'));
  console.log(`screenshots: ${shots}`);
});
after(async () => { await browser.close(); });

async function fresh({ size = SIZES[1], lang = 'en', ...options } = {}) {
  const context = await newContext(browser, { viewport: size, isMobile: size.width < 500, hasTouch: size.width < 500, ...options });
  await context.addInitScript((code) => { if (!localStorage.getItem('boravak.lang')) localStorage.setItem('boravak.lang', code); }, lang);
  return { context, page: await openPage(context) };
}

const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function api(page, route, body, lang = 'en') {
  const response = await page.request.post(`${BASE}${route}?lang=${encodeURIComponent(lang)}`, { data: body });
  return response.json();
}

async function texts(page, lang) {
  return (await (await page.request.get(`${BASE}/v1/texts/${lang}`)).json()).texts;
}

async function axe(page, selector) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (s) => window.axe.run(document.querySelector(s), { resultTypes: ['violations'] }), selector);
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function tabTo(page, selector, limit) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

// US: two readings (90 in 6 months from the first entry, 90 in any 180 days). One stay from
// 20 August to 1 October 2026, checked on 10 November 2026.
const US_STAYS = [['2026-08-20', '2026-10-01']];
const US_PERSON = { citizenship: 'US', on: '2026-11-10', stays: [{ entry: '2026-08-20', exit: '2026-10-01' }] };

async function askPlan(page, mode, fields) {
  await page.check(`input[name="calc-plan"][value="${mode}"]`);
  for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value);
  await count(page);
  return page.locator('[data-testid="plan-answer"]');
}

for (const size of SIZES) {
  test(`planning a stay in the calculator at ${size.width} px`, async () => {
    const { context, page } = await fresh({ size, bypassCSP: true });
    await enterStays(page, 'US', US_STAYS, '2026-11-10');
    assert.equal(await page.locator('#calc-plan-longest').isVisible(), false, 'the plan fields wait for the question');

    // The longest stay from a planned entry: 47 days, until 5 January 2027.
    let answer = await askPlan(page, 'longest', { '#calc-plan-entry': '2026-11-20' });
    assert.equal(await answer.locator('[data-field="plan_max_stay"]').innerText(), '47');
    assert.match(await answer.locator('[data-field="plan_text"]').innerText(), /stay 47 days in a row, until 5 January 2027/);
    assert.equal(await stat(page, 'days_left'), '47', 'the days now are still there');

    // The earliest entry for 80 days: the stricter reading gives 4 January 2027, and the page
    // says that the other reading gives 31 December 2026.
    answer = await askPlan(page, 'earliest', { '#calc-plan-length': '80', '#calc-plan-from': '2026-11-10' });
    assert.equal(await answer.locator('[data-field="plan_earliest_entry"] time').getAttribute('datetime'), '2027-01-04');
    const expected = await api(page, '/v1/stay/report', { ...US_PERSON, plan: { from: '2026-11-10', length: 80 } });
    assert.equal(await answer.locator('[data-field="plan_text"]').innerText(), expected.plan.text);
    const others = answer.locator('[data-testid="plan-other-readings"]');
    assert.match(await others.innerText(), /another reading/i);
    assert.match(await others.innerText(), /31 December 2026/);
    assert.ok(await overflow(page) <= 0, 'nothing wider than the screen');
    await answer.scrollIntoViewIfNeeded();
    await shot(page, `plan-earliest-${size.width}`);
    assert.deepEqual(await axe(page, '#view-calc'), []);

    // Errors next to their fields: a plan that starts inside a stay, a missing length.
    await page.fill('#calc-plan-from', '2026-09-20');
    await page.click('#calc-form button[type="submit"]');
    await page.waitForSelector('#calc-plan-from[aria-invalid="true"]');
    assert.match(await page.locator('#calc-plan-earliest .field-error').innerText(), /not over by then/);
    assert.equal(await page.locator('#calc-result').isHidden(), true, 'no answer under an error');
    await page.fill('#calc-plan-from', '2026-11-10');
    await page.fill('#calc-plan-length', '');
    await page.click('#calc-form button[type="submit"]');
    await page.waitForSelector('#calc-plan-length[aria-invalid="true"]');
    assert.match(await page.locator('#calc-plan-length').evaluate((n) => n.closest('.field').innerText), /how many days in a row/);
    await shot(page, `plan-error-${size.width}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('planning by keyboard only: the question is one radio group, Enter asks it', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'US', US_STAYS, '2026-11-10');
  await page.focus('#calc-on');
  await tabTo(page, 'input[name="calc-plan"]', 5);
  assert.equal(await page.evaluate(() => document.activeElement.value), 'now', 'Tab reaches the chosen answer');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked('input[name="calc-plan"][value="longest"]'), true);
  assert.ok(await page.locator('#calc-plan-entry').isVisible());
  await tabTo(page, '#calc-plan-entry', 2);
  await page.keyboard.type('11202026');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="plan-answer"] [data-field="plan_max_stay"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'calc-result', 'focus moves to the answer');
  await context.close();
});

for (const size of SIZES) {
  test(`a planned exit past the last legal day is a warning with both dates at ${size.width} px`, async () => {
    // Dark at the phone's size: the warning's colours are checked in both schemes.
    const { context, page } = await fresh({ size, bypassCSP: true, colorScheme: size.width < 500 ? 'dark' : 'light' });
    await enterStays(page, 'RU', [['2026-10-20', '2026-12-01']], '2026-11-10');
    await count(page);
    const warning = page.locator('[data-testid="planned-exit"]');
    assert.equal(await warning.getAttribute('role'), 'alert');
    assert.equal(await warning.locator('[data-field="planned_exit"] time').getAttribute('datetime'), '2026-12-01');
    assert.equal(await warning.locator('[data-field="planned_exit_last_day"] time').getAttribute('datetime'), '2026-11-18');
    assert.match(await warning.innerText(), /Leave by 18 November 2026/);
    await shot(page, `planned-exit-${size.width}`);
    assert.ok(await overflow(page) <= 0);
    assert.deepEqual(await axe(page, '#calc-result'), []);
    await context.close();
  });
}

for (const size of SIZES) {
  test(`the visa run: when to leave and come back, and every crossing in three states, at ${size.width} px`, async () => {
    // bypassCSP: the page's policy would rightly refuse the injected axe script. Dark at the
    // phone's size, so the three states' colours are checked in both schemes.
    const { context, page } = await fresh({ size, bypassCSP: true, colorScheme: size.width < 500 ? 'dark' : 'light' });
    // The calculator's answers travel to the visa run.
    await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
    await page.click('.nav-btn[data-view="visarun"]');
    assert.equal(await page.evaluate(() => location.hash), '#/visarun', 'the view has its address');
    await page.waitForSelector('#visarun-city option[value="belgrade"]', { state: 'attached' });
    assert.equal(await page.inputValue('#visarun-country'), 'RU');
    assert.equal(await page.inputValue('.trip-entry'), '2026-10-20');
    assert.equal(await page.inputValue('#visarun-on'), '2026-11-10');
    assert.ok(await page.locator('#visarun-copied').isVisible());

    // No city: said next to the city.
    await page.click('#visarun-form button[type="submit"]');
    await page.waitForSelector('#visarun-city[aria-invalid="true"]');
    assert.match(await page.locator('#visarun-city').evaluate((n) => n.closest('.field').innerText), /Choose the city you leave from/);

    await page.selectOption('#visarun-city', 'belgrade');
    await page.click('#visarun-form button[type="submit"]');
    const result = page.locator('#visarun-result');
    await result.locator('[data-testid="crossings"]').waitFor();
    // `boravak visarun`: RU, 30 days from each entry: leave by 18 November, back the same day for 30 days.
    assert.equal(await result.locator('[data-field="latest_exit"] time').getAttribute('datetime'), '2026-11-18');
    assert.equal(await result.locator('[data-field="earliest_return"] time').getAttribute('datetime'), '2026-11-18');
    assert.equal(await result.locator('[data-field="days_after_return"] .value').innerText(), '30');
    const states = await result.locator('.crossing').evaluateAll((items) => items.map((li) => [li.dataset.crossing, li.dataset.entry]));
    assert.deepEqual(states, [['sremska_raca', 'may_enter'], ['badovinci', 'may_enter'], ['batrovci', 'may_not_enter']]);
    const raca = result.locator('[data-crossing="sremska_raca"]');
    assert.match(await raca.innerText(), /You may enter Bosnia and Herzegovina/);
    assert.match(await raca.locator('[data-field="terms"]').innerText(), /30 days in each 60 days/);
    await raca.locator('details.why summary').click();
    assert.ok(await raca.locator('details.why a[href^="http"]').count() >= 1, 'the source is a link');
    assert.match(await result.locator('[data-crossing="batrovci"]').innerText(), /You may not enter Croatia/);
    assert.match(await result.locator('[data-field="crossings_summary"]').innerText(), /2 of 3/);
    assert.ok(await overflow(page) <= 0);
    await shot(page, `visarun-ru-${size.width}`);

    // US: the neighbours' rules are not on record. "We do not know" is never shown as "no".
    await page.selectOption('#visarun-country', 'US');
    await page.click('#visarun-form button[type="submit"]');
    await page.waitForSelector('#visarun-result .crossing[data-entry="unknown"]');
    assert.equal(await result.locator('.crossing[data-entry="unknown"]').count(), 3);
    assert.equal(await result.locator('.crossing[data-entry="may_not_enter"]').count(), 0);
    const unknown = await result.locator('[data-crossing="batrovci"]').innerText();
    assert.match(unknown, /We do not know/);
    assert.match(unknown, /That is not a no/);
    assert.doesNotMatch(unknown, /may not enter/i);
    assert.equal(await result.locator('[data-field="latest_exit"] time').getAttribute('datetime'), '2027-01-17');
    await shot(page, `visarun-us-${size.width}`);
    assert.deepEqual(await axe(page, '#view-visarun'), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

// The main texts in every language: the page's own words come from its catalogs, the answers'
// sentences are the server's, in the same language.
for (const lang of LANGS) {
  test(`the plan's answer, the planned-exit warning and the visa run in ${lang}`, async () => {
    const { context, page } = await fresh({ size: SIZES[0], lang });
    const words = await texts(page, lang);
    assert.equal(await page.locator('#calc-plan legend').innerText(), words['web.calc.plan.legend']);
    assert.equal(await page.locator('.nav-btn[data-view="visarun"]').innerText(), words['web.nav.visarun']);
    if (lang === 'sr-Cyrl') assert.match(words['web.calc.plan.legend'], /[\u0400-\u04FF]/, 'sr-Cyrl is Cyrillic');

    await enterStays(page, 'US', US_STAYS, '2026-11-10');
    const answer = await askPlan(page, 'longest', { '#calc-plan-entry': '2026-11-20' });
    const expected = await api(page, '/v1/stay/report', { ...US_PERSON, plan: { entry: '2026-11-20' } }, lang);
    assert.equal(await answer.locator('[data-field="plan_text"]').innerText(), expected.plan.text);
    assert.equal(await answer.locator('[data-field="plan_max_stay"]').innerText(), '47');
    assert.equal(await answer.locator('dt').innerText(), words['web.calc.plan.max_stay']);

    await enterStays(page, 'RU', [['2026-10-20', '2026-12-01']], '2026-11-10');
    await page.check('input[name="calc-plan"][value="now"]');
    await count(page);
    const warning = page.locator('[data-testid="planned-exit"]');
    const report = await api(page, '/v1/stay/report', { citizenship: 'RU', on: '2026-11-10', stays: [{ entry: '2026-10-20', exit: '2026-12-01' }] }, lang);
    assert.equal(await warning.locator('h3').innerText(), words['web.calc.planned_exit.heading']);
    assert.equal(await warning.locator('[data-field="planned_exit_text"]').innerText(), report.advice.planned_exit_past_limit.text);
    await shot(page, `calc-${lang}-390`);

    await page.click('.nav-btn[data-view="visarun"]');
    await page.waitForSelector('#visarun-city option[value="belgrade"]', { state: 'attached' });
    await page.fill('.trip-exit', '');
    await page.selectOption('#visarun-city', 'belgrade');
    await page.click('#visarun-form button[type="submit"]');
    await page.waitForSelector('#visarun-result [data-testid="crossings"]');
    const run = await api(page, '/v1/visarun', { citizenship: 'RU', on: '2026-11-10', stays: [{ entry: '2026-10-20' }], city: 'belgrade' }, lang);
    const raca = run.visarun.crossings.find((c) => c.id === 'sremska_raca');
    const shown = page.locator('[data-crossing="sremska_raca"]');
    assert.equal(await shown.locator('[data-field="entry"]').innerText(),
      words['web.visarun.entry.may_enter'].replace('{country}', raca.neighbour_name));
    assert.match(await shown.locator('[data-field="terms"]').innerText(), new RegExp(raca.terms.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(await page.locator('#visarun-result-heading').innerText(), words['web.visarun.result.heading']);
    assert.doesNotMatch(await page.locator('main').innerText(), /\bweb\.[a-z_]+\./, 'no text key left on screen');
    assert.ok(await overflow(page) <= 0, `${lang}: nothing wider than the phone`);
    await shot(page, `visarun-${lang}-390`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

// The planner up to the plan: RU, employment, Belgrade, first application (last entry
// 1 November 2026, filing on 10 November), a child of 8 with Ukrainian citizenship (the CLI's
// child:8:UA) and a spouse of 30 with the applicant's.
async function familyPlan(page) {
  await page.click('.nav-btn[data-view="planner"]');
  await page.selectOption('#plan-country', 'RU');
  await page.click('#plan-next');
  await page.waitForSelector('#plan-ground option[value="employment"]', { state: 'attached' });
  await page.selectOption('#plan-ground', 'employment');
  await page.click('#plan-next');
  await page.check('input[name="plan-kind"][value="first"]');
  await page.fill('#plan-last-entry', '2026-11-01');
  await page.fill('#plan-on', '2026-11-10');
  await page.click('#plan-next');
  await page.selectOption('#plan-city', 'belgrade');
  await page.click('#plan-next');
  await page.click('#plan-add-member');
  await page.click('#plan-add-member');
  const rows = page.locator('.family-row');
  await rows.nth(0).locator('.member-relation').selectOption('child');
  await rows.nth(0).locator('.member-age').fill('8');
  await rows.nth(0).locator('.member-citizenship').selectOption('UA');
  await rows.nth(1).locator('.member-relation').selectOption('spouse');
  await rows.nth(1).locator('.member-age').fill('30');
  await page.click('#plan-next');
  await page.locator('#plan-result [data-testid="family-total"]').waitFor();
  // The situation the plan was made for (computed in the page, so no request carries it).
  return page.evaluate(() => import('/static/js/planner.js').then((m) => m.situation()));
}

const rsd = (text) => Number(text.replace(/[^\d]/g, ''));

for (const size of SIZES) {
  test(`a family's permit papers: citizenships, fees in all, the appointment e-mail, slips and PDF at ${size.width} px`, async () => {
    const { context, page } = await fresh({ size, bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'],
      colorScheme: size.width < 500 ? 'dark' : 'light' });
    const sent = await familyPlan(page);
    assert.deepEqual(sent.family, [{ relation: 'child', age: 8, citizenship: 'UA' }, { relation: 'spouse', age: 30 }],
      "each member's citizenship, left out where it is the applicant's");
    const result = page.locator('#plan-result');
    const people = result.locator('[data-testid="person"]');
    assert.equal(await people.count(), 3);
    assert.equal(await people.nth(1).locator('[data-field="citizenship"]').getAttribute('data-code'), 'UA');
    assert.equal(await people.nth(2).locator('[data-field="citizenship"]').getAttribute('data-code'), 'RU');

    // The family's fees: the API's totals for each person (27,108 + 27,788 + 27,788), added up.
    const each = await people.locator('[data-testid="plan-fees"] tfoot td.num').allInnerTexts();
    assert.deepEqual(each.map(rsd), [27108, 27788, 27788]);
    const total = result.locator('[data-testid="family-total"]');
    assert.equal(await total.locator('[data-field="family_total"]').innerText(), '82,684 RSD');
    assert.deepEqual((await total.locator('tbody td.num').allInnerTexts()).map(rsd), [27108, 27788, 27788]);

    // The appointment e-mail: the child files in person; the e-mail is in Serbian, to the
    // Belgrade office's address, with the name and birth date typed here.
    const email = result.locator('[data-testid="email"]');
    await email.waitFor();
    assert.match(await email.innerText(), /upravazastrance@mup\.gov\.rs/);
    assert.match(await email.innerText(), /Omladinskih brigada 1/);
    await email.locator('#email-person-1-name').fill('Ana Petrova');
    await email.locator('#email-person-1-birth').fill('2018-03-02');
    const body = await email.locator('[data-testid="email-text"]').inputValue();
    for (const line of ['Poštovani,', 'Ime i prezime: Ana Petrova', 'Datum rođenja: 02.03.2018.', 'Državljanstvo: Ukrajina (UA)',
      'Datum poslednjeg ulaska u Republiku Srbiju: 01.11.2026.']) assert.ok(body.includes(line), `the e-mail has “${line}”`);
    const href = await email.locator('[data-testid="email-link"]').getAttribute('href');
    assert.ok(href.length <= 1800, `a mailto: link of ${href.length} characters`);
    const mail = new URL(href);
    assert.equal(mail.protocol, 'mailto:');
    assert.equal(mail.pathname, 'upravazastrance@mup.gov.rs');
    assert.equal(mail.searchParams.get('body').replace(/\r\n/g, '\n'), body);
    assert.match(mail.searchParams.get('subject'), /privremeni boravak/);
    await email.locator('details summary').first().click();
    assert.match(await email.locator('[data-testid="email-meaning"]').textContent(), /Full name: Ana Petrova/);
    await email.locator('[data-testid="email-copy"]').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), body);

    // Slips: every fee without one says why; the printable slips are a PDF.
    await result.locator('.slips-form input[data-path="payer"]').fill('Ana Petrović, Beograd');
    await result.locator('.slips-form button[type="submit"]').click();
    const without = result.locator('[data-testid="without-slip"]');
    await without.waitFor();
    assert.match(await without.innerText(), /Person 1: Application fee — paid within the online application/);
    assert.match(await without.innerText(), /Person 2: Biometrics fee — no confirmed account/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), result.locator('[data-testid="slips-pdf"]').click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    const bytes = fs.readFileSync(await pdf.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file');
    await page.waitForSelector('.slips-status:has-text("downloaded")');
    assert.ok(await overflow(page) <= 0, 'nothing wider than the screen');
    await shot(page, `plan-papers-${size.width}`);
    assert.deepEqual(await axe(page, '#plan-result'), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('a plan saved in the profile comes back into the planner', async () => {
  const { context, page } = await fresh();
  const sent = await familyPlan(page);
  await page.click('[data-testid="plan-save"]');
  const saved = page.locator('[data-testid="plan-save-status"]');
  await page.waitForFunction((node) => node.textContent.length > 0, await saved.elementHandle());
  assert.match(await saved.innerText(), /saved in a new profile/);
  const secret = await page.evaluate(() => localStorage.getItem('boravak.profile'));
  const profile = await (await page.request.get(`${BASE}/v1/profile`, { headers: { Authorization: `Bearer ${secret}` } })).json();
  assert.deepEqual(profile.settings.plan, sent, 'the situation exactly as sent to /v1/permit/plan');

  // A second save changes the same profile.
  await page.click('[data-testid="plan-save"]');
  await page.waitForFunction((node) => /^The plan is saved in your profile/.test(node.textContent), await saved.elementHandle());

  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('.nav-btn[data-view="planner"]');
  await page.locator('#plan-result [data-testid="family-total"]').waitFor();
  assert.equal(await page.inputValue('#plan-country'), 'RU');
  assert.equal(await page.inputValue('#plan-ground'), 'employment');
  assert.equal(await page.locator('.family-row').count(), 2);
  assert.equal(await page.locator('.family-row').nth(0).locator('.member-citizenship').inputValue(), 'UA');
  assert.equal(await page.locator('#plan-result [data-testid="person"]').nth(1).locator('[data-field="citizenship"]').getAttribute('data-code'), 'UA');
  await page.click('#plan-result button:has-text("Change my answers")');
  assert.ok(await page.locator('#plan-saved-note').isVisible(), 'the steps say where their answers came from');
  assert.deepEqual(page.problems, []);
  await context.close();
});

// An export as GET /v1/profile/export gives it, made through the API, plus one trip the server
// refuses (its exit is before its entry).
async function exportFile(page, dir) {
  const made = await (await page.request.post(`${BASE}/v1/profiles`, { data: {} })).json();
  const auth = { Authorization: `Bearer ${made.secret}` };
  const plan = { citizenship: 'RU', ground: 'employment', kind: 'first', last_entry: '2026-11-01', city: 'belgrade', in_person: false, family: [] };
  await page.request.patch(`${BASE}/v1/profile`, { headers: auth, data: { citizenship: 'RU', lang: 'en', city: 'belgrade', name: 'Ivan', plan } });
  await page.request.post(`${BASE}/v1/profile/trips`, { headers: auth, data: { entry: '2026-08-01', exit: '2026-08-20', note: 'summer' } });
  await page.request.post(`${BASE}/v1/profile/trips`, { headers: auth, data: { entry: '2026-10-20', exit: null } });
  const child = await (await page.request.post(`${BASE}/v1/profile/family`, { headers: auth,
    data: { relation: 'child', name: 'Ana', birth_date: '2018-03-02', citizenship: 'UA' } })).json();
  await page.request.post(`${BASE}/v1/profile/permits`, { headers: auth, data: { ground: 'study', from: '2025-01-01', until: '2025-12-31' } });
  await page.request.post(`${BASE}/v1/profile/reminders`, { headers: auth, data: { kind: 'custom', on: '2026-12-01', note: 'photos', family_id: child.id } });
  const exported = await (await page.request.get(`${BASE}/v1/profile/export`, { headers: auth })).json();
  exported.trips.push({ id: 999, entry: '2026-09-10', exit: '2026-09-01', note: '' });
  const file = path.join(dir, 'boravak-profile.json');
  fs.writeFileSync(file, JSON.stringify(exported, null, 2));
  return { file, exported };
}

for (const size of SIZES) {
  test(`importing an exported profile at ${size.width} px: nothing sent before yes, progress, refusals with reasons`, async () => {
    const { context, page } = await fresh({ size, bypassCSP: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-import-'));
    const { file } = await exportFile(page, dir);
    const sentBeforeYes = [];
    const watch = (r) => { if (/\/v1\/profile/.test(r.url())) sentBeforeYes.push(r.url()); };
    page.on('request', watch);
    await page.setInputFiles('#import-file', file);
    const confirm = page.locator('#import-confirm');
    await confirm.waitFor();
    const counts = await page.locator('#import-counts li').allInnerTexts();
    assert.ok(counts.includes('stays: 3') && counts.includes('family members: 1') && counts.includes('reminders: 1')
      && counts.includes('permits: 1') && counts.includes('a saved permit plan'), counts.join(' / '));
    assert.deepEqual(sentBeforeYes, [], 'choosing the file sends nothing');
    assert.deepEqual(await axe(page, '#profile-area'), []);
    await shot(page, `import-confirm-${size.width}`);
    page.off('request', watch);

    await page.click('#import-start');
    await page.waitForSelector('#import-status:has-text("The import is finished")');
    assert.match(await page.locator('#import-status').innerText(), /7 of 8 parts imported/);
    assert.equal(await page.locator('#import-progress').evaluate((p) => [p.value, p.max].join('/')), '8/8');
    const refusals = await page.locator('#import-refused-list li').allInnerTexts();
    assert.equal(refusals.length, 1);
    assert.match(refusals[0], /^Stay 10 September 2026 – 1 September 2026: .+/);

    // The new profile is open: its link, its trips in the calculator, its plan in the planner.
    await page.waitForSelector('#profile-box:not([hidden])');
    const secret = await page.evaluate(() => localStorage.getItem('boravak.profile'));
    assert.ok((await page.inputValue('#profile-link')).endsWith(secret));
    assert.deepEqual(await page.locator('.stay-row').evaluateAll((rows) => rows.map((r) => r.querySelector('.stay-entry').value)),
      ['2026-08-01', '2026-10-20']);
    const profile = await (await page.request.get(`${BASE}/v1/profile`, { headers: { Authorization: `Bearer ${secret}` } })).json();
    assert.equal(profile.settings.name, 'Ivan');
    assert.equal(profile.settings.plan.ground, 'employment');
    assert.equal(profile.trips.length, 2);
    assert.equal(profile.family[0].citizenship, 'UA');
    assert.equal(profile.reminders[0].family_id, profile.family[0].id, "the reminder names the member's new id");
    await shot(page, `import-done-${size.width}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('importing while a profile is open asks first, and No sends nothing', async () => {
  const { context, page } = await fresh();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-import-'));
  const { file } = await exportFile(page, dir);
  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await page.click('#profile-save');
  await page.waitForSelector('#profile-box:not([hidden])');
  const before = await page.evaluate(() => localStorage.getItem('boravak.profile'));
  await page.setInputFiles('#import-file', file);
  await page.locator('#import-confirm').waitFor();
  assert.ok(await page.locator('#import-replace').isVisible(), 'the page says the open profile is left behind');
  const sent = [];
  page.on('request', (r) => { if (r.method() !== 'GET') sent.push(r.url()); });
  await page.click('#import-start');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-no');
  assert.deepEqual(sent, []);
  assert.equal(await page.evaluate(() => localStorage.getItem('boravak.profile')), before);
  // A file that is not an export is said so, and nothing is offered.
  fs.writeFileSync(path.join(dir, 'other.json'), '{"hello": 1}');
  await page.setInputFiles('#import-file', path.join(dir, 'other.json'));
  await page.waitForSelector('#import-status:has-text("not a profile exported")');
  assert.equal(await page.locator('#import-confirm').isVisible(), false);
  await context.close();
});

test('a new language redraws the visa run and keeps the typed names of the e-mail', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  // The answer leads to the visa run.
  await page.click('#calc-result [data-testid="to-visarun"]');
  await page.waitForSelector('#view-visarun:not([hidden])');
  await page.waitForSelector('#visarun-city option[value="belgrade"]', { state: 'attached' });
  await page.selectOption('#visarun-city', 'belgrade');
  await page.click('#visarun-form button[type="submit"]');
  await page.waitForSelector('[data-crossing="batrovci"]');
  await page.selectOption('#lang-select', 'ru');
  await page.waitForSelector('[data-crossing="batrovci"] [data-field="entry"]:has-text("Нельзя въехать: Хорватия")');
  assert.equal(await page.locator('#visarun-city option:checked').innerText(), 'Белград');

  await page.selectOption('#lang-select', 'en');
  await familyPlan(page);
  await page.locator('#email-person-1-name').fill('Ana Petrova');
  await page.selectOption('#lang-select', 'uk');
  await page.waitForSelector('#plan-result-heading:has-text("Ваш план")');
  await page.locator('[data-testid="email"]:not([hidden])').waitFor();
  assert.equal(await page.inputValue('#email-person-1-name'), 'Ana Petrova');
  assert.match(await page.locator('[data-testid="email-text"]').inputValue(), /Ime i prezime: Ana Petrova/, 'the e-mail stays in Serbian');
  assert.deepEqual(page.problems, []);
  await context.close();
});
