// Addresses, pictures and phones: every view has an address in the URL fragment (Back, Forward
// and reloading work), a calculator answer is a shareable link whose dates never reach the
// server, the timeline draws every trip with its labels inside at 320px, the month calendar
// counts the days as the answer does, and at 390px nothing is wider than the screen. Screenshots
// at 390 and 1366 px go to a temporary folder, whose path is printed. Every check date is explicit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, launchBrowser, newContext, openPage, waitReady, enterStays, count, stat, statDate } from './lib.mjs';

let browser;
let shots;
before(async () => {
  browser = await launchBrowser();
  shots = fs.mkdtempSync(path.join(os.tmpdir(), 'boravak-views-'));
  console.log(`screenshots: ${shots}`);
});
after(async () => { await browser.close(); });

async function fresh(options) {
  const context = await newContext(browser, options);
  return { context, page: await openPage(context) };
}

async function visibleView(page) {
  const views = await page.locator('.view:not([hidden])').evaluateAll((nodes) => nodes.map((n) => n.id));
  assert.equal(views.length, 1, `exactly one view is shown, not ${views.join(', ')}`);
  return views[0].replace(/^view-/, '');
}

async function currentTab(page) {
  return page.locator('.nav-btn[aria-current="page"]').getAttribute('data-view');
}

const hash = (page) => page.evaluate(() => location.hash);

// RU: 30 days from each entry. `build/boravak stay -c RU --stamps "+2026-10-20" --on 2026-11-10`:
// days_used 22, days_left 8, last_legal_day 2026-11-18.
const RU_LINK = '/#/calc?c=RU&on=2026-11-10&s=2026-10-20_';

// Five trips over a year, the first far outside the 180-day window (US: 90 in any 180 days).
const FIVE_TRIPS = [['2025-12-01', '2025-12-20'], ['2026-02-01', '2026-02-28'], ['2026-05-01', '2026-05-20'],
  ['2026-08-01', '2026-08-30'], ['2026-10-20', '']];

test('Back and Forward move between views, and a reload opens the same view', async () => {
  const { context, page } = await fresh();
  assert.equal(await visibleView(page), 'calc');
  await page.click('.nav-btn[data-view="fees"]');
  assert.equal(await hash(page), '#/fees');
  assert.equal(await visibleView(page), 'fees');
  assert.equal(await currentTab(page), 'fees');
  assert.match(await page.title(), /^Fees/, 'the window title names the view');
  await page.click('.nav-btn[data-view="rules"]');
  assert.equal(await hash(page), '#/rules');
  assert.equal(await visibleView(page), 'rules');

  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#view-fees').hidden);
  assert.equal(await hash(page), '#/fees');
  assert.equal(await currentTab(page), 'fees');
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#view-calc').hidden);
  assert.equal(await visibleView(page), 'calc');
  await page.goForward();
  await page.waitForFunction(() => !document.querySelector('#view-fees').hidden);
  assert.equal(await visibleView(page), 'fees');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fees-heading', 'focus moves to the view, as on a new page');

  await page.reload();
  await waitReady(page);
  assert.equal(await visibleView(page), 'fees', 'the reload keeps the view');
  assert.equal(await currentTab(page), 'fees');
  await page.waitForSelector('#fees-list .fee-set');

  // Clicking the tab of the view already open adds no history entry.
  const before = await page.evaluate(() => history.length);
  await page.click('.nav-btn[data-view="fees"]');
  assert.equal(await page.evaluate(() => history.length), before);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a guide has its own address: Back returns to the list, a reload reopens it', async () => {
  const { context, page } = await fresh();
  await page.click('.nav-btn[data-view="guides"]');
  const first = page.locator('#guides-list .guide-item button').first();
  await first.waitFor();
  const id = await first.getAttribute('data-guide');
  await first.click();
  await page.waitForSelector('#guide-view:not([hidden]) h2');
  assert.equal(await hash(page), `#/guides/${id}`);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#guide-view').hidden);
  assert.equal(await hash(page), '#/guides');
  assert.equal(await visibleView(page), 'guides');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.guide), id, 'focus is back on the guide that was open');
  await page.goForward();
  await page.waitForSelector('#guide-view:not([hidden]) h2');
  await page.reload();
  await waitReady(page);
  await page.waitForSelector('#guide-view:not([hidden]) h2');
  assert.equal(await visibleView(page), 'guides');
  // "Back to the list" is a new address too.
  await page.click('#guide-view .btn-quiet');
  assert.equal(await hash(page), '#/guides');
  assert.equal(await page.locator('#guide-view').isHidden(), true);
  await context.close();
});

