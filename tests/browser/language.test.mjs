// Languages: the switcher changes the visible texts and <html lang> without a reload, dates
// follow the language, the choice survives a reload, and a first visit follows the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newContext, openPage, waitReady, enterStays, count } from './lib.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser.close(); });

const CYRILLIC = /[\u0400-\u04FF]/;

async function texts(page) {
  return {
    lang: await page.getAttribute('html', 'lang'),
    heading: (await page.locator('#calc-heading').innerText()).trim(),
    submit: (await page.locator('#calc-form button[type="submit"]').innerText()).trim(),
    title: await page.title(),
  };
}

// A text the catalog does not have comes back as "[web.key]": that is not a translation.
function assertTranslated(now, english, lang) {
  for (const key of ['heading', 'submit']) {
    assert.notEqual(now[key], english[key], `${lang}: ${key} changed from English`);
    assert.ok(!now[key].startsWith('[web.'), `${lang}: ${key} is translated, not "${now[key]}"`);
  }
}

test('switching to Russian and to Serbian Cyrillic changes texts, dates and <html lang>, and survives a reload', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  const english = await texts(page);
  assert.equal(english.lang, 'en');
  assert.equal(await page.inputValue('#lang-select'), 'en');
  assert.ok(await page.locator('label[for="lang-select"]').textContent(), 'the switcher has a label');

  await enterStays(page, 'RU', [['2026-10-20', '']], '2026-11-10');
  await count(page);
  const navigations = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });

  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  assert.deepEqual(navigations, [], 'no reload');
  const russian = await texts(page);
  assertTranslated(russian, english, 'ru');
  assert.match(russian.heading, CYRILLIC);
  // The answer on screen is redrawn in Russian, with Russian dates.
  await page.waitForFunction(() => /ноября/.test(document.querySelector('#calc-result [data-stat="last_legal_day"]').textContent));
  assert.equal(await page.inputValue('#calc-country'), 'RU', 'the form keeps its values');

  await page.reload();
  await waitReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru', 'remembered after a reload');
  assert.equal(await page.inputValue('#lang-select'), 'ru');
  assert.equal((await texts(page)).heading, russian.heading);

  await page.selectOption('#lang-select', 'sr-Cyrl');
  await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');
  const cyrillic = await texts(page);
  assertTranslated(cyrillic, english, 'sr-Cyrl');
  assert.match(cyrillic.heading, CYRILLIC);
  assert.notEqual(cyrillic.heading, russian.heading);

  await page.selectOption('#lang-select', 'sr');
  await page.waitForFunction(() => document.documentElement.lang === 'sr-Latn');
  const latin = await texts(page);
  assertTranslated(latin, english, 'sr');
  assert.doesNotMatch(latin.heading, CYRILLIC, 'Serbian Latin has no Cyrillic letters');

  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#lang-select'), 'sr');
  await context.close();
});

test('a first visit follows the browser\'s languages; English otherwise', async () => {
  const ukrainian = await newContext(browser, { locale: 'uk-UA' });
  const page = await openPage(ukrainian);
  assert.equal(await page.getAttribute('html', 'lang'), 'uk');
  assert.equal(await page.inputValue('#lang-select'), 'uk');
  await ukrainian.close();

  const german = await newContext(browser, { locale: 'de-DE' });
  const other = await openPage(german);
  assert.equal(await other.getAttribute('html', 'lang'), 'en');
  await german.close();
});

test('API texts come in the chosen language too', async () => {
  const context = await newContext(browser);
  const page = await openPage(context);
  await page.selectOption('#lang-select', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await page.click('.nav-btn[data-view="guides"]');
  const first = page.locator('#guides-list .guide-item button').first();
  await first.waitFor();
  assert.match(await first.innerText(), CYRILLIC, 'guide titles from /v1/guides?lang=ru');
  await context.close();
});
