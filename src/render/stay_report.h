// The answer of POST /v1/stay/report and POST /v1/visarun, made by one function for the server
// and for the page's WebAssembly, so the two cannot disagree.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/app_context.h"

namespace boravak::render {

enum class report_view { stay, visarun };

// `body` is the request's person (docs/api.md). Throws io::input_error for input that cannot be
// used, with the field's path.
nlohmann::json stay_report_json(const app::app_context& ctx, const nlohmann::json& body, const std::string& lang, report_view view);

}  // namespace boravak::render
