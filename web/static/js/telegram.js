// The Telegram bot and the web profile, both ways (docs/api.md, Profiles):
// - Link Telegram: POST /v1/profile/link-code gives a one-time code; the person sends
//   "/link CODE" to the bot within 15 minutes and the chat then uses this profile.
// - Use a code from Telegram: the bot's /webcode gives a code; POST /v1/profiles/claim turns
//   it into a secret for this browser, kept and loaded like a newly saved profile.
import { post } from './api.js';
import { $ } from './dom.js';
import { t, localeTag } from './i18n.js';
import { messageOf } from './errors.js';
import { confirmDialog } from './confirm.js';
import { currentSecret, onProfileChange, adoptProfile } from './profile.js';

let linkCode = null; // {code, expires: Date}
let expiryTimer = null;

function status(text, isError = false) {
  const box = $('#profile-status');
  box.textContent = text;
  box.classList.toggle('error-text', isError);
}

function formatTime(date) {
  return new Intl.DateTimeFormat(localeTag(), { hour: '2-digit', minute: '2-digit' }).format(date);
}

function showCode() {
  const box = $('#telegram-code-box');
  box.hidden = !linkCode;
  $('#telegram-command').value = linkCode ? `/link ${linkCode.code}` : '';
  $('#telegram-expiry').textContent = linkCode ? t('web.profile.telegram.expires', { time: formatTime(linkCode.expires) }) : '';
}

function dropCode() {
  clearTimeout(expiryTimer);
  expiryTimer = null;
  linkCode = null;
  showCode();
}

async function getLinkCode() {
  const secret = currentSecret();
  if (!secret) return;
  const button = $('#telegram-link');
  button.disabled = true;
  status('');
  try {
    const answer = await post('/v1/profile/link-code', undefined, { secret });
    const expires = new Date(answer.expires_at);
    linkCode = { code: answer.code, expires: Number.isNaN(expires.getTime()) ? new Date(Date.now() + 15 * 60_000) : expires };
    clearTimeout(expiryTimer);
    expiryTimer = setTimeout(() => {
      dropCode();
      status(t('web.profile.telegram.expired'));
    }, Math.max(0, linkCode.expires.getTime() - Date.now()));
    showCode();
    $('#telegram-command').focus();
    $('#telegram-command').select();
  } catch (error) {
    status(messageOf(error), true);
  } finally {
    button.disabled = false;
  }
}

async function copyCommand() {
  const input = $('#telegram-command');
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    document.execCommand('copy');
  }
  status(t('web.profile.telegram.copied'));
}

function claimError(message) {
  const input = $('#claim-code');
  $('#claim-error').textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

// What people paste: "abcd 2345", " ABCD-2345 ". The server ignores the case.
function typedCode() {
  return $('#claim-code').value.replace(/[\s-]+/g, '');
}

async function claim(event) {
  event.preventDefault();
  claimError('');
  const code = typedCode();
  if (currentSecret()) {
    const ok = await confirmDialog(t('web.profile.claim.replace.confirm'), t('web.profile.claim.replace.yes'), t('web.profile.claim.replace.no'));
    if (!ok) return;
  }
  const button = $('#claim-form button[type="submit"]');
  button.disabled = true;
  try {
    const answer = await post('/v1/profiles/claim', code ? { code } : {});
    $('#claim-code').value = '';
    await adoptProfile(answer.secret);
  } catch (error) {
    claimError(messageOf(error));
    $('#claim-code').focus();
  } finally {
    button.disabled = false;
  }
}

export function initTelegram() {
  $('#telegram-link').addEventListener('click', getLinkCode);
  $('#telegram-copy').addEventListener('click', copyCommand);
  $('#claim-form').addEventListener('submit', claim);
  $('#claim-code').addEventListener('input', () => {
    if ($('#claim-error').textContent) claimError('');
  });
  // A code belongs to the profile it was made for.
  onProfileChange(dropCode);
}

export function refreshTelegramTexts() {
  showCode();
}
