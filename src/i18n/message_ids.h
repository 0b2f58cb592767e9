// The keys a compiled catalog holds. Boost.Locale translates keys but cannot list them; the web
// page asks for all of its texts at once (GET /v1/texts/{lang}), so we read the list from the
// .mo file itself (GNU gettext's format: a header and a table of lengths and offsets).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace boravak::i18n {

// Every msgid starting with `prefix`, sorted; the singular of a plural entry. Throws
// catalog_error when the file is missing or not a catalog.
std::vector<std::string> message_ids(const std::filesystem::path& locale_dir, std::string_view language,
                                     std::string_view prefix);

}  // namespace boravak::i18n