test('a shared answer link fills the form and gives the same answer; no date reaches the server', async () => {
  const context = await newContext(browser);
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await openPage(context, RU_LINK);
  await page.waitForSelector('#calc-result:not([hidden]) .presence time[datetime="2026-11-10"]');
  assert.equal(await stat(page, 'days_used'), '22');
  assert.equal(await stat(page, 'days_left'), '8');
  assert.equal(await statDate(page, 'last_legal_day'), '2026-11-18');
  assert.equal(await page.inputValue('#calc-country'), 'RU');
  assert.equal(await page.inputValue('#calc-on'), '2026-11-10');
  assert.equal(await page.locator('.stay-row').count(), 1);
  assert.equal(await page.inputValue('.stay-row .stay-entry'), '2026-10-20');
  assert.equal(await page.inputValue('.stay-row .stay-exit'), '');
  assert.equal(await visibleView(page), 'calc');

  // The page's own answer writes the same kind of link, in place of the current entry.
  const fresh2 = await openPage(context);
  const length = await fresh2.evaluate(() => history.length);
  await enterStays(fresh2, 'RU', [['2026-10-20', ''], ['2026-01-01', '2026-01-10']], '2026-11-10');
  await count(fresh2);
  const link = await hash(fresh2);
  assert.equal(link, '#/calc?c=RU&on=2026-11-10&s=2026-01-01_2026-01-10,2026-10-20_');
  assert.equal(await fresh2.evaluate(() => history.length), length, 'replaced, not pushed');
  const used = await stat(fresh2, 'days_used');

  const third = await openPage(context, `/${link}`);
  await third.waitForSelector('#calc-result:not([hidden]) .presence time[datetime="2026-11-10"]');
  assert.equal(await stat(third, 'days_used'), used);
  assert.equal(await third.locator('.stay-row').count(), 2);

  const leaked = requests.filter((url) => /2026-10-20|2026-01-10/.test(url));
  assert.deepEqual(leaked, [], 'travel dates stay in the fragment');
  assert.deepEqual([...page.problems, ...fresh2.problems, ...third.problems], []);
  await context.close();
});

test('a damaged link opens the calculator without an answer, and an error takes the answer\'s address away', async () => {
  const context = await newContext(browser);
  const page = await openPage(context, '/#/calc?c=RU&on=2026-13-45&s=nonsense');
  assert.equal(await visibleView(page), 'calc');
  assert.equal(await page.locator('#calc-result').isHidden(), true);
  assert.deepEqual(page.problems, []);

  const shared = await openPage(context, RU_LINK);
  await shared.waitForSelector('#calc-result:not([hidden])');
  await shared.fill('#calc-on', '2026-10-01');
  await shared.click('#calc-form button[type="submit"]');
  await shared.waitForSelector('#calc-form .field-error');
  assert.equal(await hash(shared), '#/calc', 'no address for an answer that is gone');
  await context.close();
});

// The bounding boxes of every text of the picture, and of the picture itself, in page pixels.
async function timelineBoxes(page) {
  return page.locator('[data-testid="timeline"] svg').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return {
      frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom },
      texts: [...svg.querySelectorAll('text')].map((node) => {
        const r = node.getBoundingClientRect();
        return { text: node.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
      stays: [...svg.querySelectorAll('.tl-stay')].map((node) => {
        const r = node.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width };
      }),
    };
  });
}

