// What every use case is given, in the way of leveldb's Env: the rules, the catalogs, the
// store and the one clock. The composition root (src/cli/main.cc) loads it once at start;
// afterwards it is read-only, except the store, which does its own locking, and the catalogs,
// which load a language the first time it is asked for.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "boravak/permit/permit_rules.h"
#include "boravak/rule_set.h"
#include "clock.h"
#include "content/guide_library.h"
#include "content/guide_search.h"
#include "i18n/catalog.h"
#include "store/profile_store.h"

namespace boravak::app {

// The catalogs of every language we speak, each read from disk on first use.
class catalogs {
 public:
  explicit catalogs(std::filesystem::path locale_dir = i18n::default_locale_directory()) : dir_(std::move(locale_dir)) {}
  // Throws i18n::catalog_error for a language we do not speak.
  const i18n::catalog& in(const std::string& lang) const;
  const std::filesystem::path& directory() const { return dir_; }
  // Reads catalogs from another folder from now on.
  void set_directory(std::filesystem::path locale_dir);

 private:
  std::filesystem::path dir_;
  mutable std::mutex loading_;
  mutable std::map<std::string, std::unique_ptr<const i18n::catalog>> loaded_;
};

struct guide_search_cache;

struct app_context {
  rule_set stay_rules;
  permit::permit_rules permit_rules;
  std::vector<content::guide> guides;
  catalogs texts;
  // Declared before the store, which stamps its rows with it and so must go first.
  std::unique_ptr<const clock> now = std::make_unique<system_clock>();
  std::unique_ptr<store::profile_store> store;  // null for commands that keep no profiles

  const i18n::catalog& words(const std::string& lang) const { return texts.in(lang); }
  date today() const { return now->today(); }
  // The guides' search over every language we speak (content/guide_search.h), made on first use.
  const content::guide_index& guide_search() const;
  std::shared_ptr<guide_search_cache> guide_search_made;  // set by load_app_context
};

struct data_folders {
  std::filesystem::path rules;   // rules/
  std::filesystem::path locale;  // the compiled catalogs
};

// The folders beside the program, or `rules_dir` when one is given.
data_folders default_folders(const std::string& rules_dir = "");

// Loads the rules, the guides and the catalogs' folder into `ctx`. Throws
// rules_loader::rules_error or std::runtime_error naming the file that is wrong.
void load_app_context(app_context& ctx, const data_folders& folders);

// `db`: "sqlite:PATH", "postgresql://…", or empty for SQLite in the data folder ($BORAVAK_DATA,
// else $XDG_DATA_HOME/boravak, else ~/.local/share/boravak). Its time stamps come from `now`,
// which must outlive it. Throws store::store_error.
// Where a store given as `db` keeps its data, in words for a log line: "file PATH", or "a
// PostgreSQL server" (a URL may carry a password, so it is never repeated).
std::string store_location(const std::string& db);

// `connections`: the PostgreSQL pool's size (SQLite has one connection).
std::unique_ptr<store::profile_store> open_store(const std::string& db, const clock& now, int connections = 4);

}  // namespace boravak::app
