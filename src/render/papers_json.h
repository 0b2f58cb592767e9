// The appointment e-mail as JSON: POST /v1/permit/email's answer, made by one function for the
// server and for the page's WebAssembly (which keeps the names on the device).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/app_context.h"

namespace boravak::render {

// `body`: {"situation": {…}, "names": [{"name": "…", "birth_date": "YYYY-MM-DD"}, …]} (names in
// the plan's order, each optional). Answers {to, office_address, subject, body, meaning,
// citation}. Throws io::input_error naming the field.
nlohmann::json appointment_email_json(const app::app_context& ctx, const nlohmann::json& body, date on, const std::string& lang);

}  // namespace boravak::render
