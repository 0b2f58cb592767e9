// `boravak serve`: the command-line face of the server. Parses --db, finds the data folders,
// opens the store, loads everything, and serves.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "bot/bot_command.h"
#include "http_server.h"

namespace boravak::server {

struct serve_options {
  server_options server;
  std::string db;        // "sqlite:PATH" or "postgresql://…"; default: SQLite in the data folder
  std::string web_dir;   // default: web/ beside the rules folder
  bool print_routes = false;
  bool telegram_webhook = false;  // also serve the Telegram bot's webhook and send its reminders
  bot::bot_options bot;
};

CLI::App* add_serve_command(CLI::App& app, serve_options& o);

// Returns the process's exit code.
int run_serve_command(const serve_options& o, const std::string& rules_dir);

}  // namespace boravak::server
