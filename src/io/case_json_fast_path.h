// The fast path of the batch reader: simdjson On-Demand for lines that are well formed, use
// only the keys we know and need no error. It never reports an error itself: anything unusual
// (an unknown key, a wrong type, a bad date, a line that may not be valid JSON) returns false,
// and the DOM reader (case_json_reader.cc), which checks the whole line and knows every
// error's code, path and message, reads the line again.
#pragma once

#include <string_view>

#include <simdjson.h>

#include "case_json_reader.h"

namespace boravak::io {

class case_json_fast_path {
 public:
  explicit case_json_fast_path(const rule_set& rules) : rules_(rules) {}

  // REQUIRES: SIMDJSON_PADDING readable bytes after the line. True when `out` is filled and
  // the case passed every check.
  bool read(std::string_view line, parsed_case& out);

 private:
  const rule_set& rules_;
  simdjson::ondemand::parser parser_;
};

}  // namespace boravak::io
