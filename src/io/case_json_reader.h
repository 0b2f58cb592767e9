// Reads one case of the batch contract from one JSON line, and checks it in the contract's
// field order (docs/stay-semantics.md "Validation order"). Syntax and types are checked here;
// meaning checks come from the core (stay_validation.h, citizenship.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "boravak/case_error.h"
#include "boravak/rule_set.h"
#include "boravak/stay_case.h"

namespace boravak::io {

class case_json_fast_path;

struct parsed_case {
  std::string id_json = "null";   // the `id` as JSON text, echoed in the result
  stay_case data;
  const entry_period* readings_from = nullptr;  // set when the regime comes from citizenship
};

class case_json_reader {
 public:
  explicit case_json_reader(const rule_set& rules);
  ~case_json_reader();

  // REQUIRES: the bytes line[0 .. line.size() + SIMDJSON_PADDING) are readable.
  // Returns the first problem, or nullopt with `out` filled and checked.
  std::optional<case_error> read(std::string_view line, parsed_case& out);

 private:
  std::optional<case_error> read_fields(simdjson::dom::object object, parsed_case& out);

  const rule_set& rules_;
  std::unique_ptr<case_json_fast_path> fast_path_;  // tried first; see case_json_fast_path.h
  simdjson::dom::parser parser_;
};

}  // namespace boravak::io
