// Loading the application's context (see app_context.h).
#include "app_context.h"

#include <cstdlib>

#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace boravak::app {
namespace {

std::filesystem::path default_data_folder() {
  if (const char* d = std::getenv("BORAVAK_DATA"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "boravak";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/share/boravak";
  return "data";
}

}  // namespace

struct guide_search_cache {
  std::once_flag made;
  std::unique_ptr<content::guide_index> index;
};

const content::guide_index& app_context::guide_search() const {
  std::call_once(guide_search_made->made, [&] {
    std::vector<const i18n::catalog*> languages;
    for (const std::string& lang : i18n::supported_languages())
      if (lang != "sr-Cyrl") languages.push_back(&words(lang));  // the same words as sr
    guide_search_made->index = std::make_unique<content::guide_index>(guides, languages);
  });
  return *guide_search_made->index;
}

data_folders default_folders(const std::string& rules_dir) {
  return {rules_dir.empty() ? rules_loader::default_rules_directory() : std::filesystem::path(rules_dir),
          i18n::default_locale_directory()};
}

void load_app_context(app_context& ctx, const data_folders& folders) {
  ctx.guide_search_made = std::make_shared<guide_search_cache>();
  ctx.stay_rules = rules_loader::load_rules(folders.rules);
  ctx.permit_rules = rules_loader::load_permit_rules(folders.rules);
  ctx.guides = content::load_guides(folders.rules);
  ctx.texts.set_directory(folders.locale);
}

std::string store_location(const std::string& db) {
  if (db.empty()) return "file " + (default_data_folder() / "boravak.sqlite").string();
  if (db.rfind("sqlite:", 0) == 0) return "file " + db.substr(7);
  return "a PostgreSQL server";  // never the URL: it may carry a password
}

std::unique_ptr<store::profile_store> open_store(const std::string& db, const clock& now, int connections) {
  // The store stamps its rows with the application's one clock.
  store::clock_function stamp = [&now] { return now.now(); };
  if (db.empty()) return store::open_sqlite_store(default_data_folder() / "boravak.sqlite", stamp);
  if (db.rfind("sqlite:", 0) == 0 && db.size() > 7) return store::open_sqlite_store(db.substr(7), stamp);
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) return store::open_postgres_store(db, stamp, connections);
  // The value itself is not repeated: a PostgreSQL URL may carry a password.
  throw store::store_error("--db must be sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace boravak::app
