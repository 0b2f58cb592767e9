// `boravak batch`: the JSON Lines interface of docs/contracts/stay-engine.md.
#pragma once

#include <string>

#include "app/app_context.h"

namespace boravak::cli {

// Reads cases from `input` ("-" = stdin), writes one result line per input line to `output`
// ("-" = stdout). Returns the exit status: 0 when every line got its result line, 2 on an
// I/O error (reported on stderr). Error lines' messages are in `lang`.
int run_batch(const app::app_context& ctx, const std::string& lang, const std::string& input, const std::string& output);

}  // namespace boravak::cli
