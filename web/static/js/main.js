// Starts the page: texts in the chosen language first, then every part, then a saved profile.
import { $ } from './dom.js';
import { initialLanguage, setLanguage, onLanguageChange, t, currentLang } from './i18n.js';
import { loadCountries } from './countries.js';
import { initViews } from './views.js';
import { initCalculator, setStays, setCitizenship, calculate } from './calculator.js';
import { initRoutes } from './route.js';
import { initPlanner } from './planner.js';
import { initVisarun } from './visarun.js';
import { initFees } from './fees.js';
import { initGuides } from './guides.js';
import { initRules } from './rules.js';
import { initAgency } from './agency.js';
import { initProfile, loadProfile, refreshProfileTexts } from './profile.js';
import { initTelegram, refreshTelegramTexts } from './telegram.js';
import { loadEngine } from './engine.js';

async function startLanguage() {
  try {
    await setLanguage(initialLanguage(), { remember: false });
  } catch {
    await setLanguage('en', { remember: false });
  }
}

function initLanguageSwitch() {
  const select = $('#lang-select');
  select.value = currentLang();
  select.addEventListener('change', async () => {
    try {
      await setLanguage(select.value);
      $('#global-status').textContent = t('web.lang.changed');
    } catch {
      select.value = currentLang();
    }
  });
  onLanguageChange((code) => {
    select.value = code;
    refreshProfileTexts();
    refreshTelegramTexts();
  });
}

async function main() {
  // Installable and offline (sw.js); a browser without service workers just skips it.
  import('./offline.js').then(({ registerOffline }) => registerOffline()).catch(() => {});
  loadEngine();  // compiles while the texts load
  try {
    await startLanguage();
  } catch {
    $('#boot-error').hidden = false;
    return;
  }
  initLanguageSwitch();
  initViews();
  initCalculator();
  initPlanner();
  initVisarun();
  initFees();
  initGuides();
  initRules();
  initAgency();
  initProfile();
  initTelegram();
  document.documentElement.classList.remove('booting');
  try {
    await loadCountries();
  } catch {
    $('#boot-error').hidden = false;
  }
  await loadProfile();
  // A shared link's view and answer win over the saved profile's.
  await initRoutes({ setStays, setCitizenship, calculate });
  document.documentElement.dataset.ready = 'true';
}

main();
