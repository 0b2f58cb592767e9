// Starting a long-running command (`boravak serve`, `boravak bot`, `boravak chat`): log lines
// to stderr, and the context loaded with its store opened.
#pragma once

#include <string>

#include "app_context.h"

namespace boravak::app {

// Log lines go to stderr (stdout is for answers), one timestamped line each.
void log_to_stderr();

// Loads `ctx` from `folders` and opens its store (see open_store). Logs why and returns false
// when something cannot be loaded or opened.
bool open_app_context(app_context& ctx, const data_folders& folders, const std::string& db);

// Opens the store of an already loaded `ctx`, logging which one; false (logged) on failure.
bool open_app_store(app_context& ctx, const std::string& db, int connections = 4);

}  // namespace boravak::app
