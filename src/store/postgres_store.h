// The profile store on PostgreSQL: for several servers that share their data. Each statement
// runs in its own transaction on a small pool of connections; the database, not the server,
// keeps the instances consistent.
#pragma once

#include <memory>
#include <string>

#include "profile_store.h"
#include "utc_time.h"

namespace boravak::store {

// Connects (postgresql://user@host:port/db), and applies the migrations under an advisory
// lock, so two servers starting at once do not both apply a step. Throws store_error.
// Time stamps come from `now` (the application's clock).
std::unique_ptr<profile_store> open_postgres_store(const std::string& url, clock_function now, int connections = 4);

}  // namespace boravak::store
