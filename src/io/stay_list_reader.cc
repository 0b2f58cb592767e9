// Reading stays from CSV and JSON files (see stay_list_reader.h).
#include "stay_list_reader.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include <nlohmann/json.hpp>

#include "boravak/stay_validation.h"

namespace boravak::io {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
  return s;
}

bool looks_like_header(std::string_view first_cell) {
  return !first_cell.empty() && !(first_cell[0] >= '0' && first_cell[0] <= '9');
}

}  // namespace

std::variant<std::vector<stay>, stay_list_error> sort_and_check(std::vector<stay> stays,
                                                                  const std::vector<std::string>& origins) {
  std::vector<std::size_t> order(stays.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return stays[a].entry < stays[b].entry; });
  std::vector<stay> sorted;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const stay& s = stays[order[k]];
    if (auto e = check_stay(sorted.empty() ? nullptr : &sorted.back(), s, k)) {
      // The engine's message names stays by their dates; the path is the person's own line.
      const std::size_t culprit = e->code == error_code::open_stay_not_last ? order[k - 1] : order[k];
      // The field inside the stay ("stays[3].exit" gives ".exit"), after the person's own name for it.
      const std::size_t bracket = e->path.rfind(']');
      const std::string field = bracket == std::string::npos ? std::string() : e->path.substr(bracket + 1);
      return stay_list_error{origins[culprit] + (origins[culprit].rfind("stays[", 0) == 0 ? field : std::string()), e->message, e->code};
    }
    sorted.push_back(s);
  }
  return sorted;
}

stay_list read_stay_csv(std::string_view text) {
  std::vector<stay> stays;
  std::vector<std::string> origins;
  std::size_t line_number = 0;
  bool header_allowed = true;  // only the first line that is not a comment may be a header
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++line_number;
    const std::string where = "line " + std::to_string(line_number);
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const char separator = line.find(';') != std::string_view::npos && line.find(',') == std::string_view::npos ? ';' : ',';
    const std::size_t cut = line.find(separator);
    const std::string_view entry_text = trim(line.substr(0, cut));
    std::string_view exit_text = cut == std::string_view::npos ? std::string_view{} : line.substr(cut + 1);
    exit_text = trim(exit_text.substr(0, exit_text.find(separator)));
    if (header_allowed) {
      header_allowed = false;
      if (looks_like_header(entry_text)) continue;  // e.g. "entry,exit,notes"
    }
    const auto entry = parse_written_date(entry_text);
    if (!entry) {
      return stay_list_error{where, {"stays.error.line_entry_not_date", {text_arg::of_number(static_cast<long long>(line_number)), text_arg::of_verbatim(std::string(entry_text))}},
                             error_code::invalid_date};
    }
    stay s{*entry, std::nullopt};
    if (!exit_text.empty()) {
      const auto exit = parse_written_date(exit_text);
      if (!exit) {
        return stay_list_error{where, {"stays.error.line_exit_not_date", {text_arg::of_number(static_cast<long long>(line_number)), text_arg::of_verbatim(std::string(exit_text))}},
                               error_code::invalid_date};
      }
      s.exit = *exit;
    }
    stays.push_back(s);
    origins.push_back(where);
  }
  return sort_and_check(std::move(stays), origins);
}

stay_list read_stay_json(std::string_view text) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) return stay_list_error{"", {"stays.error.not_json", {}}};
  const nlohmann::json* items = &document;
  if (document.is_object()) {
    const auto list = document.find("stays");
    if (list == document.end() || !list->is_array()) return stay_list_error{"", {"stays.error.no_stays_list", {}}};
    items = &*list;
  } else if (!document.is_array()) {
    return stay_list_error{"", {"stays.error.not_a_list", {}}};
  }
  std::vector<stay> stays;
  std::vector<std::string> origins;
  std::size_t index = 0;
  for (const nlohmann::json& item : *items) {
    const std::string where = "stays[" + std::to_string(index++) + "]";
    const nlohmann::json* entry_value = item.is_object() && item.contains("entry") ? &item["entry"] : nullptr;
    if (entry_value == nullptr || !entry_value->is_string()) return stay_list_error{where + ".entry", {"stays.error.needs_entry", {}}};
    const std::string& entry_text = entry_value->get_ref<const std::string&>();
    const auto entry = parse_written_date(entry_text);
    if (!entry) return stay_list_error{where + ".entry", {"stays.error.not_date", {text_arg::of_verbatim(entry_text)}}, error_code::invalid_date};
    stay s{*entry, std::nullopt};
    if (const auto exit_value = item.find("exit"); exit_value != item.end() && !exit_value->is_null()) {
      if (!exit_value->is_string()) return stay_list_error{where + ".exit", {"stays.error.exit_not_string", {}}};
      const std::string& exit_text = exit_value->get_ref<const std::string&>();
      const auto exit = parse_written_date(exit_text);
      if (!exit) return stay_list_error{where + ".exit", {"stays.error.not_date", {text_arg::of_verbatim(exit_text)}}, error_code::invalid_date};
      s.exit = *exit;
    }
    stays.push_back(s);
    origins.push_back(where);
  }
  return sort_and_check(std::move(stays), origins);
}

}  // namespace boravak::io
