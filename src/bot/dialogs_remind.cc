// /remind: the person's own reminders (saved in the profile, so the web page shows them too),
// and how many days before each deadline the bot reminds them (profile setting remind_days).
#include <sstream>

#include "app/profile_codec.h"
#include "bot_profile.h"
#include "dialog.h"

namespace boravak::bot {
namespace {

// A note longer than this is a letter, not a reminder; Telegram shows it whole anyway.
constexpr std::size_t kLongestNote = 200;

std::string joined_days(const std::vector<int>& leads) {
  std::string out;
  for (int d : leads) out += (out.empty() ? "" : ", ") + std::to_string(d);
  return out;
}

const std::vector<int>& usual_leads(turn& t) {
  static const reminder_options kBuiltIn;
  return (t.reminders != nullptr ? *t.reminders : kBuiltIn).default_lead_days;
}

const std::vector<int>& leads_of(turn& t, const app::profile& p) {
  return p.settings.remind_days.empty() ? usual_leads(t) : p.settings.remind_days;
}

// "20 October 2026: pick up the card": what a saved reminder says, in the chat's language.
std::string line_for(turn& t, const app::profile& p, const app::reminder& r) {
  std::string what = r.note.empty() ? t.words().get("bot.reminder.what." + std::string(app::reminder_kind_name(r.kind))) : r.note;
  if (r.family_id)
    for (const auto& [id, member] : p.all<app::family_member>())
      if (id == *r.family_id) what = t.format("bot.reminder.for_member", {what, member->name});
  return t.words().date_text(r.on) + ": " + what;
}

// A button's label, cut to fit, and never inside a UTF-8 character: Telegram refuses a
// message whose text is not valid UTF-8, and a reminder's note may be Cyrillic.
std::string button_label(std::string text) {
  constexpr std::size_t kLongest = 60;
  if (text.size() <= kLongest) return text;
  std::size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string show(turn& t) {
  const app::profile p = current_profile(t);
  std::string text;
  const auto saved = p.all<app::reminder>();
  if (saved.empty()) {
    text = t.format("bot.remind.none");
  } else {
    text = t.format("bot.remind.heading");
    for (const auto& [id, r] : saved) text += "\n• " + line_for(t, p, *r);
  }
  text += "\n\n" + t.format("bot.remind.leads", {joined_days(leads_of(t, p))});
  keyboard k{{{t.format("bot.remind.button.add"), "add"}}};
  if (!saved.empty()) k.back().push_back({t.format("bot.remind.button.remove"), "remove"});
  k.push_back({{t.format("bot.remind.button.leads"), "leads"}});
  t.say(text, k);
  return "choice";
}

std::string on_choice(turn& t) {
  const std::string& a = t.answer();
  if (a == "add") {
    t.say(t.format("bot.remind.ask.date"));
    return "date";
  }
  if (a == "remove") {
    const app::profile p = current_profile(t);
    keyboard k;
    for (const auto& [id, r] : p.all<app::reminder>()) k.push_back({{button_label(line_for(t, p, *r)), "rm:" + std::to_string(id)}});
    if (k.empty()) return show(t);
    t.say(t.format("bot.remind.ask.remove"), k);
    return "remove";
  }
  if (a == "leads") {
    t.say(t.format("bot.remind.ask.leads", {joined_days(usual_leads(t))}));
    return "leads";
  }
  return show(t);
}

std::string on_date(turn& t) {
  const auto day = t.answered_date(year_hint::future);
  if (!day) return "date";
  if (*day < t.today) {
    t.say(t.format("bot.remind.error.past", {t.words().date_text(*day)}));
    return "date";
  }
  t.data["on"] = to_iso_string(*day);
  t.say(t.format("bot.remind.ask.note", {t.words().date_text(*day)}));
  return "note";
}

std::string on_note(turn& t) {
  std::string note = t.answer();
  while (!note.empty() && (note.back() == ' ' || note.back() == '\n')) note.pop_back();
  if (note.empty() || note.size() > kLongestNote) {
    t.say(t.format("bot.remind.error.note", {std::to_string(kLongestNote)}));
    return "note";
  }
  const auto on = parse_iso_date(t.data.value("on", ""));
  if (!on) return show(t);
  save_item(t, app::reminder{app::reminder_kind::custom, *on, note, std::nullopt});
  t.say(t.format("bot.remind.added", {t.words().date_text(*on), note}), main_menu(t.words()));
  return "";
}

std::string on_remove(turn& t) {
  const std::string& a = t.answer();
  std::int64_t id = 0;
  if (a.rfind("rm:", 0) == 0) id = std::strtoll(a.c_str() + 3, nullptr, 10);
  const app::profile p = current_profile(t);
  for (const auto& [item_id, r] : p.all<app::reminder>()) {
    if (item_id != id) continue;
    const date on = r->on;
    app::profile_service(t.app).remove(p.id, app::item_kind::reminders, id);
    t.profile_changed = true;
    t.say(t.format("bot.remind.removed", {t.words().date_text(on)}), main_menu(t.words()));
    return "";
  }
  t.say(t.format("bot.remind.gone"), main_menu(t.words()));
  return "";
}

std::string on_leads(turn& t) {
  std::istringstream typed(t.answer());
  std::vector<int> leads;
  std::string word;
  bool fits = true;
  while (typed >> word) {
    // "30, 7, 1" and "30 7 1" both work.
    while (!word.empty() && (word.back() == ',' || word.back() == ';')) word.pop_back();
    if (word.empty()) continue;
    if (word.size() > 3 || word.find_first_not_of("0123456789") != std::string::npos) {
      fits = false;
      break;
    }
    leads.push_back(std::stoi(word));
  }
  const bool back_to_usual = leads.size() == 1 && leads.front() == 0;
  if (!fits || leads.empty() || (!back_to_usual && leads.size() > 8)) {
    t.say(t.format("bot.remind.error.leads"));
    return "leads";
  }
  app::settings_patch patch;
  patch.remind_days = back_to_usual ? std::vector<int>{} : leads;
  try {
    update_settings(t, patch);
  } catch (const refused&) {
    t.say(t.format("bot.remind.error.leads"));
    return "leads";
  }
  const app::profile p = current_profile(t);
  t.say(t.format("bot.remind.leads_saved", {joined_days(leads_of(t, p))}), main_menu(t.words()));
  return "";
}

}  // namespace

std::vector<dialog> remind_dialogs() {
  return {{"remind", {"/remind", "/reminders"}, show,
           {{"choice", on_choice}, {"date", on_date}, {"note", on_note}, {"remove", on_remove}, {"leads", on_leads}}}};
}

}  // namespace boravak::bot
