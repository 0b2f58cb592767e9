// Everything about the person's own data: /deadlines (also as .ics), /guide, /export,
// /delete, /link (a code from the web page), /webcode (a code for the web page) and /help.
#include "boravak/permit/deadlines.h"
#include "bot_profile.h"
#include "content/guide_library.h"
#include "dialog.h"
#include "app/profile_codec.h"
#include "app/profile_dates.h"
#include "io/calendar_export.h"
#include "store/secret.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

// The profile and the kind of date name each event, never the date: a moved date updates it.
std::vector<io::dated_event> known_dates(turn& t) { return app::dates_of_profile(t.app, ensure_profile(t), t.today, t.words()); }

std::string deadlines(turn& t) {
  const auto events = known_dates(t);
  if (events.empty()) {
    t.say(t.format("bot.deadlines.none"), main_menu(t.words()));
    return "";
  }
  std::string text = t.format("bot.deadlines.heading");
  for (const io::dated_event& e : events) text += "\n" + e.summary;
  t.say(text);
  t.send_file(outgoing::kind::document, "boravak-dates.ics",
              io::dates_to_ics(events, t.today, t.words(), t.app.permit_rules.deadlines.alarm_days_before), "text/calendar",
              t.format("bot.deadlines.ics_caption"));
  return "";
}

std::string on_guide_query(turn& t) {
  const auto hits = t.app.guide_search().search(t.answer());
  if (hits.empty()) {
    t.say(t.format("bot.guide.none", {t.answer()}));
    return "";
  }
  const content::guide& best = *hits.front().topic;
  std::string text = t.words().get(best.title_key) + "\n\n";
  for (const std::string& key : best.paragraph_keys) text += t.words().get(key) + "\n\n";
  std::string others;
  for (std::size_t i = 1; i < hits.size() && i < 4; ++i) others += (others.empty() ? "" : "; ") + t.words().get(hits[i].topic->title_key);
  if (!others.empty()) text += t.format("bot.guide.more", {others});
  t.say(text);
  return "";
}

std::string export_all(turn& t) {
  // The same form as the web's export, with the chat it came from.
  nlohmann::json out = app::to_json(current_profile(t));
  out["chat"] = {{"chat_id", t.chat.chat_id}, {"lang", t.chat.lang}};
  // The reminders this chat was sent and is yet to be sent, as /delete promises to remove them.
  nlohmann::json reminders = nlohmann::json::array();
  for (const store::reminder_job& r : t.app.store->chat_reminders(t.chat.chat_id)) {
    nlohmann::json about = nlohmann::json::parse(r.payload_json, nullptr, false);
    reminders.push_back({{"kind", r.kind},
                         {"due_at", r.due_at},
                         {"about", about.is_object() ? about : nlohmann::json::object()},
                         {"status", r.sent_at.empty() ? "planned" : r.outcome.empty() ? "sent" : r.outcome},
                         {"done_at", r.sent_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.sent_at)}});
  }
  out["chat"]["reminders"] = std::move(reminders);
  t.send_file(outgoing::kind::document, "boravak-export.json", out.dump(2), "application/json", t.format("bot.export.caption"));
  return "";
}

std::string on_delete_confirm(turn& t) {
  if (t.answer() != "delete") {
    t.say(t.format("bot.cancelled"), main_menu(t.words()));
    return "";
  }
  if (t.chat.profile_id != 0) t.app.store->delete_profile(t.chat.profile_id);
  t.app.store->delete_chat(t.chat.chat_id);
  t.chat_deleted = true;
  t.say(t.format("bot.delete.done"));
  return "";
}

std::string redeem(turn& t, std::string code) {
  while (!code.empty() && code.back() == ' ') code.pop_back();
  const auto profile = t.app.store->redeem_link_code(store::link_code_hash(store::link_direction::web_to_bot, code), store::utc_text(t.app.now->now()));
  if (!profile) {
    t.say(t.format("bot.link.bad"));
    return "";
  }
  // What this chat had saved moves into the web profile, so nothing is lost by linking.
  const std::int64_t old = t.chat.profile_id;
  if (old != 0 && old != *profile) {
    for (const store::item_record& item : t.app.store->items(old)) t.app.store->add_item(*profile, item.collection, item.body_json);
    t.app.store->delete_profile(old);
  }
  t.chat.profile_id = *profile;
  t.profile_changed = true;
  t.say(t.format("bot.link.done"), main_menu(t.words()));
  return "";
}

std::string link(turn& t) {
  const std::string typed = t.data.value("command_text", "");
  const std::size_t space = typed.find(' ');
  if (space != std::string::npos) return redeem(t, typed.substr(space + 1));
  t.say(t.format("bot.link.ask"));
  return "code";
}

std::string web_code(turn& t) {
  const std::string code = store::new_link_code();
  t.app.store->add_link_code(ensure_profile(t), store::link_code_hash(store::link_direction::bot_to_web, code),
                             store::utc_text(t.app.now->now() + std::chrono::minutes(store::kLinkCodeMinutes)));
  t.say(t.format("bot.webcode.text", {code, std::to_string(store::kLinkCodeMinutes)}));
  return "";
}

}  // namespace

std::vector<dialog> account_dialogs() {
  return {
      {"deadlines", {"/deadlines"}, deadlines, {}},
      {"guide", {"/guide"},
       [](turn& t) {
         t.say(t.format("bot.guide.ask"));
         return std::string("query");
       },
       {{"query", on_guide_query}}},
      {"export", {"/export"}, export_all, {}},
      {"delete", {"/delete"},
       [](turn& t) {
         t.say(t.format("bot.delete.ask"), {{{t.format("bot.delete.confirm"), "delete"}, {t.format("bot.answer.no"), "keep"}}});
         return std::string("confirm");
       },
       {{"confirm", on_delete_confirm}}},
      {"link", {"/link"}, link, {{"code", [](turn& t) { return redeem(t, t.answer()); }}}},
      {"webcode", {"/webcode"}, web_code, {}},
      {"help", {"/help"},
       [](turn& t) {
         t.say(t.format("bot.help"), main_menu(t.words()));
         return std::string();
       },
       {}},
  };
}

const std::vector<dialog>& all_dialogs() {
  static const std::vector<dialog> table = [] {
    std::vector<dialog> all;
    for (auto part : {onboarding_dialogs, trip_dialogs, status_dialogs, permit_dialogs, remind_dialogs, account_dialogs})
      for (dialog& d : part()) all.push_back(std::move(d));
    return all;
  }();
  return table;
}

}  // namespace boravak::bot
