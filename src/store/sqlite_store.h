// The profile store on one SQLite file: the default, for a single server. WAL journal with
// synchronous=FULL, so a write is on disk before it is acknowledged and readers never wait for
// writers. One connection behind a mutex: SQLite takes one writer at a time anyway.
#pragma once

#include <filesystem>
#include <memory>

#include "profile_store.h"
#include "utc_time.h"

namespace boravak::store {

// Opens (creating the file and its folder when missing) and applies the migrations.
// Throws store_error.
// Time stamps come from `now` (the application's clock).
std::unique_ptr<profile_store> open_sqlite_store(const std::filesystem::path& file, clock_function now);

}  // namespace boravak::store
