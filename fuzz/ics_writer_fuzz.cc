// libFuzzer target for the plan's calendar (io::plan_to_ics, behind POST
// /v1/permit/deadlines.ics, `boravak permit ics` and the bot): a permit situation is built from
// the input's bytes (planning day, ground, first or renewal, city, citizenships, ages, family,
// the optional dates, stamps) and planned with app::plan_permit; then, when the input says so,
// the plan's step dates and planning day are moved and the alarm days replaced, so the writer
// also sees dates the planner would not give. Invariants, each a crash when broken:
//  - a refused situation names its problem with a message key;
//  - every line of the file ends in CRLF, with no other CR or LF in it, and is at most 75
//    octets: RFC 5545 3.1 folding, which libical promises (a continuation line starts with a
//    space and counts it); every unfolded line is NAME...":"VALUE;
//  - the file is one VCALENDAR, and every BEGIN has its END, properly nested;
//  - one VEVENT per date the plan puts in a calendar that is not before the plan's day (two for
//    a window whose first day is not before it either), each with its own UID, and one VALARM
//    per alarm day that does not ring before the plan's day (calendar_export.h).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <libical/ical.h>

#include "app/app_context.h"
#include "app/permit_planning.h"
#include "boravak/permit/permit_plan.h"
#include "io/calendar_export.h"

namespace {

using boravak::date;
using boravak::days;
namespace permit = boravak::permit;

const boravak::app::app_context& context() {
  static const auto* ctx = [] {
    auto* c = new boravak::app::app_context;
    boravak::app::load_app_context(*c, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR});
    return c;
  }();
  return *ctx;
}

