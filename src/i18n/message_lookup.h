// Where a catalog's texts come from. Natively, the compiled .mo files through Boost.Locale
// (message_lookup_gettext.cc); in the page's WebAssembly, where Boost.Locale does not exist, a
// table made from the same .mo files at build time (src/web/message_lookup_table.cc). The
// catalog above it (catalog.h) is the same code in both.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace boravak::i18n {

class message_lookup {
 public:
  virtual ~message_lookup() = default;
  // The translation of `key`, or nothing when the catalog lacks it.
  virtual std::optional<std::string> find(const std::string& key) const = 0;
  // The plural form of `key` for `n` (msgid "key", msgid_plural "key.plural"), or nothing when
  // the catalog has no plural entry for it.
  virtual std::optional<std::string> find_plural(const std::string& key, long long n) const = 0;
};

// The catalog of `language` ("en", "ru", "uk", "sr") in `locale_dir`. Throws catalog_error when
// it is missing.
std::shared_ptr<const message_lookup> open_message_lookup(const std::filesystem::path& locale_dir, const std::string& language);

}  // namespace boravak::i18n
