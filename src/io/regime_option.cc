// Reading a counting rule typed as text (see regime_option.h).
#include "regime_option.h"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace boravak::io {
namespace {

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string_view::npos) return parts;
    start = colon + 1;
  }
}

// A whole number from 1 to kLargestCount, or nothing.
std::optional<int> count(std::string_view text) {
  int n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc{} || end != text.data() + text.size() || n < 1 || n > kLargestCount) return std::nullopt;
  return n;
}

}  // namespace

std::variant<regime, text> parse_regime_option(std::string_view written) {
  const text_arg shown = text_arg::of_verbatim(std::string(written.substr(0, 40)));
  const std::vector<std::string_view> parts = split(written);
  regime r;
  if (!parse_regime_kind(parts[0], r.kind)) return text{"regime_option.error.kind", {shown}};
  const std::size_t needed = r.kind == regime_kind::per_entry ? 2 : 3;
  if (parts.size() != needed) return text{"regime_option.error.parts", {shown}};
  const auto limit = count(parts[1]);
  if (!limit) return text{"regime_option.error.count", {shown, text_arg::of_number(kLargestCount)}};
  r.limit = *limit;
  if (r.kind == regime_kind::rolling) {
    const auto window = count(parts[2]);
    if (!window) return text{"regime_option.error.count", {shown, text_arg::of_number(kLargestCount)}};
    r.window = *window;
  }
  if (r.kind == regime_kind::fixed) {
    const std::string_view period = parts[2];
    const char unit = period.empty() ? ' ' : period.back();
    if (unit != 'm' && unit != 'd') return text{"regime_option.error.unit", {shown}};
    const auto n = count(period.substr(0, period.size() - 1));
    if (!n) return text{"regime_option.error.count", {shown, text_arg::of_number(kLargestCount)}};
    (unit == 'm' ? r.period_months : r.period_days) = *n;
  }
  return r;
}

}  // namespace boravak::io
