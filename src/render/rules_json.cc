// The rules overview as JSON (see rules_json.h).
#include "rules_json.h"

#include "io/citation_json.h"

namespace boravak::render {

nlohmann::json rules_overview_json(const std::vector<app::rule_group>& groups, const i18n::catalog& words) {
  nlohmann::json out = nlohmann::json::array();
  for (const app::rule_group& g : groups) {
    nlohmann::json lines = nlohmann::json::array();
    for (const app::rule_line& l : g.lines) {
      lines.push_back({{"text", words.render(l.what)},
                       {"citation", io::citation_json(*l.cited, words)},
                       {"possibly_outdated", l.possibly_outdated}});
    }
    out.push_back({{"id", g.id}, {"title", words.render(g.title)}, {"lines", std::move(lines)}});
  }
  return {{"heading", words.get("rules.heading")}, {"intro", words.get("rules.intro")}, {"groups", std::move(out)}};
}

}  // namespace boravak::render
