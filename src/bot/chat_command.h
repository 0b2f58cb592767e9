// `boravak chat`: the bot's dialogs in the terminal, to try them without Telegram. Buttons are
// numbered; typing a number presses one. Files the bot would send are written to a folder.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "reminder_plan.h"

namespace boravak::bot {

struct chat_options {
  std::string db;         // as for `boravak serve`
  std::string lang;       // as Telegram's language_code; the composition root sets it from $LANG
  std::string today;      // YYYY-MM-DD; default: today in Belgrade
  std::string files;      // default: a new temporary folder
  long long chat_id = 1;
};

CLI::App* add_chat_command(CLI::App& app, chat_options& o);
int run_chat_command(const chat_options& o, const std::string& rules_dir);

}  // namespace boravak::bot
