// The only clock: a port the application asks for "now", with a fixed twin for tests, in the way
// of leveldb's Env. Nothing else in boravak reads the system time.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "boravak/civil_date.h"

namespace boravak::app {

class clock {
 public:
  virtual ~clock() = default;
  virtual std::chrono::sys_seconds now() const = 0;
  // The calendar day in Serbia (Europe/Belgrade) at now().
  date today() const;
};

// The machine's clock.
class system_clock final : public clock {
 public:
  std::chrono::sys_seconds now() const override;
};

// A clock that reads what it was set to: tests, and `--now` for outside checks.
class fixed_clock final : public clock {
 public:
  explicit fixed_clock(std::chrono::sys_seconds at) : at_(at) {}
  std::chrono::sys_seconds now() const override { return at_; }
  void set(std::chrono::sys_seconds at) { at_ = at; }

 private:
  std::chrono::sys_seconds at_;
};

// The calendar day in Europe/Belgrade at the instant `t`.
// A clock that starts at a given moment and then runs at real speed: `boravak bot --now …` (or
// $BORAVAK_NOW), so that tests and outside checks can put the bot just before midnight.
class started_clock final : public clock {
 public:
  explicit started_clock(std::chrono::sys_seconds start) : start_(start), launched_(std::chrono::steady_clock::now()) {}
  std::chrono::sys_seconds now() const override {
    return start_ + std::chrono::floor<std::chrono::seconds>(std::chrono::steady_clock::now() - launched_);
  }

 private:
  std::chrono::sys_seconds start_;
  std::chrono::steady_clock::time_point launched_;
};

// "2026-12-05T23:59:00+01:00", "2026-12-05T22:59:00Z": a moment with its offset from UTC;
// nothing when the text is not one.
std::optional<std::chrono::sys_seconds> parse_moment(std::string_view text);

date belgrade_day(std::chrono::sys_seconds t);

}  // namespace boravak::app