test('the timeline draws all five trips of a year, its labels inside the picture at 320px', async () => {
  const { context, page } = await fresh({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  await enterStays(page, 'US', FIVE_TRIPS, '2026-11-10');
  await count(page);
  const { frame, texts, stays } = await timelineBoxes(page);
  assert.equal(stays.length, 5, 'one bar per trip, the first included');
  for (const bar of stays) assert.ok(bar.width >= 1 && bar.left >= frame.left - 0.5 && bar.right <= frame.right + 0.5, 'bar inside');
  assert.ok(texts.length >= 5, 'month names and markers');
  for (const box of texts) {
    assert.ok(box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5, `"${box.text}" fits across (${box.left}–${box.right} in ${frame.left}–${frame.right})`);
    assert.ok(box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5, `"${box.text}" fits down`);
  }
  // Month labels are whole and never overlap.
  const months = texts.filter((box) => !/:/.test(box.text)).sort((a, b) => a.left - b.left);
  for (let i = 1; i < months.length; i += 1) assert.ok(months[i].left >= months[i - 1].right, 'labels apart');
  const words = await page.locator('[data-testid="timeline"] desc').textContent();
  assert.match(words, /1 December 2025/, 'the first trip is in the words for screen readers too');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320);
  await context.close();
});

// The tables are open at first on a wide screen, a tap away on a phone.
async function openCalendar(page) {
  const details = page.locator('[data-testid="month-calendar"] details');
  const open = await details.evaluate((node) => node.open);
  if (!open) await details.locator('summary').click();
  return open;
}

async function day(page, iso) {
  const cell = page.locator(`[data-testid="month-calendar"] td[data-date="${iso}"]`);
  return {
    count: await cell.getAttribute('data-count'),
    shown: (await cell.locator('.mc-count').innerText()).trim(),
    spoken: (await cell.locator('.visually-hidden').innerText()).trim(),
    classes: await cell.getAttribute('class'),
  };
}

test('the month calendar counts each day as the answer does, and says so to screen readers', async () => {
  const { context, page } = await fresh({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  assert.equal(await openCalendar(page), false, 'closed at first on a phone');
  const calendar = page.locator('[data-testid="month-calendar"]');
  assert.deepEqual(await calendar.locator('table caption').allInnerTexts(), ['October 2026', 'November 2026']);
  assert.deepEqual(await calendar.locator('table').first().locator('thead th span[aria-hidden]').allInnerTexts(),
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  assert.equal((await day(page, '2026-10-20')).count, '1', 'the day of entry is day 1');
  const on = await day(page, '2026-11-10');
  assert.equal(on.count, '22', 'the check date: days_used');
  assert.equal(on.shown, '22');
  assert.match(on.spoken, /^10 November 2026: in Serbia, days used: 22 of 30 \(the check date\)$/);
  assert.match(on.classes, /mc-on/);
  const last = await day(page, '2026-11-18');
  assert.equal(last.count, '30', 'staying on to the last legal day');
  assert.match(last.classes, /mc-future/);
  assert.match(last.spoken, /if you stay on, days used: 30 of 30 \(your last legal day\)/);
  const after = await day(page, '2026-11-19');
  assert.equal(after.count, null);
  assert.match(after.classes, /mc-after/);
  assert.match(after.spoken, /after your last legal day/);
  assert.match((await day(page, '2026-10-19')).spoken, /not in Serbia/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320, 'the calendar fits 320px');
  assert.doesNotMatch(await calendar.evaluate((node) => node.textContent), /\bweb\.mc\./, 'every text is in the catalog');

  // In Russian: weekday names and months from Intl.
  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.querySelector('[data-testid="month-calendar"] thead th span')?.textContent === 'пн');
  assert.match((await day(page, '2026-11-10')).spoken, /использовано дней: 22 из 30/);
  await context.close();
});

test('the month calendar under 90 in any 180 days: the check date and the last legal day', async () => {
  const { context, page } = await fresh();
  await enterStays(page, 'US', FIVE_TRIPS, '2026-11-10');
  await count(page);
  assert.equal(await openCalendar(page), true, 'open at first on a wide screen');
  assert.equal(await stat(page, 'days_used'), '58');
  assert.equal((await day(page, '2026-11-10')).count, '58', 'the same count as the answer');
  const lastDay = await statDate(page, 'last_legal_day');
  assert.equal(lastDay, '2026-12-18');
  assert.equal((await day(page, '2026-12-18')).count, '90', 'the limit is reached on the last legal day');
  assert.match((await day(page, '2026-12-19')).classes, /mc-after/);
  // The window's first stay in it (May) is shown; the empty months between are one line each.
  assert.equal(await page.locator('[data-testid="month-calendar"] table[data-month="2026-05"]').count(), 1);
  assert.equal(await page.locator('[data-testid="month-calendar"] table[data-month="2026-06"]').count(), 0);
  assert.match(await page.locator('.mc-empty').first().innerText(), /June 2026 – July 2026: no days in Serbia/);
  await context.close();
});

test('an error under a date keeps the entry and exit inputs level', async () => {
  const { context, page } = await fresh({ viewport: { width: 1366, height: 900 } });
  await enterStays(page, 'RU', [['2026-10-20', '2026-10-01']], '2026-11-10');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector('.stay-row .field-error');
  const row = page.locator('.stay-row').first();
  const entry = await row.locator('.stay-entry').boundingBox();
  const exit = await row.locator('.stay-exit').boundingBox();
  assert.ok(Math.abs(entry.y - exit.y) < 1, `inputs level: ${entry.y} and ${exit.y}`);
  const remove = await row.locator('.remove-stay').boundingBox();
  assert.ok(remove.y < entry.y + entry.height, 'Remove stays level with the inputs too');
  await page.screenshot({ path: path.join(shots, 'error-1366.png') });
  await context.close();
});

// Words of each fee's name that wrap in the middle: a word drawn on two lines has two boxes.
async function brokenWords(page) {
  return page.locator('.fees-table tbody th').evaluateAll((cells) => {
    const broken = [];
    for (const cell of cells) {
      const node = cell.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      for (const m of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

test('at 390px: nothing overflows on any view, tabs are one row, fee names keep whole words', async () => {
  const { context, page } = await fresh({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  await enterStays(page, 'US', FIVE_TRIPS, '2026-11-10');
  await count(page);
  await openCalendar(page);
  assert.ok(await width() <= 390, 'the calculator with its answer, the calendar open');
  await page.screenshot({ path: path.join(shots, 'calc-390.png'), fullPage: true });
  const tops = await page.locator('.nav-btn').evaluateAll((tabs) => tabs.map((tab) => tab.offsetTop));
  assert.equal(new Set(tops).size, 1, 'the tabs stay on one row');
  for (const view of ['planner', 'fees', 'guides', 'rules']) {
    await page.click(`.nav-btn[data-view="${view}"]`);
    if (view === 'fees') await page.waitForSelector('#fees-list .fee-set');
    if (view === 'guides') await page.waitForSelector('#guides-list .guide-item');
    if (view === 'rules') await page.waitForSelector('#rules-list .rule-group');
    assert.ok(await width() <= 390, `the ${view} view`);
    // The tab of the open view is in sight in the scrolling row.
    const inSight = await page.locator('.nav-btn[aria-current="page"]').evaluate((tab) => {
      const nav = tab.parentElement.getBoundingClientRect();
      const box = tab.getBoundingClientRect();
      return box.left >= nav.left && box.right <= nav.right;
    });
    assert.ok(inSight, `the ${view} tab is in sight`);
    await page.screenshot({ path: path.join(shots, `${view}-390.png`), fullPage: view !== 'rules' });
  }
  await page.click('.nav-btn[data-view="fees"]');
  assert.deepEqual(await brokenWords(page), [], 'no fee name cut inside a word');
  for (const lang of ['ru', 'uk', 'sr']) {
    await page.selectOption('#lang-select', lang);
    await page.waitForFunction((code) => document.documentElement.lang.startsWith(code), lang);
    await page.waitForTimeout(300);
    assert.deepEqual(await brokenWords(page), [], `${lang}: no fee name cut inside a word`);
    assert.ok(await width() <= 390, `${lang}: the fees view`);
  }
  await context.close();
});

test('screenshots at 1366px', async () => {
  const { context, page } = await fresh({ viewport: { width: 1366, height: 900 } });
  await enterStays(page, 'US', FIVE_TRIPS, '2026-11-10');
  await count(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 1366);
  await page.screenshot({ path: path.join(shots, 'calc-1366.png'), fullPage: true });
  for (const view of ['fees', 'guides']) {
    await page.click(`.nav-btn[data-view="${view}"]`);
    await page.waitForSelector(view === 'fees' ? '#fees-list .fee-set' : '#guides-list .guide-item');
    await page.screenshot({ path: path.join(shots, `${view}-1366.png`), fullPage: true });
  }
  assert.ok(fs.readdirSync(shots).length >= 2);
  await context.close();
});
