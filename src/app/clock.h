// The only clock: a port the application asks for "now", with a fixed twin for tests, in the way
// of leveldb's Env. Nothing else in boravak reads the system time.
#pragma once

#include <chrono>

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
date belgrade_day(std::chrono::sys_seconds t);

}  // namespace boravak::app
