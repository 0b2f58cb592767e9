// Dates as people type them into a chat: 21.11.2026, 21.11.2026., 2026-11-21, and "today" or
// "yesterday" in any of our languages (the words come from the catalogs: bot.words.*).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "boravak/civil_date.h"
#include "i18n/catalog.h"

namespace boravak::bot {

// `languages` lists the catalogs whose words count; English always counts.
std::optional<date> parse_typed_date(std::string_view text, date today, const std::vector<const i18n::catalog*>& languages);

// Lower case for the letters of our languages: ASCII, Cyrillic (Russian, Ukrainian, Serbian)
// and the Serbian Latin letters with diacritics.
std::string fold_case(std::string_view text);

}  // namespace boravak::bot
