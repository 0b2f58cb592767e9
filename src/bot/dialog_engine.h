// Runs the dialog tables (dialog.h) for one update at a time: loads the chat, starts a dialog
// on its command, hands an answer to the step of the current state, handles /cancel and
// timeouts, saves the chat, and plans the chat's reminders again when its profile changed.
#pragma once

#include <string>
#include <vector>

#include "bot_message.h"
#include "reminder_plan.h"
#include "app/app_context.h"

namespace boravak::bot {

struct engine_options {
  int dialog_timeout_minutes = 30;  // an unanswered question is dropped after this
  std::string fallback_language = "en";  // a new chat whose Telegram language we do not speak
  reminder_options reminders;
  std::string bot_username;  // from getMe, for links to a private chat; "" when not known
};

class dialog_engine {
 public:
  dialog_engine(app::app_context& app, engine_options options) : app_(app), options_(std::move(options)) {}

  // `today` is the date in Belgrade and `now` the UTC time ("2026-11-21T10:00:00Z"): the
  // caller reads the clock. Never throws for anything a person types.
  std::vector<outgoing> handle(const incoming& in, date today, const std::string& now);

 private:
  std::vector<outgoing> answer_group(const incoming& in) const;
  app::app_context& app_;
  engine_options options_;
};

// The language of a new chat: Telegram's language_code if we speak it, else `fallback`.
std::string language_for(const std::string& language_code, const std::string& fallback = "en");

}  // namespace boravak::bot
