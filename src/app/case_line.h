// evaluate_case_line: one batch-contract case in, one result line out. `boravak batch` and
// POST /v1/stay/batch both answer through it, so the CLI and the API give the same bytes for
// the same case. One evaluator per thread: the JSON parser inside keeps state between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app_context.h"
#include "boravak/citizenship.h"
#include "boravak/stay_engine.h"
#include "io/case_json_reader.h"

namespace boravak::app {

class case_line_evaluator {
 public:
  // Error messages are written in `lang`; its catalog is read at the first error line only, so
  // a batch without errors never loads one.
  case_line_evaluator(const app_context& ctx, std::string lang) : ctx_(ctx), lang_(std::move(lang)), reader_(ctx.stay_rules) {}

  // REQUIRES: SIMDJSON_PADDING readable bytes after `line`. Appends the result line (with its
  // newline) to `out`. Returns false when the line was an `ok:false` error line.
  bool evaluate_case_line(std::string_view line, std::string& out);

  // An `ok:false` line for a line that could not even be read (too long, past the batch's size).
  void refuse_line(const case_error& why, std::string& out);

  // The thread's evaluator for `ctx` and `lang`.
  static case_line_evaluator& for_this_thread(const app_context& ctx, const std::string& lang);

 private:
  const app_context& ctx_;
  std::string lang_;
  io::case_json_reader reader_;
  io::parsed_case parsed_;
  stay_calculator calculator_;
  stay_result result_;
  std::vector<reading_answer> answers_;
};

}  // namespace boravak::app
