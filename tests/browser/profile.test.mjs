// Profiles: Save creates one and stores the trips and citizenship; the link (#p=…) and the
// stored secret bring the stays back after a reload and on another device; Export downloads
// everything; Delete (after a confirmation) removes it for good.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { BASE, launchBrowser, newContext, openPage, waitReady, enterStays, enterStamps } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

const STAYS = [['2026-09-01', '2026-09-05'], ['2026-10-20', '']];

async function rows(page) {
  return page.locator('.stay-row').evaluateAll((list) => list.map((row) => [
    row.querySelector('.stay-entry').value, row.querySelector('.stay-exit').value]));
}

async function save(page) {
  await page.click('#profile-save');
  await page.waitForSelector('#profile-box:not([hidden])');
  await page.waitForFunction(() => /\/#p=/.test(document.querySelector('#profile-link').value));
  const link = await page.inputValue('#profile-link');
  const match = /^(.*)\/#p=([A-Za-z0-9_-]{43})$/.exec(link);
  assert.ok(match, `a bookmarkable link: ${link}`);
  assert.equal(match[1], BASE);
  return { link, secret: match[2] };
}

async function profileStatus(secret) {
  const response = await fetch(`${BASE}/v1/profile`, { headers: { Authorization: `Bearer ${secret}` } });
  return { status: response.status, body: await response.json() };
}

test('saved stays come back after a reload, through the link on another device, and go on delete', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  assert.equal(await page.locator('#profile-box').isVisible(), false, 'no profile yet');
  await enterStays(page, 'RU', STAYS, '2026-11-10');
  const { link, secret } = await save(page);
  assert.match(await page.locator('#profile-box .warning-inline').innerText(), /\S/, 'the link-is-the-key warning is shown');
  assert.equal(await page.evaluate(() => localStorage.getItem('boravak.profile')), secret);
  const stored = await profileStatus(secret);
  assert.equal(stored.status, 200);
  assert.deepEqual(stored.body.trips.map((t) => [t.entry, t.exit]), [['2026-09-01', '2026-09-05'], ['2026-10-20', null]]);
  assert.equal(stored.body.settings.citizenship, 'RU');

  // Saving again without changes keeps exactly the same trips.
  await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${BASE}/v1/profile`) && r.request().method() === 'PATCH'),
    page.click('#profile-save'),
  ]);
  assert.equal((await profileStatus(secret)).body.trips.length, 2);

  await page.reload();
  await waitReady(page);
  assert.deepEqual(await rows(page), [['2026-09-01', '2026-09-05'], ['2026-10-20', '']], 'the stays are back after a reload');
  assert.equal(await page.inputValue('#calc-country'), 'RU');
  assert.ok(await page.locator('#profile-box').isVisible());

  // Another device: no localStorage, only the link.
  const other = await newContext(browser);
  const second = await openPage(other, link.slice(BASE.length));
  assert.deepEqual(await rows(second), [['2026-09-01', '2026-09-05'], ['2026-10-20', '']], 'the link opens the same stays');
  assert.equal(await second.inputValue('#calc-country'), 'RU');
  assert.ok(!second.url().includes(secret), 'the secret leaves the address bar');
  assert.equal(await second.evaluate(() => localStorage.getItem('boravak.profile')), secret, 'and is kept on this device');
  await other.close();

  // Export: the whole profile as a JSON file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#profile-export')]);
  const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  assert.equal(exported.trips.length, 2);

  // Delete asks first; "Keep" keeps it.
  await page.click('#profile-delete');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-no');
  assert.equal((await profileStatus(secret)).status, 200, 'Keep keeps the profile');
  await page.click('#profile-delete');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-yes');
  await page.waitForSelector('#profile-box', { state: 'hidden' });
  assert.equal((await profileStatus(secret)).status, 401, 'the profile is gone from the server');
  assert.equal(await page.evaluate(() => localStorage.getItem('boravak.profile')), null);
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await rows(page), [['', '']], 'nothing comes back after a reload');
  assert.equal(await page.locator('#profile-box').isVisible(), false);

  // The old link now says it no longer works, and opens nothing.
  const third = await newContext(browser);
  const dead = await openPage(third, link.slice(BASE.length));
  assert.deepEqual(await rows(dead), [['', '']]);
  assert.ok((await dead.locator('#profile-status').innerText()).length > 0, 'a message explains why');
  await third.close();
  await context.close();
});

test('stays typed as stamps are saved as the stays the server read', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  await enterStamps(page, 'UA', '+2026-10-20 -2026-09-01 +2026-08-15', '2026-11-10');
  const { secret } = await save(page);
  const stored = await profileStatus(secret);
  assert.deepEqual(stored.body.trips.map((t) => [t.entry, t.exit]).sort(), [['2026-08-15', '2026-09-01'], ['2026-10-20', null]]);
  assert.equal(stored.body.settings.citizenship, 'UA');
  await fetch(`${BASE}/v1/profile`, { method: 'DELETE', headers: { Authorization: `Bearer ${secret}` } });
  await context.close();
});
