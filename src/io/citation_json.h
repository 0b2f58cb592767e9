// A citation as JSON for the API and the CLI's --json: every source with its publisher and title
// in the reader's language, gazette, article, link and dates, and the confidence as a code for
// programs and in words for people.
#pragma once

#include <nlohmann/json.hpp>

#include "boravak/citation.h"
#include "i18n/catalog.h"

namespace boravak::io {

nlohmann::json citation_json(const citation& c, const i18n::catalog& words);
nlohmann::json source_json(const source& s, const i18n::catalog& words);

}  // namespace boravak::io
