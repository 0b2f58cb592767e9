// Meaning checks on stays and plans (see stay_validation.h).
#include "boravak/stay_validation.h"

#include <string>

namespace boravak {
namespace {

std::string stay_path(std::size_t index, const char* field) {
  return "stays[" + std::to_string(index) + "]." + field;
}

}  // namespace

std::string_view to_string(error_code code) {
  switch (code) {
    case error_code::invalid_json: return "invalid_json";
    case error_code::missing_field: return "missing_field";
    case error_code::invalid_date: return "invalid_date";
    case error_code::invalid_value: return "invalid_value";
    case error_code::exit_before_entry: return "exit_before_entry";
    case error_code::open_stay_not_last: return "open_stay_not_last";
    case error_code::overlapping_stays: return "overlapping_stays";
    case error_code::unknown_regime: return "unknown_regime";
    case error_code::unknown_citizenship: return "unknown_citizenship";
    case error_code::visa_required: return "visa_required";
    case error_code::plan_overlaps_stays: return "plan_overlaps_stays";
  }
  return "invalid_value";
}

// Stays are named by their dates, never by their place in a sorted list: the person may have
// typed them in any order.
std::optional<case_error> check_stay(const stay* previous, const stay& current,
                                     std::size_t index) {
  if (current.exit && *current.exit < current.entry) {
    return case_error{error_code::exit_before_entry, stay_path(index, "exit"),
                      {"case.error.exit_before_entry", {text_arg::of_day(current.entry), text_arg::of_day(*current.exit)}}};
  }
  if (previous == nullptr) return std::nullopt;
  if (!previous->exit) {
    return case_error{error_code::open_stay_not_last, stay_path(index - 1, "exit"),
                      {"case.error.open_stay_not_last", {text_arg::of_day(previous->entry), text_arg::of_day(current.entry)}}};
  }
  // Sharing one day is a same-day visa run and is allowed (contract "Regimes").
  if (current.entry < *previous->exit) {
    return case_error{error_code::overlapping_stays, stay_path(index, "entry"),
                      {"case.error.overlapping_stays",
                       {text_arg::of_day(current.entry), text_arg::of_day(previous->entry), text_arg::of_day(*previous->exit)}}};
  }
  return std::nullopt;
}

std::optional<case_error> check_plan(const stay_case& c) {
  if (c.plan.what == plan_request::kind::none) return std::nullopt;
  const bool entry_plan = c.plan.what == plan_request::kind::longest_stay_from_entry;
  const date planned = c.plan.entry_or_from;
  for (const stay& s : c.stays) {
    if (s.exit && *s.exit < planned) continue;
    // A plan is about the future: every recorded stay must end before the planned day.
    text why = s.exit ? text{"case.error.plan_overlaps_stay", {text_arg::of_day(planned), text_arg::of_day(s.entry), text_arg::of_day(*s.exit)}}
                      : text{"case.error.plan_after_open_stay", {text_arg::of_day(planned), text_arg::of_day(s.entry)}};
    return case_error{error_code::plan_overlaps_stays, entry_plan ? "plan.entry" : "plan.from", std::move(why)};
  }
  return std::nullopt;
}

}  // namespace boravak
