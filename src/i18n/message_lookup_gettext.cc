// The native message_lookup: <dir>/<lang>/LC_MESSAGES/boravak.mo read with Boost.Locale.
#include <boost/locale.hpp>

#include "catalog.h"
#include "message_lookup.h"

namespace boravak::i18n {
namespace {

// Boost.Locale picks the catalog by the locale's language; the country part is only a name.
std::string locale_name(const std::string& language) {
  if (language == "en") return "en_US.UTF-8";
  if (language == "ru") return "ru_RU.UTF-8";
  if (language == "uk") return "uk_UA.UTF-8";
  return "sr_RS.UTF-8";
}

class gettext_lookup final : public message_lookup {
 public:
  gettext_lookup(const std::filesystem::path& locale_dir, const std::string& language) {
    boost::locale::generator gen;
    gen.add_messages_path(locale_dir.string());
    gen.add_messages_domain("boravak");
    locale_ = gen(locale_name(language));
  }

  // Boost.Locale answers a missing key with the key itself.
  std::optional<std::string> find(const std::string& key) const override {
    std::string s = boost::locale::translate(key).str(locale_);
    if (s == key) return std::nullopt;
    return s;
  }

  // Asked for a plural form, a singular-only entry (or none) gives back one of the ids.
  std::optional<std::string> find_plural(const std::string& key, long long n) const override {
    const std::string plural_key = key + ".plural";
    std::string s = boost::locale::translate(key, plural_key, n).str(locale_);
    if (s == key || s == plural_key) return std::nullopt;
    return s;
  }

 private:
  std::locale locale_;
};

}  // namespace

std::shared_ptr<const message_lookup> open_message_lookup(const std::filesystem::path& locale_dir, const std::string& language) {
  const auto mo = locale_dir / language / "LC_MESSAGES" / "boravak.mo";
  if (!std::filesystem::exists(mo))
    throw catalog_error("translation catalog " + mo.string() + " is missing: build the project (make) or set BORAVAK_LOCALE");
  return std::make_shared<const gettext_lookup>(locale_dir, language);
}

}  // namespace boravak::i18n
