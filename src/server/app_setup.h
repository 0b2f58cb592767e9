// Opening the server's state: the application's context with its store, the web page and the
// OpenAPI document.
#pragma once

#include <memory>
#include <string>

#include "app_state.h"

namespace boravak::server {

// Empty folders mean the defaults beside the rules. Logs why and returns nullptr when something
// cannot be loaded or opened.
std::unique_ptr<app_state> open_app(const std::string& db, const std::string& rules_dir, const std::string& web_dir);

}  // namespace boravak::server
