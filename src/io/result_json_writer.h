// Writes result lines of the batch contract ("Result line", "Errors") into a byte buffer.
// Hand-written because it is the hot path of `boravak batch`: no allocation once warm.
#pragma once

#include <string>
#include <string_view>

#include "boravak/case_error.h"
#include "boravak/stay_result.h"

namespace boravak::io {

// Appends `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// Appends one result line, newline included. `id_json` is already JSON text.
void append_result_line(std::string& out, std::string_view id_json, const stay_result& r);
void append_error_line(std::string& out, std::string_view id_json, const case_error& e);

}  // namespace boravak::io
