// Importing an agency's clients from a CSV list, one row per trip (docs/contracts/agency-api.md):
// a bad row never stops the import; it is listed with its line and field, and its client is not
// changed. Importing a client again replaces it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app_context.h"

namespace boravak::app {

// The most clients one agency holds, and the largest CSV it may send at once (the server
// answers 413 above it): ten thousand people with a lifetime of trips each.
inline constexpr std::int64_t kMostAgencyClients = 10000;
inline constexpr std::size_t kLargestClientImport = 16 * 1024 * 1024;

struct import_error {
  std::size_t line = 0;  // the header is line 1
  std::string field;     // the column, or "" for the row as a whole
  std::string code;      // missing_field, invalid_date, invalid_value, exit_before_entry, unknown_citizenship, …
  text message;
};

struct import_outcome {
  std::int64_t clients = 0;  // stored
  std::int64_t trips = 0;    // stored
  std::vector<import_error> errors;  // by line
  std::vector<std::string> imported;  // the references stored, for the audit log
};

// Reads and stores; `agency` is the agency's id in ctx.store.
import_outcome import_clients(const app_context& ctx, std::int64_t agency, std::string_view csv);

}  // namespace boravak::app
