// Writes result lines of the batch contract ("Result line", "Errors") into a byte buffer.
// Hand-written because it is the hot path of `boravak batch`: no allocation once warm.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "boravak/case_error.h"
#include "boravak/citizenship.h"
#include "boravak/stay_result.h"

namespace boravak::io {

// Appends `text`, which must be UTF-8 (text from parsed JSON and the catalogs is), as a JSON
// string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// `text` with every byte that starts no valid UTF-8 sequence replaced by U+FFFD: for bytes from
// outside JSON (a request's path or query) before they go into an answer.
std::string with_valid_utf8(std::string_view text);

// Appends one result line, newline included. `id_json` is already JSON text. With two or more
// `readings` (in the contract's order), they are listed under "readings".
void append_result_line(std::string& out, std::string_view id_json, const stay_result& r,
                        std::span<const reading_answer> readings = {});
// A citizenship's readings in the contract's order: every field's stricter value, then the
// readings themselves when there are two or more (contract "Readings").
void append_readings_result_line(std::string& out, std::string_view id_json,
                                 const std::vector<reading_answer>& answers);
// `message` is e.message rendered in the reader's language.
void append_error_line(std::string& out, std::string_view id_json, const case_error& e, std::string_view message);

}  // namespace boravak::io
