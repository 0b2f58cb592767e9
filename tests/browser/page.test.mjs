// The page's files themselves, no browser needed: every text key the page uses is in
// i18n/en/web.po (and every web.* key there is used), nothing breaks the Content-Security-
// Policy (no inline scripts or styles, no eval, no markup from strings), files stay small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = path.join(ROOT, 'web');

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

const pageFiles = files(WEB);
const scripts = pageFiles.filter((f) => f.endsWith('.js'));
const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');

// Every web.* key of the English catalogs (web.po, web_views.po, …).
function catalogKeys() {
  const dir = path.join(ROOT, 'i18n/en');
  const keys = new Set();
  for (const file of fs.readdirSync(dir).filter((f) => /^web.*\.po$/.test(f))) {
    for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^msgid "(web\.[^"]+)"/gm)) keys.add(m[1]);
  }
  return keys;
}

// Keys written out in full, and the prefixes of keys built at run time (`web.plan.relation.${r}`).
function usedKeys() {
  const full = new Set();
  const prefixes = new Set();
  for (const file of [...scripts, path.join(WEB, 'index.html')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"](web\.[a-z0-9_.]+[a-z0-9_])['"]/g)) full.add(m[1]);
    for (const m of text.matchAll(/`(web\.[a-z0-9_.]+\.)\$\{/g)) prefixes.add(m[1]);
  }
  return { full, prefixes };
}

test('every text key the page uses is in i18n/en/web.po', () => {
  const catalog = catalogKeys();
  const { full, prefixes } = usedKeys();
  assert.ok(full.size > 100);
  const missing = [...full].filter((k) => !catalog.has(k));
  assert.deepEqual(missing, []);
  for (const prefix of prefixes) {
    assert.ok([...catalog].some((k) => k.startsWith(prefix)), `some key starts with ${prefix}`);
  }
  const unused = [...catalog].filter((k) => !full.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'keys no page file uses');
});

test('web.po: no plural entries, {name} placeholders only', () => {
  const po = fs.readFileSync(path.join(ROOT, 'i18n/en/web.po'), 'utf8');
  assert.doesNotMatch(po, /^msgid_plural/m);
  assert.doesNotMatch(po, /\{\d+\}/, 'the page fills {name} placeholders, not {1}');
});

test('nothing the Content-Security-Policy would block', () => {
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'no inline script');
  assert.doesNotMatch(html, /<style[\s>]/i, 'no <style> block');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  assert.doesNotMatch(html, /https?:\/\//, 'nothing from another origin');
  for (const file of scripts) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.relative(WEB, file);
    assert.doesNotMatch(text, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/, `${name}: no markup from strings`);
    assert.doesNotMatch(text, /\beval\(|new Function\(|setTimeout\(\s*['"`]/, `${name}: no eval`);
    assert.doesNotMatch(text, /\.style\.|setAttribute\(\s*['"]style['"]/, `${name}: no inline styles`);
    assert.doesNotMatch(text, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, `${name}: nothing from another origin`);
  }
});

test('small files: under 400 lines each', () => {
  for (const file of pageFiles) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').length;
    assert.ok(lines < 400, `${path.relative(ROOT, file)} has ${lines} lines`);
  }
});
