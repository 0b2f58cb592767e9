// Opening the shared state (see app_setup.h).
#include "app_setup.h"

#include <cstdlib>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "../rules_loader/rules_loader.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace boravak::server {
namespace {

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

void log_to_stderr() {
  if (spdlog::get("boravak")) return;
  spdlog::set_default_logger(spdlog::stderr_logger_mt("boravak"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
}

std::unique_ptr<app_state> open_app(const std::string& db, const std::string& rules_dir, const std::string& web_dir) {
  data_folders folders;
  folders.rules = rules_dir.empty() ? rules_loader::default_rules_directory() : std::filesystem::path(rules_dir);
  folders.web = web_dir.empty() ? folders.rules.parent_path() / "web" : std::filesystem::path(web_dir);
  folders.openapi = folders.rules.parent_path() / "api" / "openapi.json";
  folders.locale = i18n::default_locale_directory();
  std::unique_ptr<app_state> app;
  try {
    app = load_app_state(folders);
  } catch (const std::exception& e) {
    spdlog::error("cannot start: {}", e.what());
    return nullptr;
  }
  try {
    app->store = open_store(db);
    spdlog::info("store: {} at schema version {}", app->store->kind(), app->store->schema_version());
  } catch (const std::exception& e) {
    spdlog::error("cannot open the store: {}", e.what());
    return nullptr;
  }
  return app;
}

}  // namespace boravak::server
