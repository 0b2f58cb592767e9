// Reads a person's stays from a file they wrote: CSV ("entry,exit" per line, an empty exit
// for a stay still going on) or JSON (a list of {"entry", "exit"} objects, or an object with
// "stays"). Errors name the line (CSV) or the item (JSON) and say what to do.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "boravak/case_error.h"
#include "boravak/stay_case.h"

namespace boravak::io {

struct stay_list_error {
  std::string where;    // "stays[2].exit" for JSON, "line 3" for CSV (the message names the line)
  text message;
  error_code code = error_code::invalid_value;  // the contract's code (case_error.h)
};

using stay_list = std::variant<std::vector<stay>, stay_list_error>;

// CSV: comma or semicolon separated; a header line and lines starting with # are skipped;
// columns after the second (notes) are ignored. Dates are YYYY-MM-DD or DD.MM.YYYY.
stay_list read_stay_csv(std::string_view text);

// JSON: [{"entry": "2026-01-10", "exit": "2026-02-05"}, ...] or {"stays": [...]}.
stay_list read_stay_json(std::string_view text);

// Sorts by entry and checks the stays with the engine's own rules (stay_validation.h).
std::variant<std::vector<stay>, stay_list_error> sort_and_check(std::vector<stay> stays,
                                                                  const std::vector<std::string>& origins);

}  // namespace boravak::io
