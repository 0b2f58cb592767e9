// Loads rules/ into a rule_set at start-up (docs/rules-format.md). A broken file stops the
// program: the error names the file, the line and what is wrong.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "boravak/rule_set.h"

namespace boravak::rules_loader {

class rules_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// REQUIRES: `directory` holds the layout of docs/rules-format.md. Throws rules_error.
rule_set load_rules(const std::filesystem::path& directory);

// Where the rules are when nobody says: $BORAVAK_RULES, else `rules/` next to the executable's
// folder (build/boravak -> rules/), else the source tree's rules/ at build time.
std::filesystem::path default_rules_directory();

}  // namespace boravak::rules_loader
