// Passport stamps typed as "+2026-03-01 -2026-03-30 +2026-04-02", in any order: entries
// start with "+", exits with "-". They are sorted by date and paired into stays; the last entry
// may stay open (the person is still in Serbia). Dates are YYYY-MM-DD or DD.MM.YYYY.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "boravak/stay_case.h"
#include "boravak/text.h"

namespace boravak::io {

struct stamp_error {
  std::size_t stamp_number = 0;  // 1-based, in the order typed; 0 = about the whole text
  std::string stamp;             // the stamp as typed
  text message;                  // what is wrong and what to do, named by the stamp or its date
};

// Stamps are separated by spaces, commas, semicolons or new lines.
std::variant<std::vector<stay>, stamp_error> parse_stamps(std::string_view text);

}  // namespace boravak::io
