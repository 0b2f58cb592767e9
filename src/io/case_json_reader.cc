// Reading and checking one batch case (see case_json_reader.h).
#include "case_json_reader.h"

#include <string>

#include "boravak/citizenship.h"
#include "case_json_fast_path.h"
#include "boravak/stay_validation.h"
#include "result_json_writer.h"

namespace boravak::io {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

case_error missing(std::string path) {
  text message{"case.error.missing_field", {text_arg::of_verbatim(path)}};
  return {error_code::missing_field, std::move(path), std::move(message)};
}

// `what`: the catalog key that says what the field must be ("case.error.must.date_string").
case_error invalid(std::string path, const char* what, std::vector<text_arg> more = {}) {
  std::vector<text_arg> args{text_arg::of_verbatim(path)};
  for (text_arg& a : more) args.push_back(std::move(a));
  return {error_code::invalid_value, std::move(path), {what, std::move(args)}};
}

// The path of a field, built only when there is an error to report: this is the batch hot
// path, and most lines are fine.
struct field_path {
  const char* list = nullptr;  // "stays", "exempt", or nullptr for a top-level field
  std::size_t index = 0;
  const char* field = "";
  std::string str() const {
    if (list == nullptr) return field;
    return std::string(list) + "[" + std::to_string(index) + "]" + (*field ? "." : "") + field;
  }
};

// A date field: a string holding a real YYYY-MM-DD date from 1900 to 2200.
std::optional<case_error> read_date(element value, field_path where, date& out) {
  std::string_view text;
  if (value.get_string().get(text)) {
    return invalid(where.str(), "case.error.must.date_string");
  }
  if (auto parsed = parse_iso_date(text)) {
    out = *parsed;
    return std::nullopt;
  }
  const std::string path = where.str();
  std::string shown(text.substr(0, 40));
  return case_error{error_code::invalid_date, path,
                    {"case.error.invalid_date", {text_arg::of_verbatim(path), text_arg::of_verbatim(shown)}}};
}

// A count: a JSON integer from 1 to kLargestCount (not 90.0, not "90", not true).
std::optional<case_error> read_count(element value, const char* path, int& out) {
  const element_type type = value.type();
  if (type != element_type::INT64 && type != element_type::UINT64) {
    return invalid(path, "case.error.must.count", {text_arg::of_number(kLargestCount)});
  }
  std::int64_t n = 0;
  if (type == element_type::UINT64 || value.get_int64().get(n) || n < 1 || n > kLargestCount) {
    return invalid(path, "case.error.must.count", {text_arg::of_number(kLargestCount)});
  }
  out = int(n);
  return std::nullopt;
}

// Looks up a key; the last occurrence wins, as in most JSON readers.
bool find(object o, std::string_view key, element& out) {
  bool found = false;
  for (auto field : o) {
    if (field.key == key) {
      out = field.value;
      found = true;
    }
  }
  return found;
}

std::optional<case_error> read_regime(element value, regime& out) {
  object o;
  if (value.get_object().get(o)) return invalid("regime", "case.error.must.regime_object");
  element field;
  if (!find(o, "kind", field)) return missing("regime.kind");
  std::string_view kind;
  if (field.get_string().get(kind)) return invalid("regime.kind", "case.error.must.regime_kind");
  if (!parse_regime_kind(kind, out.kind)) {
    return case_error{error_code::unknown_regime, "regime.kind",
                      {"case.error.unknown_regime", {text_arg::of_verbatim(std::string(kind.substr(0, 40)))}}};
  }
  if (!find(o, "limit", field)) return missing("regime.limit");
  if (auto e = read_count(field, "regime.limit", out.limit)) return e;
  switch (out.kind) {
    case regime_kind::rolling:
      if (!find(o, "window", field)) return missing("regime.window");
      return read_count(field, "regime.window", out.window);
    case regime_kind::fixed: {
      element months;
      const bool has_days = find(o, "period_days", field);
      const bool has_months = find(o, "period_months", months);
      if (has_days && has_months) {
        return invalid("regime.period_months", "case.error.must.one_period");
      }
      if (has_months) return read_count(months, "regime.period_months", out.period_months);
      if (!has_days) return missing("regime.period_days");
      return read_count(field, "regime.period_days", out.period_days);
    }
    case regime_kind::per_entry:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<case_error> read_stays(element value, std::vector<stay>& out) {
  simdjson::dom::array items;
  if (value.get_array().get(items)) return invalid("stays", "case.error.must.stay_list");
  std::size_t index = 0;
  for (element item : items) {
    object o;
    if (item.get_object().get(o)) return invalid(field_path{"stays", index}.str(), "case.error.must.stay_object");
    stay s;
    element entry, field;
    bool has_entry = false, has_exit = false;
    for (auto kv : o) {  // one pass; the last occurrence of a key wins
      if (kv.key == "entry") { entry = kv.value; has_entry = true; }
      else if (kv.key == "exit") { field = kv.value; has_exit = true; }
    }
    if (!has_entry) return missing(field_path{"stays", index, "entry"}.str());
    if (auto e = read_date(entry, {"stays", index, "entry"}, s.entry)) return e;
    if (has_exit && !field.is_null()) {
      date exit;
      if (auto e = read_date(field, {"stays", index, "exit"}, exit)) return e;
      s.exit = exit;
    }
    if (auto e = check_stay(out.empty() ? nullptr : &out.back(), s, index)) return e;
    out.push_back(s);
    ++index;
  }
  return std::nullopt;
}

std::optional<case_error> read_exempt(element value, std::vector<date_range>& out) {
  simdjson::dom::array items;
  if (value.get_array().get(items)) return invalid("exempt", "case.error.must.exempt_list");
  std::size_t index = 0;
  for (element item : items) {
    object o;
    if (item.get_object().get(o)) return invalid(field_path{"exempt", index}.str(), "case.error.must.exempt_object");
    date_range r{};
    element field;
    if (!find(o, "from", field)) return missing(field_path{"exempt", index, "from"}.str());
    if (auto e = read_date(field, {"exempt", index, "from"}, r.first)) return e;
    if (!find(o, "to", field)) return missing(field_path{"exempt", index, "to"}.str());
    if (auto e = read_date(field, {"exempt", index, "to"}, r.last)) return e;
    if (r.last < r.first) return invalid(field_path{"exempt", index, "to"}.str(), "case.error.must.exempt_forwards");
    out.push_back(r);
    ++index;
  }
  return std::nullopt;
}

std::optional<case_error> read_plan(element value, plan_request& out) {
  object o;
  if (value.get_object().get(o)) return invalid("plan", "case.error.must.plan_object");
  element entry;
  element from;
  const bool has_entry = find(o, "entry", entry);
  const bool has_from = find(o, "from", from);
  if (has_entry && has_from) return invalid("plan", "case.error.must.one_question");
  if (has_entry) {
    out.what = plan_request::kind::longest_stay_from_entry;
    return read_date(entry, {nullptr, 0, "plan.entry"}, out.entry_or_from);
  }
  if (!has_from) return missing("plan.entry");
  out.what = plan_request::kind::earliest_entry_for_length;
  if (auto e = read_date(from, {nullptr, 0, "plan.from"}, out.entry_or_from)) return e;
  element length;
  if (!find(o, "length", length)) return missing("plan.length");
  return read_count(length, "plan.length", out.length);
}

}  // namespace

case_json_reader::case_json_reader(const rule_set& rules)
    : rules_(rules), fast_path_(std::make_unique<case_json_fast_path>(rules)) {}
case_json_reader::~case_json_reader() = default;

std::optional<case_error> case_json_reader::read(std::string_view line, parsed_case& out) {
  if (fast_path_->read(line, out)) return std::nullopt;
  out.id_json = "null";
  out.data.clear();
  out.readings_from = nullptr;
  element document;
  object o;
  if (parser_.parse(line.data(), line.size(), false).get(document) ||
      document.get_object().get(o)) {
    return case_error{error_code::invalid_json, "", {"case.error.not_json_object", {}}};
  }
  return read_fields(o, out);
}

std::optional<case_error> case_json_reader::read_fields(object o, parsed_case& out) {
  // One pass to find the fields; checks then follow the contract's field order.
  element id, regime_field, citizenship, stays, on, exempt, valid_until, plan;
  bool has_id = false, has_regime = false, has_citizenship = false, has_stays = false,
       has_on = false, has_exempt = false, has_valid_until = false, has_plan = false;
  for (auto field : o) {
    const std::string_view key = field.key;
    if (key == "id") { id = field.value; has_id = true; }
    else if (key == "regime") { regime_field = field.value; has_regime = true; }
    else if (key == "citizenship") { citizenship = field.value; has_citizenship = true; }
    else if (key == "stays") { stays = field.value; has_stays = true; }
    else if (key == "on") { on = field.value; has_on = true; }
    else if (key == "exempt") { exempt = field.value; has_exempt = true; }
    else if (key == "valid_until") { valid_until = field.value; has_valid_until = true; }
    else if (key == "plan") { plan = field.value; has_plan = true; }
  }

  if (!has_id) return missing("id");
  std::string_view id_text;
  if (id.get_string().get(id_text)) {
    out.id_json = simdjson::minify(id);
    return invalid("id", "case.error.must.string");
  }
  out.id_json.clear();
  append_json_string(out.id_json, id_text);

  stay_case& c = out.data;
  const country* who = nullptr;
  if (has_regime) {
    if (auto e = read_regime(regime_field, c.rule)) return e;
  } else if (has_citizenship) {
    std::string_view code;
    if (citizenship.get_string().get(code)) return invalid("citizenship", "case.error.must.country_code");
    who = rules_.find_country(code);
    if (who == nullptr) {
      return case_error{error_code::unknown_citizenship, "citizenship",
                        {"case.error.unknown_citizenship", {text_arg::of_verbatim(std::string(code.substr(0, 40)))}}};
    }
  } else {
    return case_error{error_code::missing_field, "regime", {"case.error.no_rule", {}}};
  }

  if (!has_stays) return missing("stays");
  if (auto e = read_stays(stays, c.stays)) return e;
  if (!has_on) return missing("on");
  if (auto e = read_date(on, {nullptr, 0, "on"}, c.on)) return e;
  if (has_exempt && !exempt.is_null()) {
    if (auto e = read_exempt(exempt, c.exempt)) return e;
  }
  if (has_valid_until && !valid_until.is_null()) {
    date until;
    if (auto e = read_date(valid_until, {nullptr, 0, "valid_until"}, until)) return e;
    c.valid_until = until;
  }
  if (has_plan && !plan.is_null()) {
    if (auto e = read_plan(plan, c.plan)) return e;
  }

  if (who != nullptr) {
    if (auto e = check_visa_free(rules_, *who, c.on)) return e;
    out.readings_from = &rules_.entry_rule(*who, c.on);
  }
  return check_plan(c);
}

}  // namespace boravak::io
