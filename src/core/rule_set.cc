// Look-ups in the rules (see rule_set.h).
#include "boravak/rule_set.h"

#include <algorithm>

namespace boravak {
namespace {

int code_slot(std::string_view code) {
  if (code.size() != 2) return -1;
  int slot = 0;
  for (char ch : code) {
    if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return -1;
    slot = slot * 26 + (ch - 'A');
  }
  return slot;
}

}  // namespace

void rule_set::index() {
  std::sort(countries.begin(), countries.end(),
            [](const country& a, const country& b) { return a.code < b.code; });
  by_code_.fill(-1);
  for (std::size_t i = 0; i < countries.size(); ++i) {
    const int slot = code_slot(countries[i].code);
    if (slot >= 0) by_code_[std::size_t(slot)] = std::int16_t(i);
  }
}

const country* rule_set::find_country(std::string_view code) const {
  const int slot = code_slot(code);
  if (slot < 0 || countries.empty()) return nullptr;
  const std::int16_t at = by_code_[std::size_t(slot)];
  // by_code_ starts zeroed; the code check also covers a rule_set that was never index()ed.
  if (at < 0 || code_slot(countries[std::size_t(at)].code) != slot) return nullptr;
  return &countries[std::size_t(at)];
}

bool entry_period::needs_visa() const {
  if (status == entry_status::visa_required || readings.empty()) return true;
  for (const regime_reading& r : readings) {
    if (r.needs_visa()) return true;
  }
  return false;
}

const entry_period& rule_set::entry_rule(const country& c, date on) const {
  for (const entry_period& p : c.periods) {
    if (p.in_force_on(on)) return p;
  }
  return default_entry;
}

const fine_range* fine_on(const std::vector<fine_range>& ranges, date on) {
  for (const fine_range& f : ranges) {
    if (f.in_force_on(on)) return &f;
  }
  return nullptr;
}

const border_crossing* rule_set::find_crossing(std::string_view id) const {
  for (const border_crossing& c : crossings) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const home_city* rule_set::find_city(std::string_view id) const {
  for (const home_city& c : cities) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace boravak
