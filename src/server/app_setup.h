// Finding the data folders, opening the store and loading the state that `boravak serve`,
// `boravak bot` and `boravak chat` share.
#pragma once

#include <memory>
#include <string>

#include "app_state.h"

namespace boravak::server {

// Log lines go to stderr (stdout is for answers), one timestamped line each.
void log_to_stderr();

// `db`: "sqlite:PATH", "postgresql://…", or empty for SQLite in the data folder ($BORAVAK_DATA,
// else $XDG_DATA_HOME/boravak, else ~/.local/share/boravak). Empty folders mean the defaults
// beside the rules. Logs why and returns nullptr when something cannot be loaded or opened.
std::unique_ptr<app_state> open_app(const std::string& db, const std::string& rules_dir, const std::string& web_dir);

}  // namespace boravak::server
