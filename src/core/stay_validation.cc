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

std::optional<case_error> check_stay(const stay* previous, const stay& current,
                                     std::size_t index) {
  if (current.exit && *current.exit < current.entry) {
    return case_error{error_code::exit_before_entry, stay_path(index, "exit"),
                      "Stay " + std::to_string(index + 1) + " leaves on " +
                          to_iso_string(*current.exit) + ", before it enters on " +
                          to_iso_string(current.entry) + "; swap or correct the two dates."};
  }
  if (previous == nullptr) return std::nullopt;
  if (!previous->exit) {
    return case_error{error_code::open_stay_not_last, stay_path(index - 1, "exit"),
                      "Stay " + std::to_string(index) +
                          " has no exit date but another stay follows it; add the date you "
                          "left, or remove the later stay."};
  }
  // Sharing one day is a same-day visa run and is allowed (contract "Regimes").
  if (current.entry < *previous->exit) {
    return case_error{error_code::overlapping_stays, stay_path(index, "entry"),
                      "Stay " + std::to_string(index + 1) + " enters on " +
                          to_iso_string(current.entry) + ", before stay " +
                          std::to_string(index) + " ends on " + to_iso_string(*previous->exit) +
                          "; sort the stays by entry date and correct the overlap."};
  }
  return std::nullopt;
}

std::optional<case_error> check_plan(const stay_case& c) {
  if (c.plan.what == plan_request::kind::none) return std::nullopt;
  const bool entry_plan = c.plan.what == plan_request::kind::longest_stay_from_entry;
  const date planned = c.plan.entry_or_from;
  for (std::size_t i = 0; i < c.stays.size(); ++i) {
    const stay& s = c.stays[i];
    if (s.exit && *s.exit < planned) continue;
    const std::string when = s.exit ? "ends on " + to_iso_string(*s.exit) : "has no exit date";
    return case_error{error_code::plan_overlaps_stays, entry_plan ? "plan.entry" : "plan.from",
                      "The plan starts on " + to_iso_string(planned) + " but stay " +
                          std::to_string(i + 1) + " " + when +
                          "; a plan is about the future, so every recorded stay must end "
                          "before the planned date."};
  }
  return std::nullopt;
}

}  // namespace boravak
