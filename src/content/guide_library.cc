// Guide loading and search (see guide_library.h).
#include "guide_library.h"

#include <algorithm>

#include "rules_loader/toml_fields.h"


namespace boravak::content {

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

}  // namespace boravak::content
