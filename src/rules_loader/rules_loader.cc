// Loading all of rules/ (see rules_loader.h).
#include "rules_loader.h"

#include <cstdlib>
#include <system_error>

#include "load_parts.h"

#ifndef BORAVAK_SOURCE_RULES_DIR
#define BORAVAK_SOURCE_RULES_DIR "rules"
#endif

namespace boravak::rules_loader {

rule_set load_rules(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory)) {
    throw rules_error("the rules folder " + directory.string() +
                      " does not exist; pass --rules DIR or set BORAVAK_RULES");
  }
  rule_set rules;
  const source_registry sources = load_source_registry(directory);
  for (const auto& [id, s] : sources.by_id) rules.sources.push_back(s);
  rules.publishers.assign(sources.publishers.begin(), sources.publishers.end());
  load_stay_rules(directory, sources, rules);
  load_registration_rules(directory, sources, rules);
  load_visarun_rules(directory, sources, rules);
  rules.visas = load_visa_rules(directory, sources);
  return rules;
}

std::filesystem::path default_rules_directory() {
  if (const char* env = std::getenv("BORAVAK_RULES"); env != nullptr && *env != '\0') return env;
  std::error_code ignored;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ignored);
  if (!ignored) {
    // Beside a build or a checkout (build/boravak, rules/), or installed (/usr/bin/boravak,
    // /usr/share/boravak/rules).
    const auto prefix = exe.parent_path().parent_path();
    for (const auto& candidate : {prefix / "rules", prefix / "share" / "boravak" / "rules"})
      if (std::filesystem::is_directory(candidate / "stay", ignored)) return candidate;
  }
  return BORAVAK_SOURCE_RULES_DIR;
}

}  // namespace boravak::rules_loader
