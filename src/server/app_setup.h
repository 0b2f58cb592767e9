// Opening the server's state: the application's context with its store, the web page and the
// OpenAPI document.
#pragma once

#include <memory>
#include <string>

#include "app_state.h"

namespace boravak::server {

// Empty folders mean the defaults beside the rules. Logs why and returns nullptr when something
// cannot be loaded or opened.
// `store_connections`: the PostgreSQL pool, as many as the store threads.
std::unique_ptr<app_state> open_app(const std::string& db, const std::string& rules_dir, const std::string& web_dir,
                                    int store_connections = 4);

}  // namespace boravak::server
