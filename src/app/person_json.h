// The web calculator's "person" (docs/api.md): citizenship or rule, stays or stamps, the check
// date, exempt days and document validity, read into the application's person. The server and
// the page's WebAssembly read it with this same code, so they refuse and answer alike.
#pragma once

#include <nlohmann/json.hpp>

#include "stay_check.h"

namespace boravak::app {

// Throws io::input_error naming the field. `today` is used when the body gives no "on".
person person_from_json(const nlohmann::json& body, date today);

// The stay situation of a problem-free person, or an io::input_error with the problem's field,
// code and message.
stay_situation situation_or_refuse(const app_context& ctx, const person& who);

}  // namespace boravak::app
