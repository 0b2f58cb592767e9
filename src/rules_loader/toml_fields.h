// Reading typed fields out of toml++ tables with errors that say file, line and field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "boravak/rule_set.h"
#include "rules_loader.h"

namespace boravak::rules_loader {

// A position in a rules file, for error messages.
struct place {
  std::string file;  // relative to the rules directory, e.g. "stay/citizenship.toml"
  const toml::node* node = nullptr;
};

[[noreturn]] void fail(const place& where, const std::string& what);

toml::table parse_rules_file(const std::filesystem::path& directory, const std::string& file);

const toml::table& require_table(const toml::table& t, std::string_view key, const std::string& file);
std::string require_string(const toml::table& t, std::string_view key, const std::string& file);
std::optional<std::string> optional_string(const toml::table& t, std::string_view key, const std::string& file);
date require_date(const toml::table& t, std::string_view key, const std::string& file);
std::optional<date> optional_date(const toml::table& t, std::string_view key, const std::string& file);
int require_positive_int(const toml::table& t, std::string_view key, const std::string& file);
std::optional<int> optional_positive_int(const toml::table& t, std::string_view key, const std::string& file);
bool optional_bool(const toml::table& t, std::string_view key, bool fallback, const std::string& file);
std::vector<std::string> string_list(const toml::table& t, std::string_view key, const std::string& file);
// Every array-of-tables entry under `key` (none when absent).
std::vector<const toml::table*> table_list(const toml::table& t, std::string_view key, const std::string& file);

// `source` and `confidence`, both required (docs/rules-format.md: citations are required).
citation require_citation(const toml::table& t, const std::string& file);

}  // namespace boravak::rules_loader
