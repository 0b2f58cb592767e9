// Sorting and pairing passport stamps (see stamp_parser.h).
#include "stamp_parser.h"

#include <algorithm>
#include <optional>

namespace boravak::io {
namespace {

struct stamp {
  bool entry;
  date day;
  std::size_t number;  // 1-based, as typed
  std::string text;
};

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';'; }

}  // namespace

std::variant<std::vector<stay>, stamp_error> parse_stamps(std::string_view text) {
  std::vector<stamp> stamps;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_separator(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_separator(text[i])) ++i;
    if (start == i) break;
    const std::string token(text.substr(start, i - start));
    const std::size_t number = stamps.size() + 1;
    if (token[0] != '+' && token[0] != '-') {
      return stamp_error{number, token, {"stamps.error.no_sign", {text_arg::of_verbatim(token)}}};
    }
    const auto day = parse_written_date(std::string_view(token).substr(1));
    if (!day) {
      return stamp_error{number, token, {"stamps.error.bad_date", {text_arg::of_verbatim(token)}}};
    }
    stamps.push_back({token[0] == '+', *day, number, token});
  }
  if (stamps.empty()) return std::vector<stay>{};

  // Sort by date. On one date, the order that makes a valid sequence is decided while pairing.
  std::stable_sort(stamps.begin(), stamps.end(), [](const stamp& a, const stamp& b) { return a.day < b.day; });

  std::vector<stay> stays;
  const stamp* open_entry = nullptr;
  for (std::size_t k = 0; k < stamps.size();) {
    // All stamps of one date: an exit closes the open stay first (a same-day visa run), then
    // entries open stays; an entry and an exit with nothing open is a one-day stay.
    std::size_t end = k;
    while (end < stamps.size() && stamps[end].day == stamps[k].day) ++end;
    std::vector<const stamp*> entries, exits;
    for (std::size_t j = k; j < end; ++j) (stamps[j].entry ? entries : exits).push_back(&stamps[j]);
    std::size_t e = 0, x = 0;
    while (e < entries.size() || x < exits.size()) {
      if (open_entry != nullptr) {
        if (x < exits.size()) {
          stays.push_back({open_entry->day, exits[x++]->day});
          open_entry = nullptr;
          continue;
        }
        const stamp& second = *entries[e];
        return stamp_error{second.number, second.text,
                           {"stamps.error.two_entries", {text_arg::of_day(open_entry->day), text_arg::of_day(second.day)}}};
      }
      if (e < entries.size()) {
        open_entry = entries[e++];
        continue;
      }
      const stamp& lone = *exits[x];
      return stamp_error{lone.number, lone.text, {"stamps.error.lone_exit", {text_arg::of_day(lone.day)}}};
    }
    k = end;
  }
  if (open_entry != nullptr) stays.push_back({open_entry->day, std::nullopt});
  return stays;
}

}  // namespace boravak::io
