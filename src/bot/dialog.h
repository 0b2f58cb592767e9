// Dialogs as tables, in the manner of python-telegram-bot's ConversationHandler: each dialog
// has a command that starts it and a table from state to the step that handles the person's
// next answer. A step returns the next state, or "" when the dialog is over. The engine
// (dialog_engine.h) keeps the state in the store between messages.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot_message.h"
#include "reminder_plan.h"
#include "typed_date.h"
#include "app/app_context.h"
#include "store/profile_store.h"

namespace boravak::bot {

// One update being handled: who, what they said, and where the answers go.
struct turn {
  app::app_context& app;
  store::chat_record& chat;
  nlohmann::json& data;  // the dialog's notes, kept between messages
  const incoming& in;
  std::vector<outgoing>& out;
  date today;
  bool profile_changed = false;  // reminders are planned again when set
  bool chat_deleted = false;     // /delete: the chat must not be saved again
  const reminder_options* reminders = nullptr;  // the bot's reminder settings (/remind)

  const i18n::catalog& words() const { return app.words(chat.lang); }
  // What the person answered: the button's data, else the typed text.
  const std::string& answer() const { return in.callback_data.empty() ? in.text : in.callback_data; }
  void say(std::string text, keyboard buttons = {}) {
    out.push_back({outgoing::kind::message, std::move(text), std::move(buttons), {}, {}, {}, {}});
  }
  void send_file(outgoing::kind kind, std::string name, std::string bytes, std::string mime, std::string caption) {
    out.push_back({kind, std::move(caption), {}, std::move(name), std::move(bytes), std::move(mime), {}});
  }
  // The answer as a date, in any of our languages' words ("вчера" works in an English chat);
  // `hint` picks the year when none is typed (typed_date.h). When it gives nothing it has said
  // why: that this is no date, or, for a date to confirm (a guessed or two-digit year), the
  // date said back with a button that gives it in full.
  std::optional<date> answered_date(year_hint hint = year_hint::nearest) {
    // A button is an answer only when this question offered it (the confirmation below): one
    // left from another question ("delete", another dialog's date) gets the short notice that
    // it is stale, never read as a date or shown back as text.
    if (!in.callback_data.empty() && data.value("offered_date", "") != in.callback_data) {
      button_was_stale();
      return std::nullopt;
    }
    std::vector<const i18n::catalog*> languages;
    for (const std::string& lang : i18n::supported_languages()) languages.push_back(&app.words(lang));
    const auto typed = parse_typed_date(answer(), today, languages, hint);
    if (typed && !typed->ambiguous) return typed->day;
    if (typed) {
      data["offered_date"] = to_iso_string(typed->day);
      say(date_confirmation(typed->day, words()), {{date_confirmation_button(typed->day, words())}});
    } else {
      say(format("bot.error.date", {answer()}));
    }
    return std::nullopt;
  }
  // The pressed button belongs to a question no longer asked: its answer says so briefly.
  void button_was_stale() {
    for (outgoing& o : out)
      if (o.what == outgoing::kind::callback_answer) o.text = words().get("bot.button.stale");
  }
  std::string format(std::string_view key, const std::vector<std::string>& args = {}) const {
    return words().format(key, args);
  }
};

using step = std::function<std::string(turn&)>;

struct dialog {
  std::string name;
  std::vector<std::string> commands;   // "/status", and any aliases
  step start;
  std::map<std::string, step> states;  // state -> the step for the answer to it
};

// Every dialog the bot knows (dialogs_*.cc).
const std::vector<dialog>& all_dialogs();
std::vector<dialog> onboarding_dialogs();  // /start, /language
std::vector<dialog> trip_dialogs();        // /in, /out, /trip
std::vector<dialog> status_dialogs();      // /status, /why, /plan
std::vector<dialog> permit_dialogs();      // /permit, /slips, /ics
std::vector<dialog> remind_dialogs();      // /remind
std::vector<dialog> account_dialogs();     // /deadlines, /guide, /export, /delete, /link, /webcode, /help

// The main menu's buttons.
keyboard main_menu(const i18n::catalog& words);

}  // namespace boravak::bot
