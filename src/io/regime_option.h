// A counting rule typed as text: "rolling:90:180", "fixed:90:6m", "fixed:90:180d" or
// "per_entry:30". `boravak stay --regime` and the API's "regime" field read it alike.
#pragma once

#include <string_view>
#include <variant>

#include "boravak/regime.h"
#include "boravak/text.h"

namespace boravak::io {

// The rule, or what is wrong with the text and how to write it.
std::variant<regime, text> parse_regime_option(std::string_view written);

}  // namespace boravak::io
