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
  load_stay_rules(directory, rules);
  load_registration_rules(directory, rules);
  load_visarun_rules(directory, rules);
  return rules;
}

std::filesystem::path default_rules_directory() {
  if (const char* env = std::getenv("BORAVAK_RULES"); env != nullptr && *env != '\0') return env;
  std::error_code ignored;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ignored);
  if (!ignored) {
    const auto beside = exe.parent_path().parent_path() / "rules";
    if (std::filesystem::is_directory(beside / "stay", ignored)) return beside;
  }
  return BORAVAK_SOURCE_RULES_DIR;
}

}  // namespace boravak::rules_loader
