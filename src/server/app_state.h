// Everything the routes read, loaded once at start-up and then shared read-only by every
// thread, except the store, which does its own locking.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/context.h"
#include "boravak/permit/permit_rules.h"
#include "boravak/rule_set.h"
#include "content/guide_library.h"
#include "i18n/catalog.h"
#include "static_files.h"
#include "store/profile_store.h"

namespace boravak::server {

struct rules_file {
  std::string name;   // "permit/fees"
  std::string title;  // the file's first comment line
  std::string json;   // the whole file as JSON
};

struct app_state {
  rule_set stay_rules;
  permit::permit_rules permit_rules;
  std::vector<content::guide> guides;
  std::map<std::string, std::unique_ptr<i18n::catalog>> catalogs;  // by language
  std::map<std::string, std::string> texts_json;                   // /v1/texts/{lang}
  std::vector<rules_file> rules_files;
  std::string openapi_json;
  static_files web;
  std::unique_ptr<store::profile_store> store;
  std::unique_ptr<app::clock> clock = std::make_unique<app::system_clock>();

  const i18n::catalog& words(const std::string& lang) const { return *catalogs.at(lang); }
  app::context context() const { return {stay_rules, *clock}; }
};

struct data_folders {
  std::filesystem::path rules;    // rules/
  std::filesystem::path web;      // web/
  std::filesystem::path openapi;  // api/openapi.json
  std::filesystem::path locale;   // compiled catalogs
};

// Loads the rules, guides, catalogs, web files and OpenAPI document. Throws
// rules_loader::rules_error or std::runtime_error naming the file that is wrong.
std::unique_ptr<app_state> load_app_state(const data_folders& folders);

}  // namespace boravak::server
