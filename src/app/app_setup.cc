// Starting a long-running command (see app_setup.h).
#include "app_setup.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace boravak::app {

void log_to_stderr() {
  if (spdlog::get("boravak")) return;
  spdlog::set_default_logger(spdlog::stderr_logger_mt("boravak"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
}

bool open_app_store(app_context& ctx, const std::string& db, int connections) {
  try {
    ctx.store = open_store(db, *ctx.now, connections);
    spdlog::info("store: {} at schema version {}, {}", ctx.store->kind(), ctx.store->schema_version(), store_location(db));
    return true;
  } catch (const std::exception& e) {
    spdlog::error("cannot open the store: {}", e.what());
    return false;
  }
}

bool open_app_context(app_context& ctx, const data_folders& folders, const std::string& db) {
  try {
    load_app_context(ctx, folders);
  } catch (const std::exception& e) {
    spdlog::error("cannot start: {}", e.what());
    return false;
  }
  return open_app_store(ctx, db);
}

}  // namespace boravak::app
