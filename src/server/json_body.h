// Reading a JSON request body: the body as an object and ?on=. Its fields are read with
// io::json_fields, whose input_error the server answers with 422.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api_request.h"
#include "boravak/civil_date.h"
#include "http_answer.h"
#include "io/json_fields.h"

namespace boravak::server {

// The body as a JSON object: 400 invalid_json when it is not one. An empty body is {} when
// `empty_is_object`.
nlohmann::json parse_json_body(const api_request& r, bool empty_is_object = false);

// ?on=, or today in Belgrade when it is absent; 422 invalid_date when it is not a real date.
date day_of_query(const api_request& r, date today);

using io::input_error;
using io::json_fields;

}  // namespace boravak::server
