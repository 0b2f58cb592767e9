// Loads rules/permit/*.toml (and the two address rules the planner needs from
// rules/registration/address.toml) into permit_rules. Throws rules_error, naming file and line.
#pragma once

#include <filesystem>

#include "boravak/permit/permit_rules.h"
#include "rules_loader.h"
#include "load_parts.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

permit::permit_rules load_permit_rules(const std::filesystem::path& directory);

// The parts, one per file (src/rules_loader/load_permit_*.cc).
void load_permit_grounds(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);
void load_permit_documents(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);
void load_permit_fees(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);
void load_permit_payment(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);
void load_permit_deadlines(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);
void load_permit_offices_and_family(const std::filesystem::path& dir, const source_registry& sources, permit::permit_rules& rules);

}  // namespace boravak::rules_loader
