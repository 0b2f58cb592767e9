// The stay calculator in a real browser against `boravak serve`: answers for stays typed as
// dates and as stamps, a 90/180 case, an overstay, "Why?", API errors next to their field,
// the keyboard alone, and a phone-sized screen. Every check date is explicit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newContext, openPage, enterStays, enterStamps, count, stat, statDate } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

async function fresh(options) {
  const context = await newContext(browser, options);
  return { context, page: await openPage(context) };
}

// `build/boravak stay -c RU --stamps "+2026-10-20" --on 2026-11-10 --json`:
// days_used 22, days_left 8, last_legal_day 2026-11-18, registration due 2026-10-21.
async function assertRussianOctober(page) {
  assert.equal(await stat(page, 'days_used'), '22');
  assert.equal(await stat(page, 'days_left'), '8');
  assert.equal(await statDate(page, 'last_legal_day'), '2026-11-18');
  assert.equal(await page.locator('[data-field="registration_due"] time').getAttribute('datetime'), '2026-10-21');
  // On 10 November the 21 October deadline is behind: shown as missed, with what to do now.
  assert.match(await page.locator('[data-field="registration_missed"]').innerText(), /has passed\. Register at the police station/);
  assert.match(await page.locator('[data-field="registration_due"]').innerText(), /^The deadline to register your address passed on/,
    'a passed deadline is not worded as a to-do');
  assert.equal(await page.locator('[data-testid="overstay"]').count(), 0, 'no overstay warning');
  assert.equal(await page.locator('[data-testid="other-readings"]').count(), 0, 'RU has one reading');
}

test('stays typed as dates: RU, 30 days from each entry', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  await assertRussianOctober(page);
  assert.match(await page.locator('#calc-result .presence').innerText(), /10 November 2026/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a registration deadline still ahead is not shown as missed', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-11-10', '']], '2026-11-10');
  await count(page);
  assert.equal(await page.locator('[data-field="registration_due"] time').getAttribute('datetime'), '2026-11-11');
  assert.equal(await page.locator('[data-field="registration_missed"]').count(), 0);
  await context.close();
});

// `build/boravak stay -c UA --stamps "+2026-08-01" --pending-since 2026-10-15 --on 2026-12-06`:
// the count stopped on 15 October, so there is no last legal day, no visa run and no band of
// days to come running to the exemption's far end.
test('a filed application stops the count: no last legal day, the confirmation to carry', async () => {
  const { context, page } = await fresh();
  await enterStamps(page, 'UA', '+2026-08-01', '2026-12-06');
  await page.click('.more-options summary');
  await page.fill('#calc-pending-since', '2026-10-15');
  await page.selectOption('#calc-pending-kind', 'first');
  await count(page);
  assert.equal(await stat(page, 'days_used'), '75');
  assert.match(await page.locator('#calc-result [data-stat="last_legal_day"] dd').innerText(), /none while your application is being decided/);
  assert.match(await page.locator('[data-testid="pending"]').innerText(), /confirmation that you filed/);
  assert.equal(await page.locator('.tl-last').count(), 0, 'no last-day marker while pending');
  await context.close();
});

// Input the page cannot use is named, and a new error takes the old answer away.
test('an entry after the check date is refused by name, and the old answer goes', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-11-10', '']], '2026-11-20');
  await count(page);
  assert.equal(await page.locator('#calc-result').isVisible(), true);
  await page.fill('#calc-on', '2026-11-01');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector('#calc-form .field-error');
  assert.match(await page.locator('#calc-form .field-error').innerText(), /begins after the check date/);
  assert.equal(await page.locator('#calc-result').isHidden(), true, 'no answer for other dates under the error');
  await context.close();
});

test('a date typed in part is named as incomplete, not taken as no stay', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-11-10', '']], '2026-11-20');
  const exit = page.locator('.stay-row').first().locator('.stay-exit');
  await exit.click();
  await page.keyboard.type('12');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector('#calc-form .field-error');
  assert.match(await page.locator('#calc-form .field-error').innerText(), /not complete/);
  await context.close();
});

test('stays typed as passport stamps give the same answer', async () => {
  const { context, page } = await fresh();
  await enterStamps(page, 'RU', '+2026-10-20', '2026-11-10');
  await count(page);
  await assertRussianOctober(page);
  await context.close();
});

