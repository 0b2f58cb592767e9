// Opening the server's state (see app_setup.h).
#include "app_setup.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/app_setup.h"

namespace boravak::server {

std::unique_ptr<app_state> open_app(const std::string& db, const std::string& rules_dir, const std::string& web_dir,
                                    int store_connections) {
  const app::data_folders folders = app::default_folders(rules_dir);
  // The page's WebAssembly engine is built beside the catalogs (build/wasm, share/boravak/wasm).
  const web_folders web{web_dir.empty() ? folders.rules.parent_path() / "web" : std::filesystem::path(web_dir),
                        folders.rules.parent_path() / "api" / "openapi.json", folders.locale.parent_path() / "wasm"};
  std::unique_ptr<app_state> state;
  try {
    state = load_app_state(folders, web);
  } catch (const std::exception& e) {
    spdlog::error("cannot start: {}", e.what());
    return nullptr;
  }
  if (!app::open_app_store(*state, db, store_connections)) return nullptr;
  try {
    state->health_json = nlohmann::json{{"status", "ok"}, {"store", state->store->kind()}, {"schema_version", state->store->schema_version()}}.dump();
  } catch (const std::exception& e) {
    spdlog::error("cannot start: the store does not answer: {}", e.what());
    return nullptr;
  }
  return state;
}

}  // namespace boravak::server
