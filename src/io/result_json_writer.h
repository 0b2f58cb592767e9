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

// Appends `text` as a JSON string literal, quotes included. Bytes that are not UTF-8 become
// U+FFFD, so the answer stays valid JSON whatever a client sent.
void append_json_string(std::string& out, std::string_view text);

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