test('several stays in any order, and removing a row', async () => {
  const { context, page } = await fresh();
  // An earlier, closed stay does not count under "30 days from each entry".
  await enterStays(page, 'RU', [['2026-10-20', ''], ['2026-09-01', '2026-09-05'], ['2026-05-01', '2026-05-03']], '2026-11-10');
  await page.locator('.stay-row').nth(2).locator('.remove-stay').click();
  assert.equal(await page.locator('.stay-row').count(), 2);
  await count(page);
  await assertRussianOctober(page);
  const desc = await page.locator('[data-testid="timeline"] svg desc').textContent();
  assert.match(desc, /1 September 2026/);
  assert.doesNotMatch(desc, /1 May 2026/, 'the removed stay is gone');
  await context.close();
});

test('two readings of the 90 days: US, every answer the stricter, each naming its reading', async () => {
  // `build/boravak stay -c US --stamps "+2026-01-01 -2026-03-31 +2026-07-01" --on 2026-07-10 --json`:
  // rolling 90/180 has 89 used and returns on 2026-12-28; the fixed six months from the first
  // entry has 10 used and returns when its period ends, on 2027-01-01: the later day answers.
  const { context, page } = await fresh();
  await enterStamps(page, 'US', '+2026-01-01 -2026-03-31 +2026-07-01', '2026-07-10');
  await count(page);
  assert.equal(await stat(page, 'days_used'), '89');
  assert.equal(await stat(page, 'days_left'), '1');
  assert.equal(await statDate(page, 'last_legal_day'), '2026-09-28');
  assert.equal(await page.locator('[data-field="earliest_return"] time').getAttribute('datetime'), '2027-01-01');
  assert.match(await page.locator('[data-field="earliest_return"]').innerText(), /in 6 months counted from the first entry/,
    'the return day names the reading that gave it');
  const other = page.locator('[data-testid="other-readings"]');
  assert.equal(await other.count(), 1, 'the readings are compared');
  assert.match(await other.innerText(), /10.*80/s, 'under the fixed one: 10 days used, 80 left');
  assert.match(await other.innerText(), /89.*1/s, 'under the rolling one: 89 used, 1 left');
  const timeline = page.locator('[data-testid="timeline"] svg');
  assert.equal(await timeline.getAttribute('role'), 'img');
  assert.equal(await timeline.locator('.tl-stay').count(), 2);
  assert.equal(await timeline.locator('.tl-window').count(), 1, 'the deciding 180 days are drawn');
  assert.match(await timeline.locator('desc').textContent(), /12 January 2026 to 10 July 2026/);
  await context.close();
});

test('an overstay shows the warning and is marked on the timeline', async () => {
  // RU entered 2026-10-01, still here on 2026-11-05: days 31..36 are over the limit.
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-10-01', '']], '2026-11-05');
  await count(page);
  const warning = page.locator('[data-testid="overstay"]');
  assert.equal(await warning.getAttribute('role'), 'alert');
  assert.ok(await warning.isVisible());
  assert.match(await warning.innerText(), /6/);
  assert.doesNotMatch(await warning.locator('h3').innerText(), /before/, 'an overstay today is not told as a past one');
  assert.equal(await warning.locator('time').getAttribute('datetime'), '2026-10-31');
  // No legal day is left: the one that passed is named, marked as passed.
  assert.equal(await statDate(page, 'last_legal_day'), '2026-10-30');
  assert.match(await page.locator('[data-stat="last_legal_day"]').innerText(), /passed/);
  assert.match(await page.locator('[data-field="after_overstay"]').innerText(), /refuse your entry or ban you/);
  assert.equal(await stat(page, 'days_left'), '0');
  assert.equal(await page.locator('[data-testid="timeline"] .tl-over').count(), 1);
  await context.close();
});

test('an overstay in the past is told apart from being over the limit today', async () => {
  // RU: 2026-08-01..2026-09-10 ran 11 days over; back since 2026-10-20, lawful on 2026-11-10.
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-08-01', '2026-09-10'], ['2026-10-20', '']], '2026-11-10');
  await count(page);
  const warning = page.locator('[data-testid="overstay"]');
  assert.ok(await warning.isVisible());
  assert.match(await warning.locator('h3').innerText(), /before/);
  assert.match(await warning.innerText(), /11/);
  assert.equal(await warning.locator('time').getAttribute('datetime'), '2026-08-31');
  assert.equal(await statDate(page, 'last_legal_day'), '2026-11-18', 'today is lawful');
  await context.close();
});

