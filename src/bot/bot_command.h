// `boravak bot`: the Telegram bot with long polling, and the options that `boravak serve
// --telegram-webhook` shares with it.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bot_runner.h"

namespace boravak::bot {

struct bot_options {
  telegram_settings telegram;
  engine_options engine;
  std::string db;
  std::string token_file;
  std::string webhook_secret_file;
  std::string quiet_hours = "22-8";
  std::string now;  // `boravak bot --now`: the clock's first moment (app/clock.h started_clock)
};

CLI::App* add_bot_command(CLI::App& app, bot_options& o);
// The options both commands take: the API address, the token, reminders and quiet hours.
void add_telegram_options(CLI::App* command, bot_options& o);

// Reads the token ($BORAVAK_TELEGRAM_TOKEN, else --token-file) and the webhook secret
// ($BORAVAK_TELEGRAM_WEBHOOK_SECRET, else --webhook-secret-file), and checks the options.
// Returns an error message, or "" when all is well.
std::string finish_bot_options(bot_options& o, bool webhook);

int run_bot_command(bot_options o, const std::string& rules_dir);

}  // namespace boravak::bot
