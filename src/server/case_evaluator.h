// One batch-contract case in, one result line out: the same reader, engine and writer as
// `boravak batch`, so the API and the CLI give the same bytes for the same case. One evaluator
// per thread: the JSON parser inside keeps state between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "boravak/citizenship.h"
#include "boravak/stay_engine.h"
#include "io/case_json_reader.h"

namespace boravak::server {

class case_evaluator {
 public:
  explicit case_evaluator(const rule_set& rules) : rules_(rules), reader_(rules) {}

  // REQUIRES: SIMDJSON_PADDING readable bytes after `line`. Appends the result line (with its
  // newline) to `out`. Returns false when the line was an `ok:false` error line.
  bool evaluate(std::string_view line, std::string& out);

  // The thread's evaluator for `rules`.
  static case_evaluator& for_this_thread(const rule_set& rules);

 private:
  const rule_set& rules_;
  io::case_json_reader reader_;
  io::parsed_case parsed_;
  stay_calculator calculator_;
  stay_result result_;
  std::vector<reading_answer> answers_;
};

}  // namespace boravak::server