test('"Why?" opens the rule and how the days were counted', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  const why = page.locator('[data-testid="why-main"]');
  assert.equal(await why.getAttribute('open'), null, 'closed at first');
  assert.equal(await why.locator('[data-testid="explanation"]').isVisible(), false);
  await why.locator('summary').click();
  assert.notEqual(await why.getAttribute('open'), null);
  const explanation = why.locator('[data-testid="explanation"]');
  assert.ok(await explanation.isVisible());
  assert.doesNotMatch(await why.innerText(), /per_entry_30|\.toml|C2|S1/, 'no rule id, file or confidence code');
  assert.match(await why.innerText(), /30 days from each entry/);
  assert.match(await why.innerText(), /2009/, 'the 2009 agreement is the source');
  assert.ok(await why.locator('a[href^="http"]').count() >= 1, 'sources are links');
  assert.match(await explanation.innerText(), /22/, '22 days counted');
  assert.equal(await explanation.locator('time').first().getAttribute('datetime'), '2026-10-20');
  await context.close();
});

test("the server's error appears next to the field it names", async () => {
  const { context, page } = await fresh();
  // Real dates the server refuses: the exit is before the entry.
  await enterStays(page, 'RU', [['2026-10-20', '2026-10-01']], '2026-11-10');
  await page.click('#calc-form button[type="submit"]');
  const row = page.locator('.stay-row').first();
  await row.locator('.field-error').waitFor();
  // The stay is named by its dates, as the person typed them.
  assert.match(await row.locator('.field-error').innerText(), /20 October 2026.*1 October 2026/);
  assert.equal(await row.locator('[aria-invalid="true"]').count(), 1);
  assert.ok((await page.locator('#calc-error').innerText()).length > 0, 'the alert region says it too');
  await context.close();
});

async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('keyboard only: Tab and Enter through the calculator', async () => {
  const { context, page } = await fresh();
  await tabTo(page, '#calc-country');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'focus is visible');
  await page.keyboard.type('Russia');
  assert.equal(await page.inputValue('#calc-country'), 'RU');
  await tabTo(page, '.stay-entry', 10);
  await page.keyboard.type('10202026');
  await tabTo(page, '#add-stay', 12);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.stay-row').count(), 2, 'Enter on "Add a stay" adds a row');
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('stay-entry')), 'focus moves to the new row');
  await tabTo(page, '.stay-row:nth-child(2) .remove-stay', 12);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.stay-row').count(), 1);
  await tabTo(page, '#calc-on', 12);
  await page.keyboard.type('11102026');
  assert.equal(await page.inputValue('#calc-on'), '2026-11-10');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#calc-result:not([hidden]) .presence time[datetime="2026-11-10"]');
  assert.equal(await stat(page, 'days_left'), '8');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'calc-result', 'focus moves to the answer');
  await tabTo(page, '[data-testid="why-main"] summary', 10);
  await page.keyboard.press('Enter');
  assert.notEqual(await page.locator('[data-testid="why-main"]').getAttribute('open'), null);
  await context.close();
});

test('at 360 × 740 nothing overflows sideways', async () => {
  const { context, page } = await fresh({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0, 'the empty form');
  await enterStays(page, 'US', [['2026-01-01', '2026-03-31'], ['2026-07-01', '']], '2026-07-10');
  await count(page);
  for (const details of await page.locator('#calc-result details').all()) await details.locator('summary').first().click();
  assert.equal(await overflow(), 0, 'the answer with every "Why?" open');
  const svg = await page.locator('[data-testid="timeline"] svg').boundingBox();
  assert.ok(svg.x >= 0 && svg.x + svg.width <= 360, 'the timeline fits');
  for (const view of ['planner', 'fees', 'guides']) {
    await page.click(`.nav-btn[data-view="${view}"]`);
    await page.waitForTimeout(300);
    assert.equal(await overflow(), 0, `the ${view} view`);
  }
  await context.close();
});

test('"Rules and sources" lists a country\'s dated rules with their sources as links', async () => {
  const { context, page } = await fresh();
  await page.click('.nav-btn[data-view="rules"]');
  await page.waitForSelector('#rules-list .rule-group');
  assert.ok(await page.locator('#rules-list .rule-group').count() > 20, 'every country and every rule');
  await page.selectOption('#rules-country', 'UA');
  await page.waitForFunction(() => document.querySelectorAll('#rules-list .rule-group').length === 1);
  const group = page.locator('#rules-list .rule-group[data-group="entry.UA"]');
  const text = await group.innerText();
  assert.match(text, /15 October 2021/);
  assert.match(text, /8 December 2011/);
  assert.doesNotMatch(text, /\.toml|rolling_90_180|\bC2\b/, 'no file, id or confidence code');
  assert.ok(await group.locator('a[href^="http"]').count() >= 4, 'sources are links');
  await context.close();
});
