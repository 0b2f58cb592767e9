// `boravak serve`: the command-line face of the server. Parses its options, finds the data
// folders, opens the store, loads everything, and serves.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app_context.h"
#include "http_server.h"

namespace boravak::server {

struct serve_options {
  server_options server;
  std::string db;        // "sqlite:PATH" or "postgresql://…"; default: SQLite in the data folder
  std::string web_dir;   // default: web/ beside the rules folder
  bool print_routes = false;
  int retention_days = 730;  // profiles unused this long are removed; 0 keeps everything
};

// A POST endpoint that another part of the program answers on the same server: the Telegram
// bot's webhook, wired in by the composition root (src/cli/main.cc), so the server knows no bot.
struct hosted_endpoint {
  std::string path;
  // The X-Telegram-Bot-Api-Secret-Token every request must carry (compared in constant time).
  std::string secret;
  // Handles one body; false when it is not a JSON object the endpoint takes.
  std::function<bool(app::app_context&, const std::string& body)> handle;
};

struct serve_extras {
  std::optional<hosted_endpoint> endpoint;
  // Runs beside the server until `stop` is set (the bot's reminder sender); may be empty.
  std::function<void(app::app_context&, std::atomic<bool>& stop)> background;
};

CLI::App* add_serve_command(CLI::App& app, serve_options& o);

// Returns the process's exit code.
int run_serve_command(const serve_options& o, const std::string& rules_dir, const serve_extras& extras = {});

}  // namespace boravak::server
