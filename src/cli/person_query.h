// What a person tells the CLI (`boravak stay`, `boravak visarun`), turned into a stay case and
// the readings of the law that apply to it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/rule_set.h"
#include "boravak/stay_case.h"

namespace boravak::cli {

struct person_options {
  std::string citizenship;       // ISO code, or empty
  std::string regime;            // "rolling:90:180", "fixed:90:6m", "fixed:90:180d", "per_entry:30"
  std::string stays_file;        // CSV or JSON
  std::string stamps;            // "+2026-03-01 -2026-03-30 ..."
  std::string on;                // YYYY-MM-DD, or empty for today in Europe/Belgrade
  std::vector<std::string> exempt;  // "FROM..TO"
  std::string valid_until;       // last day the entry document allows
  std::string document_expires;  // entered visa-free on a Schengen/UK/US visa or permit
};

// One reading of the law: its regime and where it comes from.
struct reading_choice {
  regime rule;
  std::string name;         // regimes.toml id, or "given on the command line"
  std::string description;
  const citation* cited = nullptr;        // the reading's source (nullptr for --regime)
  const citation* ground_cited = nullptr; // the entry rule's source
  std::optional<date> in_force_from;
};

struct person_query {
  stay_case data;
  const country* who = nullptr;
  std::vector<reading_choice> readings;  // one or more; conflicts give two
  bool third_country_document = false;
};

// Builds the query, or throws std::runtime_error with a message for the person.
person_query build_person_query(const person_options& options, const rule_set& rules);
// The same with the stays already read and checked (io::sort_and_check); the stays file and
// stamps in `options` are not read. The server uses this.
person_query build_person_query(const person_options& options, std::vector<stay> stays, const rule_set& rules);

// Today's date in Europe/Belgrade (the only place the CLI reads the clock).
date today_in_belgrade();

}  // namespace boravak::cli
