// Why a case cannot be answered: the contract's error codes ("Errors").
#pragma once

#include <string>
#include <string_view>

#include "boravak/text.h"

namespace boravak {

enum class error_code {
  invalid_json,
  missing_field,
  invalid_date,
  invalid_value,
  exit_before_entry,
  open_stay_not_last,
  overlapping_stays,
  unknown_regime,
  unknown_citizenship,
  visa_required,
  plan_overlaps_stays,
};

std::string_view to_string(error_code code);

struct case_error {
  error_code code = error_code::invalid_value;
  std::string path;  // the offending field: "stays[2].exit", "on", "" for a non-JSON line
  text message;      // one clear sentence for a person, what is wrong and what to do, as a key
};

}  // namespace boravak
