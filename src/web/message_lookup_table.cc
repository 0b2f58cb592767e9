// The page's message_lookup: the catalog as a JSON table (scripts/catalog_table.py made it from
// the same .mo files at build time), read from the module's embedded files. Boost.Locale does
// not exist for WebAssembly.
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/catalog.h"
#include "i18n/message_lookup.h"

namespace boravak::i18n {
namespace {

enum class plural_rule { english, slavic };

// The two rules our catalogs declare; another one must be added here, not guessed.
plural_rule rule_of(const std::string& header) {
  if (header.find("plural=(n != 1)") != std::string::npos) return plural_rule::english;
  if (header.find("plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)") !=
      std::string::npos)
    return plural_rule::slavic;
  throw catalog_error("unknown plural rule in the catalog: " + header);
}

std::size_t form_of(plural_rule rule, long long n) {
  if (rule == plural_rule::english) return n != 1 ? 1 : 0;
  if (n < 0) n = -n;
  if (n % 10 == 1 && n % 100 != 11) return 0;
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return 1;
  return 2;
}

class table_lookup final : public message_lookup {
 public:
  explicit table_lookup(const nlohmann::json& table) : rule_(rule_of(table.at("plural_forms").get<std::string>())) {
    for (const auto& [key, text] : table.at("messages").items()) messages_.emplace(key, text.get<std::string>());
    for (const auto& [key, forms] : table.at("plurals").items()) plurals_.emplace(key, forms.get<std::vector<std::string>>());
  }

  // A plural entry asked for by its singular id gives its first form, as gettext does.
  std::optional<std::string> find(const std::string& key) const override {
    if (const auto it = messages_.find(key); it != messages_.end()) return it->second;
    if (const auto it = plurals_.find(key); it != plurals_.end() && !it->second.empty()) return it->second.front();
    return std::nullopt;
  }

  std::optional<std::string> find_plural(const std::string& key, long long n) const override {
    const auto it = plurals_.find(key);
    if (it == plurals_.end()) return std::nullopt;
    const std::size_t form = form_of(rule_, n);
    if (form >= it->second.size()) return std::nullopt;
    return it->second[form];
  }

 private:
  plural_rule rule_;
  std::map<std::string, std::string, std::less<>> messages_;
  std::map<std::string, std::vector<std::string>, std::less<>> plurals_;
};

}  // namespace

std::shared_ptr<const message_lookup> open_message_lookup(const std::filesystem::path& locale_dir, const std::string& language) {
  const auto file = locale_dir / (language + ".json");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw catalog_error("translation table " + file.string() + " is missing");
  const nlohmann::json table = nlohmann::json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), nullptr, false);
  if (table.is_discarded()) throw catalog_error("translation table " + file.string() + " is not JSON");
  return std::make_shared<const table_lookup>(table);
}

}  // namespace boravak::i18n
