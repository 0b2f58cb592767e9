// The store's time stamps: UTC, "2026-11-21T10:00:00Z". The store never reads the system
// clock itself: it is given the application's clock (src/app/clock.h) as a function.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace boravak::store {

using clock_function = std::function<std::chrono::sys_seconds()>;

std::string utc_text(std::chrono::sys_seconds t);
// The instant a stamp names; the epoch when it cannot be read.
std::chrono::sys_seconds utc_from_text(std::string_view text);

}  // namespace boravak::store
