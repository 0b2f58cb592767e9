// Onboarding (/start): language, citizenship, and the current permit if any; /language alone.
#include "bot_profile.h"
#include "dialog.h"

namespace boravak::bot {
namespace {

const std::vector<std::pair<std::string, std::string>> kLanguages = {
    {"en", "English"}, {"ru", "Русский"}, {"uk", "Українська"}, {"sr", "Srpski (latinica)"}, {"sr-Cyrl", "Српски (ћирилица)"}};

keyboard language_buttons() {
  keyboard k;
  for (const auto& [code, name] : kLanguages) k.push_back({{name, code}});
  return k;
}

bool set_language(turn& t) {
  for (const auto& [code, name] : kLanguages) {
    if (t.answer() != code) continue;
    t.chat.lang = code;
    app::settings_patch patch;
    patch.lang = code;
    update_settings(t, patch);
    return true;
  }
  return false;
}

std::string ask_citizenship(turn& t) {
  keyboard k{{}, {}};
  int n = 0;
  for (const char* code : {"RU", "UA", "BY", "CN", "TR", "US"}) k[n++ / 3].push_back({code, code});
  t.say(t.format("bot.ask.citizenship"), k);
  return "citizenship";
}

std::string finish(turn& t) {
  t.say(t.format("bot.onboarding.done"), main_menu(t.words()));
  return "";
}

std::string on_language(turn& t) {
  if (!set_language(t)) {
    t.say(t.format("bot.language.ask"), language_buttons());
    return "language";
  }
  return ask_citizenship(t);
}

std::string on_citizenship(turn& t) {
  std::string code = t.answer();
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code.size() != 2 || t.app.stay_rules.find_country(code) == nullptr) {
    t.say(t.format("bot.error.citizenship", {t.answer()}));
    return "citizenship";
  }
  app::settings_patch patch;
  patch.citizenship = code;
  update_settings(t, patch);
  t.say(t.format("bot.ask.permit"), {{{t.format("bot.answer.yes"), "yes"}, {t.format("bot.answer.no"), "no"}}});
  return "has_permit";
}

std::string on_has_permit(turn& t) {
  if (t.answer() == "yes") {
    t.say(t.format("bot.ask.permit_until"));
    return "permit_until";
  }
  return finish(t);
}

std::string on_permit_until(turn& t) {
  const auto until = t.answered_date(year_hint::future);
  if (!until) {
    return "permit_until";
  }
  // We ask only for the end: the start is recorded as today, which is all the reminders need.
  save_item(t, app::held_permit{"other", std::min(t.today, *until), *until, ""});
  return finish(t);
}

}  // namespace

keyboard main_menu(const i18n::catalog& w) {
  return {{{w.get("bot.menu.status"), "/status"}},
          {{w.get("bot.menu.entered"), "/in"}, {w.get("bot.menu.left"), "/out"}},
          {{w.get("bot.menu.trip"), "/trip"}, {w.get("bot.menu.plan"), "/plan"}},
          {{w.get("bot.menu.permit"), "/permit"}, {w.get("bot.menu.deadlines"), "/deadlines"}},
          {{w.get("bot.menu.guide"), "/guide"}}};
}

std::vector<dialog> onboarding_dialogs() {
  return {
      {"onboarding", {"/start"},
       [](turn& t) {
         ensure_profile(t);
         t.say(t.format("bot.welcome"), language_buttons());
         return std::string("language");
       },
       {{"language", on_language}, {"citizenship", on_citizenship}, {"has_permit", on_has_permit}, {"permit_until", on_permit_until}}},
      {"language", {"/language"},
       [](turn& t) {
         t.say(t.format("bot.language.ask"), language_buttons());
         return std::string("language");
       },
       {{"language", [](turn& t) {
          if (!set_language(t)) {
            t.say(t.format("bot.language.ask"), language_buttons());
            return std::string("language");
          }
          t.say(t.format("bot.language.done"), main_menu(t.words()));
          return std::string();
        }}}},
  };
}

}  // namespace boravak::bot
