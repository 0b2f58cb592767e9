// Citations as JSON (see citation_json.h).
#include "citation_json.h"

namespace boravak::io {

using nlohmann::json;

json source_json(const source& s, const i18n::catalog& words) {
  const std::string title_key = "source." + s.id + ".title";
  json out{{"publisher", words.get("publisher." + s.publisher)},
           {"title", words.has(title_key) ? words.get(title_key) : s.title},
           {"original_title", s.title},
           {"url", s.url.empty() ? json(nullptr) : json(s.url)},
           {"gazette", s.gazette.empty() ? json(nullptr) : json(s.gazette)},
           {"article", s.article.empty() ? json(nullptr) : json(s.article)},
           {"published", s.published ? json(to_iso_string(*s.published)) : json(nullptr)},
           {"read", to_iso_string(s.read)},
           {"primary", s.kind == standing::primary}};
  return out;
}

json citation_json(const citation& c, const i18n::catalog& words) {
  json sources = json::array();
  for (const auto& s : c.sources) sources.push_back(source_json(*s, words));
  return {{"sources", std::move(sources)},
          {"confidence", std::string(to_string(c.level))},
          {"confidence_text", words.confidence_text(c.level)},
          {"checked", to_iso_string(c.checked)},
          {"text", words.cited(c)}};
}

}  // namespace boravak::io
