// The rules overview as text (see rules_text.h).
#include "rules_text.h"

#include <sstream>

namespace boravak::cli {

std::string rules_text(const std::vector<app::rule_group>& groups, const i18n::catalog& w) {
  std::ostringstream out;
  out << w.get("rules.heading") << "\n" << w.get("rules.intro") << "\n";
  for (const app::rule_group& g : groups) {
    out << "\n" << w.render(g.title) << "\n";
    for (const app::rule_line& l : g.lines) {
      out << "  - " << w.render(l.what) << "\n";
      out << "    " << w.cited(*l.cited) << "\n";
      out << "    " << w.render({"rules.checked", {text_arg::of_day(l.cited->checked)}});
      if (l.possibly_outdated) out << " " << w.get("rules.outdated");
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace boravak::cli
