// Reading typed fields out of toml++ tables with errors that say file, line and field.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
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

// The position of the value of `key` among `choices` (it must be one of them). A value that is
// not refuses the file and lists the choices.
std::size_t require_one_of(const toml::table& t, std::string_view key, std::initializer_list<std::string_view> choices,
                           const std::string& file);

// A whole number from 0 to kLargestCount (days before a deadline may be 0).
int require_count(const toml::table& t, std::string_view key, const std::string& file);
std::optional<int> optional_count(const toml::table& t, std::string_view key, const std::string& file);
// A list of whole numbers from 0 to kLargestCount.
std::vector<int> count_list(const toml::table& t, std::string_view key, const std::string& file);

// Every source a citation may name, and every publisher: rules/sources/*.toml, read first.
struct source_registry {
  std::map<std::string, std::shared_ptr<const source>, std::less<>> by_id;
  std::set<std::string, std::less<>> publishers;
};
source_registry load_source_registry(const std::filesystem::path& directory);

// A rules file being read: its name (for errors) and the sources its citations may name. It
// converts to its name, so the field readers above take it as `file`.
struct rules_file {
  std::string name;
  const source_registry& sources;
  operator const std::string&() const { return name; }
};

// A value's citation (docs/rules-format.md "Citations"): `sources` (ids from rules/sources/*.toml),
// `confidence` and `checked`, all required. The confidence must fit the sources: "primary" needs
// a primary source among them, "two_secondary" two sources.
citation require_citation(const toml::table& t, const rules_file& file);
// The same fields with a prefix, for a second value in one table: "waived_" reads
// waived_sources, waived_confidence and waived_checked.
citation require_citation_prefixed(const toml::table& t, std::string_view prefix, const rules_file& file);

// `from` (required) and `to` (optional, not before `from`) of a dated rule.
template <typename Dated>
void read_dates(const toml::table& t, const std::string& file, Dated& d) {
  d.from = require_date(t, "from", file);
  d.to = optional_date(t, "to", file);
  if (d.to && *d.to < d.from) fail({file, t.get("to")}, "\"to\" is before \"from\"");
}

// Periods of one rule are in ascending order and never overlap (docs/rules-format.md).
template <typename Dated>
void check_ascending(const std::vector<Dated>& periods, const std::string& file, const std::string& what) {
  for (std::size_t i = 1; i < periods.size(); ++i) {
    const auto& before = periods[i - 1];
    if (!before.to || *before.to >= periods[i].from)
      throw rules_error("rules/" + file + ": the " + what +
                        " periods overlap or are out of order (each must end before the next starts)");
  }
}

}  // namespace boravak::rules_loader
