// The Telegram bot and the web profile: the page's labels are the ones the bot names; Link
// Telegram gives a one-time /link code with its expiry; a code from the bot (/webcode) that
// the server refuses shows the server's message beside the input. (The whole round trip with
// the bot is the bot's own test.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, launchBrowser, newContext, openPage, enterStays } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

// msgstr of one key in i18n/<lang>/<part>.po (single or continued lines).
function msgstr(lang, part, key) {
  const po = fs.readFileSync(path.join(ROOT, 'i18n', lang, `${part}.po`), 'utf8');
  const at = po.indexOf(`msgid "${key}"\n`);
  assert.ok(at >= 0, `${lang}/${part}.po has ${key}`);
  const entry = po.slice(at).split(/\n\n/)[0];
  const quoted = entry.slice(entry.indexOf('msgstr ')).match(/"(?:[^"\\]|\\.)*"/g);
  return quoted.map((q) => JSON.parse(q)).join('');
}

test('the page names Profile and Link Telegram exactly as the bot does, in every language', () => {
  for (const lang of ['en', 'ru', 'uk', 'sr']) {
    const heading = msgstr(lang, 'web', 'web.profile.heading');
    const button = msgstr(lang, 'web', 'web.profile.telegram.link');
    const ask = msgstr(lang, 'bot', 'bot.link.ask');
    assert.ok(ask.includes(heading), `${lang}: bot.link.ask "${ask}" names the section "${heading}"`);
    assert.ok(ask.includes(button), `${lang}: bot.link.ask "${ask}" names the button "${button}"`);
    assert.ok(msgstr(lang, 'bot', 'bot.webcode.text').includes(heading), `${lang}: bot.webcode.text names "${heading}"`);
  }
});

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

async function saveProfile(page) {
  await enterStays(page, 'RU', [['2026-09-01', '2026-09-05']], '2026-11-10');
  await page.click('#profile-save');
  await page.waitForSelector('#profile-box:not([hidden])');
  await page.waitForFunction(() => /\/#p=/.test(document.querySelector('#profile-link').value));
  return /#p=(.+)$/.exec(await page.inputValue('#profile-link'))[1];
}

test('Link Telegram shows a one-time /link code with its local expiry time', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  assert.equal((await page.locator('#profile-heading').innerText()).trim(), 'Profile');
  assert.equal(await page.locator('#telegram-link').isVisible(), false, 'no profile, nothing to link');
  const secret = await saveProfile(page);

  assert.equal((await page.locator('#telegram-link').innerText()).trim(), 'Link Telegram');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${BASE}/v1/profile/link-code`)),
    page.click('#telegram-link'),
  ]);
  assert.equal(response.status(), 201);
  const answer = await response.json();
  await page.waitForSelector('#telegram-code-box:not([hidden])');
  const command = await page.inputValue('#telegram-command');
  const match = /^\/link (\S+)$/.exec(command);
  assert.ok(match, `the message to send: ${command}`);
  assert.match(match[1], CODE, 'an 8-character code');
  assert.equal(match[1], answer.code);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'telegram-command', 'the code is focused, ready to copy');

  // The expiry in the browser's time zone (Europe/Belgrade in these tests), 15 minutes away.
  const expires = new Date(answer.expires_at);
  const minutes = (expires.getTime() - Date.now()) / 60_000;
  assert.ok(minutes > 13 && minutes <= 15.1, `valid about 15 minutes: ${minutes}`);
  const local = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Belgrade' }).format(expires);
  const expiry = await page.locator('#telegram-expiry').innerText();
  assert.ok(expiry.includes(local), `"${expiry}" names ${local}`);
  assert.match(expiry, /once/);

  await page.click('#telegram-copy');
  await page.waitForFunction(() => document.querySelector('#profile-status').textContent.length > 0, null, { timeout: 5000 });
  assert.match(await page.locator('#profile-status').innerText(), /\S/, 'copying says so');

  // The labels the Russian bot names, and the expiry redrawn in Russian.
  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  assert.equal((await page.locator('#profile-heading').innerText()).trim(), 'Профиль');
  assert.equal((await page.locator('#telegram-link').innerText()).trim(), 'Привязать Telegram');
  assert.ok((await page.locator('#telegram-expiry').innerText()).includes(`до ${local}`));
  await page.selectOption('#lang-select', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  // Another code for the same profile replaces the one shown.
  await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${BASE}/v1/profile/link-code`)),
    page.click('#telegram-link'),
  ]);
  await page.waitForFunction((old) => document.querySelector('#telegram-command').value !== old, command);
  assert.match(/^\/link (\S+)$/.exec(await page.inputValue('#telegram-command'))[1], CODE);

  // A deleted profile takes its code off the page.
  await page.click('#profile-delete');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-yes');
  await page.waitForSelector('#profile-box', { state: 'hidden' });
  assert.equal(await page.inputValue('#telegram-command'), '');
  assert.equal((await fetch(`${BASE}/v1/profile`, { headers: { Authorization: `Bearer ${secret}` } })).status, 401);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a code the server refuses shows its message beside the input; nothing opens', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  assert.ok(await page.locator('#claim-form').isVisible(), 'usable with no profile yet');
  assert.equal(await page.getAttribute('#claim-error', 'aria-live'), 'polite');

  await page.fill('#claim-code', 'nope 2345');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${BASE}/v1/profiles/claim`)),
    page.click('#claim-form button[type="submit"]'),
  ]);
  assert.equal(response.status(), 422);
  assert.equal(JSON.parse(response.request().postData()).code, 'nope2345', 'spaces left out');
  const { error } = await response.json();
  await page.waitForFunction(() => document.querySelector('#claim-error').textContent.length > 0);
  assert.equal(await page.locator('#claim-error').innerText(), error.message, 'the server\'s own words');
  assert.equal(await page.getAttribute('#claim-code', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#claim-code', 'aria-describedby'), /\bclaim-error\b/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'claim-code', 'back in the field to retype');
  assert.equal(await page.inputValue('#claim-code'), 'nope 2345', 'what was typed stays');
  assert.equal(await page.locator('#profile-box').isVisible(), false);
  assert.equal(await page.evaluate(() => localStorage.getItem('boravak.profile')), null);

  // Typing again clears the message.
  await page.fill('#claim-code', 'ABCD2345');
  assert.equal(await page.locator('#claim-error').innerText(), '');
  assert.equal(await page.getAttribute('#claim-code', 'aria-invalid'), null);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('with a profile open, a code from Telegram asks first; Cancel keeps the profile and sends nothing', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  const secret = await saveProfile(page);
  let claims = 0;
  page.on('request', (r) => { if (r.url().startsWith(`${BASE}/v1/profiles/claim`)) claims += 1; });
  await page.fill('#claim-code', 'ABCD2345');
  await page.click('#claim-form button[type="submit"]');
  await page.waitForSelector('#confirm-dialog[open]');
  assert.match(await page.locator('#confirm-message').innerText(), /already open/);
  await page.click('#confirm-no');
  await page.waitForSelector('#confirm-dialog[open]', { state: 'detached' });
  assert.equal(claims, 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('boravak.profile')), secret);
  assert.ok(await page.locator('#profile-box').isVisible());
  await fetch(`${BASE}/v1/profile`, { method: 'DELETE', headers: { Authorization: `Bearer ${secret}` } });
  await context.close();
});
