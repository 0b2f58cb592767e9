// `boravak serve` (see serve_command.h).
#include "serve_command.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "../rules_loader/rules_loader.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace boravak::server {
namespace {

// $BORAVAK_DATA, else $XDG_DATA_HOME/boravak, else ~/.local/share/boravak, else ./data.
std::filesystem::path default_data_folder() {
  if (const char* d = std::getenv("BORAVAK_DATA"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "boravak";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/share/boravak";
  return "data";
}

std::unique_ptr<store::profile_store> open_store(const std::string& db) {
  if (db.empty()) return store::open_sqlite_store(default_data_folder() / "boravak.sqlite");
  if (db.rfind("sqlite:", 0) == 0 && db.size() > 7) return store::open_sqlite_store(db.substr(7));
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) return store::open_postgres_store(db);
  // The value itself is not repeated: a PostgreSQL URL may carry a password.
  throw store::store_error("--db must be sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace

CLI::App* add_serve_command(CLI::App& app, serve_options& o) {
  CLI::App* serve = app.add_subcommand("serve", "the web app and the JSON API (docs/api.md)");
  serve->add_option("--listen", o.server.listen, "HOST:PORT to listen on (port 0 picks a free one)");
  serve->add_option("--db", o.db, "sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: SQLite in $BORAVAK_DATA)");
  serve->add_option("--web", o.web_dir, "folder with the web page (default: web/ beside the rules)");
  serve->add_option("--threads", o.server.threads, "I/O threads (default: one per core)");
  serve->add_option("--rate-limit", o.server.rate_limit, "requests a second per client address, also the burst; 0: no limit");
  serve->add_option("--header-timeout", o.server.header_timeout_seconds, "seconds a client has to send its request line and headers");
  serve->add_option("--body-timeout", o.server.body_timeout_seconds, "seconds a client has to send each part of its body");
  serve->add_flag("--access-log", o.server.access_log, "log method, route, status and time of each request (never paths or bodies)");
  serve->add_flag("--print-routes", o.print_routes, "print the API's routes and exit");
  return serve;
}

int run_serve_command(const serve_options& o, const std::string& rules_dir) {
  spdlog::set_default_logger(spdlog::stderr_logger_mt("boravak"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
  const router routes = make_api_router();
  if (o.print_routes) {
    for (const std::string& line : routes.listing()) std::cout << line << "\n";
    return 0;
  }
  const auto started = std::chrono::steady_clock::now();
  data_folders folders;
  folders.rules = rules_dir.empty() ? rules_loader::default_rules_directory() : std::filesystem::path(rules_dir);
  folders.web = o.web_dir.empty() ? folders.rules.parent_path() / "web" : std::filesystem::path(o.web_dir);
  folders.openapi = folders.rules.parent_path() / "api" / "openapi.json";
  folders.locale = i18n::default_locale_directory();
  std::unique_ptr<app_state> app;
  try {
    app = load_app_state(folders);
  } catch (const std::exception& e) {
    spdlog::error("cannot start: {}", e.what());
    return 3;
  }
  try {
    app->store = open_store(o.db);
    spdlog::info("store: {} at schema version {}", app->store->kind(), app->store->schema_version());
  } catch (const std::exception& e) {
    spdlog::error("cannot open the store: {}", e.what());
    return 4;
  }
  const auto ready = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  spdlog::info("loaded rules, {} guides, {} web files in {} ms", app->guides.size(), app->web.size(), ready.count());
  return serve(*app, routes, o.server);
}

}  // namespace boravak::server
