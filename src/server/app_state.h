// Everything the routes read, loaded once at start-up and then shared read-only by every
// thread, except the store, which does its own locking.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "profile_json_cache.h"
#include "security_metrics.h"
#include "static_files.h"

namespace boravak::server {

struct rules_file {
  std::string name;   // "permit/fees"
  std::string title;  // the file's first comment line
  std::string json;   // the whole file as JSON
};

// The application's context (rules, catalogs, store, clock), and what only the web serves.
struct app_state : app::app_context {
  std::map<std::string, std::string> texts_json;  // /v1/texts/{lang}
  std::vector<rules_file> rules_files;
  std::string openapi_json;
  static_files web;
  std::string health_json;     // /v1/health, from memory: the store's kind and schema at start-up
  security_metrics security;   // /v1/metrics
  profile_json_cache profiles; // GET /v1/profile, while the profile is unchanged
};

struct web_folders {
  std::filesystem::path web;      // web/
  std::filesystem::path openapi;  // api/openapi.json
  std::filesystem::path engine;   // the page's WebAssembly engine (src/web), served as /static/wasm/
};

// Loads the application's context, the web files and the OpenAPI document. Throws
// rules_loader::rules_error or std::runtime_error naming the file that is wrong.
std::unique_ptr<app_state> load_app_state(const app::data_folders& folders, const web_folders& web);

}  // namespace boravak::server
