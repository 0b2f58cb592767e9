// The application context for the app tests: the real rules and catalogs, loaded once per test
// binary, with its one clock set by each test. And a person to check.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../test_support.h"
#include "app/app_context.h"
#include "app/stay_check.h"

namespace boravak::app::fixture {

// The context with its clock at noon (Belgrade) of `day`.
inline app_context& context_on(std::string_view day) {
  static const std::unique_ptr<app_context> ctx = [] {
    auto c = std::make_unique<app_context>();
    load_app_context(*c, {BORAVAK_RULES_DIR, BORAVAK_LOCALE_DIR});
    return c;
  }();
  ctx->now = std::make_unique<fixed_clock>(std::chrono::sys_seconds{test_support::D(day).time_since_epoch()} + std::chrono::hours{11});
  return *ctx;
}

inline person someone(std::string citizenship, std::vector<stay> stays, std::string_view on) {
  person p;
  p.citizenship = std::move(citizenship);
  p.stays = std::move(stays);
  p.on = test_support::D(on);
  return p;
}

}  // namespace boravak::app::fixture
