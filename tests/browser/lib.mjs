// Shared helpers of the browser tests: one headless Debian Chromium per test file (never a
// downloaded browser), a fresh context per test, and the calculator's common moves.
import { chromium } from 'playwright-core';

export const BASE = process.env.BORAVAK_URL || 'http://127.0.0.1:18080';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// launch() gives every browser a fresh, temporary user-data directory.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

// A context is a fresh profile: its own localStorage, like a new device.
export async function newContext(browser, options = {}) {
  return browser.newContext({
    locale: 'en-US',
    timezoneId: 'Europe/Belgrade',
    viewport: { width: 1000, height: 900 },
    acceptDownloads: true,
    ...options,
  });
}

// Opens the page and waits until texts, countries and any saved profile are in.
export async function openPage(context, path = '/') {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  await page.goto(BASE + path);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  return page;
}

export async function waitReady(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
}

// Fills the calculator with date rows: stays = [[entry, exit|''], …].
export async function enterStays(page, citizenship, stays, on) {
  await page.selectOption('#calc-country', citizenship);
  await page.check('input[name="calc-mode"][value="dates"]');
  while ((await page.locator('.stay-row').count()) < stays.length) await page.click('#add-stay');
  const rows = page.locator('.stay-row');
  for (const [i, [entry, exit]] of stays.entries()) {
    await rows.nth(i).locator('.stay-entry').fill(entry);
    await rows.nth(i).locator('.stay-exit').fill(exit || '');
  }
  await page.fill('#calc-on', on);
}

export async function enterStamps(page, citizenship, stamps, on) {
  await page.selectOption('#calc-country', citizenship);
  await page.check('input[name="calc-mode"][value="stamps"]');
  await page.fill('#calc-stamps-text', stamps);
  await page.fill('#calc-on', on);
}

// Submits and waits for the answer for this check date.
export async function count(page) {
  const on = await page.inputValue('#calc-on');
  await page.click('#calc-form button[type="submit"]');
  await page.waitForSelector(`#calc-result:not([hidden]) .presence time[datetime="${on}"]`);
}

// The number of a stat, without the note of the reading that gave it.
export async function stat(page, name) {
  return (await page.locator(`#calc-result [data-stat="${name}"] dd .value`).innerText()).trim();
}

export async function statDate(page, name) {
  const time = page.locator(`#calc-result [data-stat="${name}"] dd time`);
  return (await time.count()) ? time.getAttribute('datetime') : null;
}
