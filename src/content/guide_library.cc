// Guide loading and search (see guide_library.h).
#include "guide_library.h"

#include <boost/locale.hpp>
#include <algorithm>

#include "rules_loader/toml_fields.h"

#include "i18n/serbian_script.h"

namespace boravak::content {
namespace {

// Lower-case words of a text: split at anything that is not a letter or digit (bytes >= 0x80
// belong to letters in UTF-8, so Cyrillic and Serbian letters stay whole).
std::vector<std::string> words_of(const std::string& text, const std::locale& loc) {
  const std::string lower = boost::locale::to_lower(text, loc);
  std::vector<std::string> out;
  std::string word;
  for (char c : lower) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

int matches(const std::vector<std::string>& needles, const std::vector<std::string>& hay) {
  int n = 0;
  for (const std::string& needle : needles)
    if (std::any_of(hay.begin(), hay.end(), [&](const std::string& w) { return w.starts_with(needle); })) ++n;
  return n;
}

int score_in(const guide& g, const std::vector<std::string>& needles, const i18n::catalog& words, const std::locale& loc) {
  int score = 3 * matches(needles, words_of(words.get(g.title_key), loc));
  score += 2 * matches(needles, words_of(words.get(g.keywords_key), loc));
  std::vector<std::string> body;
  for (const std::string& key : g.paragraph_keys) {
    auto w = words_of(words.get(key), loc);
    body.insert(body.end(), w.begin(), w.end());
  }
  return score + matches(needles, body);
}

}  // namespace

std::vector<guide> load_guides(const std::filesystem::path& rules_directory) {
  using namespace rules_loader;
  const source_registry sources = load_source_registry(rules_directory);
  // Every guides/*.toml, in the order of their names: one file per group of guides, so each
  // can be written and reviewed on its own. Errors read rules/../guides/<file>.toml:LINE.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(rules_directory / ".." / "guides"))
    if (entry.path().extension() == ".toml") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<guide> out;
  const rules_file first{names.empty() ? std::string("../guides/topics.toml") : "../guides/" + names.front(), sources};
  for (const std::string& name : names) {
    const rules_file file{"../guides/" + name, sources};
    const toml::table doc = parse_rules_file(rules_directory, file);
    for (const toml::table* t : table_list(doc, "topic", file)) {
      guide g;
      g.id = require_string(*t, "id", file);
      g.title_key = require_string(*t, "title", file);
      g.paragraph_keys = string_list(*t, "paragraphs", file);
      g.keywords_key = require_string(*t, "keywords", file);
      g.rules = string_list(*t, "rules", file);
      for (const toml::table* cited : table_list(*t, "citation", file)) g.sources.push_back(require_citation(*cited, file));
      if (g.paragraph_keys.empty()) fail({file, t}, "guide \"" + g.id + "\" has no paragraphs");
      for (const guide& before : out)
        if (before.id == g.id) fail({file, t}, "guide \"" + g.id + "\" is defined twice");
      out.push_back(std::move(g));
    }
  }
  const rules_file& file = first;
  if (out.empty()) fail({file, nullptr}, "no [[topic]] entries");
  return out;
}

std::vector<guide_hit> search_guides(const std::vector<guide>& guides, std::string_view query, const i18n::catalog& words,
                                     const i18n::catalog& english) {
  static const std::locale loc = boost::locale::generator{}("en_US.UTF-8");
  std::vector<std::string> needles;
  for (std::string& w : words_of(std::string(query), loc))
    if (w.size() >= 2) needles.push_back(std::move(w));
  // Serbian readers may type either script: look for the Cyrillic form too.
  if (words.language() == "sr-Cyrl") {
    const std::size_t n = needles.size();
    for (std::size_t i = 0; i < n; ++i) needles.push_back(i18n::to_serbian_cyrillic(needles[i]));
  }
  std::vector<guide_hit> hits;
  if (needles.empty()) return hits;
  for (const guide& g : guides) {
    int score = score_in(g, needles, words, loc);
    if (words.language() != "en") score += score_in(g, needles, english, loc);
    if (score > 0) hits.push_back({&g, score});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const guide_hit& a, const guide_hit& b) { return a.score > b.score; });
  return hits;
}

}  // namespace boravak::content