// The input read as small choices; zeros once it runs out.
class choices {
 public:
  choices(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  unsigned byte() { return at_ < size_ ? data_[at_++] : 0u; }
  bool flag() { return (byte() & 1u) != 0; }
  std::size_t pick(std::size_t n) { return n == 0 ? 0 : byte() % n; }
  unsigned two_bytes() {
    const unsigned low = byte();
    return low | (byte() << 8);
  }
  // A signed number of days in [-range, range].
  int offset(int range) { return static_cast<int>(two_bytes() % static_cast<unsigned>(2 * range + 1)) - range; }
  std::optional<date> maybe_day(date around, int range) {
    if (!flag()) return std::nullopt;
    return around + days{offset(range)};
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

std::string citizenship(const boravak::app::app_context& ctx, choices& in) {
  const auto& countries = ctx.stay_rules.countries;
  const std::size_t i = in.pick(countries.size() + 1);
  return i < countries.size() ? countries[i].code : std::string("ZZ");
}

permit::permit_situation situation_from(const boravak::app::app_context& ctx, choices& in, date on, std::string& stamps) {
  permit::permit_situation s;
  const auto& grounds = ctx.permit_rules.grounds;
  const std::size_t g = in.pick(grounds.size() + 1);
  s.ground = g < grounds.size() ? grounds[g].id : std::string("no_such_ground");
  s.kind = in.flag() ? permit::application_kind::renewal : permit::application_kind::first;
  const auto& offices = ctx.permit_rules.offices;
  const std::size_t c = in.pick(offices.size() + 2);
  s.city = c < offices.size() ? offices[c].city : c == offices.size() ? std::string("belgrade") : std::string("nowhere");
  s.main.age = static_cast<int>(in.byte() % 90);
  s.main.citizenship = citizenship(ctx, in);
  s.main.birth_date = in.maybe_day(on - days{365 * 30}, 365 * 20);
  for (std::size_t n = in.pick(4); n > 0; --n) {
    permit::person member;
    member.role = static_cast<permit::relation>(1 + in.pick(3));  // spouse, partner, child
    member.age = static_cast<int>(in.byte() % 70);
    if (in.flag()) member.citizenship = citizenship(ctx, in);
    s.family.push_back(member);
  }
  s.joins = in.flag() ? permit::sponsor_kind::serbian_citizen : permit::sponsor_kind::foreign_resident;
  s.sponsor_employed = in.flag();
  s.prefer_in_person = in.flag();
  s.permit_expires = in.maybe_day(on, 800);
  s.last_entry = in.maybe_day(on, 400);
  s.passport_expires = in.maybe_day(on, 2000);
  if (in.flag()) s.requested_term_months = static_cast<int>(in.byte() % 40);
  s.residence_since = in.maybe_day(on, 3000);
  // Passport stamps: entries and exits around the planning day.
  for (std::size_t n = in.pick(4); n > 0; --n) {
    const date entry = on + days{in.offset(400)};
    stamps += "+" + boravak::to_iso_string(entry) + " ";
    if (in.flag()) stamps += "-" + boravak::to_iso_string(entry + days{static_cast<int>(in.byte() % 120)}) + " ";
  }
  return s;
}

// Splits the file into lines, checks each, and unfolds them.
std::vector<std::string> unfolded_lines(const std::string& ics) {
  std::vector<std::string> logical;
  std::size_t start = 0;
  while (start < ics.size()) {
    const std::size_t end = ics.find("\r\n", start);
    if (end == std::string::npos) __builtin_trap();  // a last line without CRLF
    const std::string_view line(ics.data() + start, end - start);
    if (line.size() > 75) __builtin_trap();
    if (line.find('\r') != std::string_view::npos || line.find('\n') != std::string_view::npos) __builtin_trap();
    if (!line.empty() && line.front() == ' ') {
      if (logical.empty()) __builtin_trap();
      logical.back().append(line.substr(1));
    } else {
      logical.emplace_back(line);
    }
    start = end + 2;
  }
  return logical;
}

void check_ics(const std::string& ics, std::size_t events, std::size_t alarms) {
  const std::vector<std::string> lines = unfolded_lines(ics);
  if (lines.empty() || lines.front() != "BEGIN:VCALENDAR" || lines.back() != "END:VCALENDAR") __builtin_trap();
  std::vector<std::string> open;
  std::set<std::string> uids;
  std::size_t vevents = 0;
  std::size_t valarms = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.find(':') == std::string::npos) __builtin_trap();
    if (i > 0 && open.empty()) __builtin_trap();  // something after the calendar's END
    if (line.starts_with("BEGIN:")) {
      open.push_back(line.substr(6));
      vevents += open.back() == "VEVENT";
      valarms += open.back() == "VALARM";
    } else if (line.starts_with("END:")) {
      if (open.empty() || open.back() != line.substr(4)) __builtin_trap();
      open.pop_back();
    } else if (line.starts_with("UID:")) {
      if (open.empty() || open.back() != "VEVENT") __builtin_trap();
      if (!uids.insert(line.substr(4)).second) __builtin_trap();  // two events with one id
    }
  }
  if (!open.empty()) __builtin_trap();
  if (vevents != events || uids.size() != events || valarms != alarms) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const boravak::app::app_context& ctx = context();
  choices in(data, size);
  static const char* const kLanguages[] = {"en", "ru", "uk", "sr", "sr-Cyrl"};
  const std::string lang = kLanguages[in.pick(5)];
  const date on = date{std::chrono::year{2024} / 1 / 1} + days{static_cast<int>(in.two_bytes() % 2600)};
  std::string stamps;
  permit::permit_situation situation = situation_from(ctx, in, on, stamps);
  const std::string key = boravak::app::person_key(situation);
  auto planned = boravak::app::plan_permit(ctx, std::move(situation), stamps, on);
  if (!planned) {
    if (planned.error().message.key.empty()) __builtin_trap();
    return 0;
  }
  permit::permit_plan& plan = planned.value().plan;

  // Dates the planner would not give: moved steps and planning day, other alarms.
  std::vector<int> alarm_days = ctx.permit_rules.deadlines.alarm_days_before;
  if (in.flag()) {
    plan.on = plan.on + days{in.offset(30)};
    for (permit::dated_step& step : plan.steps) {
      if (!in.flag()) continue;
      step.last = in.maybe_day(on, 1000);
      step.first = in.maybe_day(on, 1000);
      step.calendar = in.flag();
    }
    alarm_days.clear();
    for (std::size_t n = in.pick(5); n > 0; --n) alarm_days.push_back(static_cast<int>(in.two_bytes() % 400));
  }

  std::size_t events = 0;
  std::size_t alarms = 0;
  for (const permit::dated_step& step : plan.steps) {
    if (!step.calendar || !step.last || *step.last < plan.on) continue;
    events += 1 + (step.first && *step.first >= plan.on);
    for (int before : alarm_days) alarms += *step.last - days{before} >= plan.on;
  }
  const std::string ics = boravak::io::plan_to_ics(plan, key, ctx.words(lang), alarm_days);
  // libical keeps the text it returned in a ring of temporary buffers; the copy is ours.
  icalmemory_free_ring();
  check_ics(ics, events, alarms);
  return 0;
}
