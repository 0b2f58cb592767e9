// `boravak batch`: the JSON Lines interface of ../shared/contracts/stay-engine.md.
#pragma once

#include <string>

#include "boravak/rule_set.h"

namespace boravak::cli {

// Reads cases from `input` ("-" = stdin), writes one result line per input line to `output`
// ("-" = stdout). Returns the exit status: 0 when every line got its result line, 2 on an
// I/O error (reported on stderr).
int run_batch(const rule_set& rules, const std::string& input, const std::string& output);

}  // namespace boravak::cli
