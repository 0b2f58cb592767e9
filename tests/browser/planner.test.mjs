// The permit planner from the first step to the plan: one step at a time with Back and Next,
// the checklist and fees with their rules, the .ics calendar and the payment slips. The
// planning date is given (?on=), so the plan does not depend on today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launchBrowser, newContext, openPage } from './lib.mjs';

let browser;
let calendarText = '';
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

async function visibleStep(page) {
  const steps = page.locator('.plan-step:not([hidden])');
  assert.equal(await steps.count(), 1, 'exactly one step is visible');
  return steps.getAttribute('data-step');
}

async function currentIndicator(page) {
  return (await page.locator('#plan-steps-nav [aria-current="step"] .step-number').innerText()).trim();
}

test('a family plan from the first step to the result, with the calendar and slips', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  await page.click('.nav-btn[data-view="planner"]');
  assert.equal(await visibleStep(page), 'citizenship');
  assert.equal(await currentIndicator(page), '1');

  // Next without an answer stays on the step and says why, next to the field.
  await page.click('#plan-next');
  assert.equal(await visibleStep(page), 'citizenship');
  assert.equal(await page.getAttribute('#plan-country', 'aria-invalid'), 'true');
  await page.selectOption('#plan-country', 'RU');
  await page.click('#plan-next');
  assert.equal(await visibleStep(page), 'ground');
  assert.equal(await currentIndicator(page), '2');

  await page.waitForSelector('#plan-ground option[value="employment"]', { state: 'attached' });
  await page.selectOption('#plan-ground', 'employment');
  await page.click('#plan-next');
  assert.equal(await visibleStep(page), 'kind');
  await page.click('#plan-back');
  assert.equal(await visibleStep(page), 'ground', 'Back goes one step back');
  assert.equal(await page.inputValue('#plan-ground'), 'employment', 'and keeps the answer');
  await page.click('#plan-next');

  await page.check('input[name="plan-kind"][value="first"]');
  await page.fill('#plan-last-entry', '2026-11-01');
  await page.fill('#plan-on', '2026-11-10');
  await page.click('#plan-next');
  assert.equal(await visibleStep(page), 'place');
  await page.selectOption('#plan-city', 'belgrade');
  await page.click('#plan-next');
  assert.equal(await visibleStep(page), 'family');
  await page.click('#plan-add-member');
  await page.click('#plan-add-member');
  await page.locator('.family-row').nth(1).locator('.remove-member').click();
  assert.equal(await page.locator('.family-row').count(), 1);
  await page.selectOption('.member-relation', 'child');
  await page.fill('.member-age', '5');
  await page.click('#plan-next');

  const result = page.locator('#plan-result');
  await result.locator('[data-testid="checklist"]').first().waitFor();
  assert.equal(await page.locator('#plan-form').isVisible(), false, 'the questions make room for the plan');
  assert.equal(await currentIndicator(page), '6');
  const people = result.locator('[data-testid="person"]');
  assert.equal(await people.count(), 2, 'the applicant and the child');

  // `boravak permit plan -c RU --ground employment --city belgrade --family child:5
  //   --last-entry 2026-11-01 --on 2026-11-10`: the main applicant files online, the child in
  // person; the applicant's fees come to 27,108 RSD.
  const main = people.nth(0);
  const checklist = main.locator('[data-testid="checklist"] > li');
  assert.ok(await checklist.count() >= 5);
  assert.match(await checklist.first().innerText(), /Application form/);
  assert.equal(await main.locator('[data-testid="checklist"] > li > details.why').count(), await checklist.count(), 'every item has its "Why?"');
  const why = checklist.first().locator('details.why');
  await why.locator('summary').click();
  assert.doesNotMatch(await why.innerText(), /\.toml|application_form/, 'no rule id or file is shown');
  assert.match(await why.innerText(), /Ministry of the Interior/, 'the source by its publisher');
  assert.ok(await why.locator('a[href^="http"]').count() >= 1, 'sources are links');
  const fees = main.locator('[data-testid="plan-fees"]');
  assert.match(await fees.locator('tbody').innerText(), /Application fee[\s\S]*430 RSD/);
  assert.match(await fees.locator('tfoot').innerText(), /27,108 RSD/);
  assert.match(await people.nth(1).innerText(), /in person/);
  assert.match(await people.nth(1).locator('[data-testid="checklist"]').innerText(), /Two photos/);
  assert.equal(await result.locator('[data-step-id="file_by"] time').getAttribute('datetime'), '2026-11-30');
  assert.equal(await result.locator('[data-step-id="register_address"] time').getAttribute('datetime'), '2026-11-02');
  assert.ok(await result.locator('.order-list > li').count() >= 3, 'the family order rules');

  // The calendar: a real iCalendar file with the filing deadline.
  const [download] = await Promise.all([page.waitForEvent('download'), result.locator('[data-testid="ics"]').click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const ics = await fs.readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r?\n/);
  assert.match(ics, /BEGIN:VEVENT/);
  assert.match(ics, /DTSTART;VALUE=DATE:20261130/, 'the filing deadline');
  assert.match(ics, /BEGIN:VALARM/, 'with reminders');
  calendarText = ics;

  // Payment slips for the child, who files in person: fields, QR image, PNG download.
  await result.locator('.slips-form input[data-path="payer"]').fill('Ana Petrović, Beograd');
  await result.locator('.slips-form button[type="submit"]').click();
  const slip = result.locator('[data-testid="slip"]').first();
  await slip.waitFor();
  assert.match(await slip.innerText(), /840-742221843-57/);
  const qr = slip.locator('img.qr');
  assert.match(await qr.getAttribute('src'), /^blob:/);
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await qr.elementHandle());
  const [png] = await Promise.all([page.waitForEvent('download'), slip.locator('[data-testid="slip-png"]').click()]);
  const bytes = await fs.readFile(await png.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');

  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a renewal shows the renewal window; Start again returns to step 1', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  await page.click('.nav-btn[data-view="planner"]');
  await page.selectOption('#plan-country', 'UA');
  await page.click('#plan-next');
  await page.waitForSelector('#plan-ground option[value="study"]', { state: 'attached' });
  await page.selectOption('#plan-ground', 'study');
  await page.click('#plan-next');
  await page.check('input[name="plan-kind"][value="renewal"]');
  assert.ok(await page.locator('#plan-permit-expires').isVisible());
  assert.equal(await page.locator('#plan-last-entry').isVisible(), false);
  await page.fill('#plan-permit-expires', '2027-01-31');
  await page.fill('#plan-on', '2026-11-10');
  await page.click('#plan-next');
  await page.check('#plan-in-person');
  await page.click('#plan-next');
  await page.click('#plan-next');
  const step = page.locator('#plan-result [data-step-id="renewal_window"]');
  await step.waitFor();
  assert.deepEqual(await step.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))), ['2026-10-31', '2027-01-31']);
  await page.click('#plan-result button:has-text("Start again")');
  assert.equal(await visibleStep(page), 'citizenship');
  assert.equal(await page.inputValue('#plan-country'), '');
  await context.close();
});

test('the downloaded calendar is valid iCalendar: every DTSTAMP is a UTC date-time', () => {
  assert.ok(calendarText, 'the plan test downloaded a calendar');
  const stamps = [...calendarText.matchAll(/^DTSTAMP:(.*?)\r?$/gm)].map((m) => m[1]);
  assert.ok(stamps.length > 0, 'RFC 5545 requires DTSTAMP in every event');
  for (const stamp of stamps) assert.match(stamp, /^\d{8}T\d{6}Z$/);
  assert.match(calendarText, /END:VCALENDAR\r?\n?$/);
});
