// Runs the dialog tables (dialog.h) for one update at a time: loads the chat, starts a dialog
// on its command, hands an answer to the step of the current state, handles /cancel and
// timeouts, saves the chat, and plans the chat's reminders again when its profile changed.
#pragma once

#include <string>
#include <vector>

#include "bot_message.h"
#include "reminder_plan.h"
#include "server/app_state.h"

namespace boravak::bot {

struct engine_options {
  int dialog_timeout_minutes = 30;  // an unanswered question is dropped after this
  reminder_options reminders;
};

class dialog_engine {
 public:
  dialog_engine(server::app_state& app, engine_options options) : app_(app), options_(std::move(options)) {}

  // `today` is the date in Belgrade and `now` the UTC time ("2026-11-21T10:00:00Z"): the
  // caller reads the clock. Never throws for anything a person types.
  std::vector<outgoing> handle(const incoming& in, date today, const std::string& now);

 private:
  server::app_state& app_;
  engine_options options_;
};

// The language of a new chat: Telegram's language_code if we speak it, else English.
std::string language_for(const std::string& language_code);

}  // namespace boravak::bot
