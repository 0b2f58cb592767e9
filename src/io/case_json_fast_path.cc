// Reading a well-formed case with simdjson On-Demand (see case_json_fast_path.h).
#include "case_json_fast_path.h"

#include "boravak/citizenship.h"
#include "boravak/stay_validation.h"
#include "result_json_writer.h"

namespace boravak::io {
namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

// Keys are compared as written, without unescaping: a key with an escape in it is not one we
// know, so the line goes to the DOM reader, which decodes it properly.

// A date is the raw token "YYYY-MM-DD", quotes included: read in place, without copying or
// unescaping (a date holds no escapes; anything else goes to the DOM reader).
bool read_date(value v, date& out) {
  const std::string_view token = v.raw_json_token();
  if (token.size() < 12 || token[0] != '"' || token[11] != '"') return false;
  // The token runs to the next structural character: only white space may follow the quote.
  for (char c : token.substr(12)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return parse_iso_date(token.substr(1, 10), out);
}

bool read_count(value v, int& out) {
  std::int64_t n = 0;
  if (v.get_int64().get(n) || n < 1 || n > kLargestCount) return false;
  out = int(n);
  return true;
}

bool read_regime(value v, regime& r) {
  object o;
  if (v.get_object().get(o)) return false;
  bool has_kind = false, has_limit = false, has_window = false, has_days = false, has_months = false;
  for (auto field : o) {
    simdjson::ondemand::raw_json_string key;
    if (field.key().get(key)) return false;
    if (key == "kind") {
      std::string_view kind;
      if (field.value().get_string().get(kind) || !parse_regime_kind(kind, r.kind)) return false;
      has_kind = true;
    } else if (key == "limit") {
      if (!read_count(field.value(), r.limit)) return false;
      has_limit = true;
    } else if (key == "window") {
      if (!read_count(field.value(), r.window)) return false;
      has_window = true;
    } else if (key == "period_days") {
      if (!read_count(field.value(), r.period_days)) return false;
      has_days = true;
    } else if (key == "period_months") {
      if (!read_count(field.value(), r.period_months)) return false;
      has_months = true;
    } else {
      return false;
    }
  }
  if (!has_kind || !has_limit) return false;
  // Only the fields the kind uses, exactly as the DOM reader would accept them.
  switch (r.kind) {
    case regime_kind::rolling:
      r.period_days = r.period_months = 0;
      return has_window && !has_days && !has_months;
    case regime_kind::fixed:
      r.window = 0;
      return has_days != has_months && !has_window;
    case regime_kind::per_entry:
      r.window = r.period_days = r.period_months = 0;
      return !has_window && !has_days && !has_months;
  }
  return false;
}

bool read_stays(value v, std::vector<stay>& out) {
  array items;
  if (v.get_array().get(items)) return false;
  for (auto item : items) {
    object o;
    if (item.get_object().get(o)) return false;
    stay s{};
    bool has_entry = false;
    for (auto field : o) {
      simdjson::ondemand::raw_json_string key;
      if (field.key().get(key)) return false;
      if (key == "entry") {
        if (has_entry || !read_date(field.value(), s.entry)) return false;
        has_entry = true;
      } else if (key == "exit") {
        date exit;
        if (s.exit || !read_date(field.value(), exit)) return false;
        s.exit = exit;
      } else {
        return false;
      }
    }
    if (!has_entry || check_stay(out.empty() ? nullptr : &out.back(), s, out.size())) return false;
    out.push_back(s);
  }
  return true;
}

bool read_exempt(value v, std::vector<date_range>& out) {
  array items;
  if (v.get_array().get(items)) return false;
  for (auto item : items) {
    object o;
    if (item.get_object().get(o)) return false;
    date_range r{};
    bool has_from = false, has_to = false;
    for (auto field : o) {
      simdjson::ondemand::raw_json_string key;
      if (field.key().get(key)) return false;
      if (key == "from" && !has_from) has_from = read_date(field.value(), r.first);
      else if (key == "to" && !has_to) has_to = read_date(field.value(), r.last);
      else return false;
      if (!has_from && !has_to) return false;
    }
    if (!has_from || !has_to || r.last < r.first) return false;
    out.push_back(r);
  }
  return true;
}

bool read_plan(value v, plan_request& p) {
  object o;
  if (v.get_object().get(o)) return false;
  bool has_entry = false, has_from = false, has_length = false;
  for (auto field : o) {
    simdjson::ondemand::raw_json_string key;
    if (field.key().get(key)) return false;
    if (key == "entry" && !has_entry) has_entry = read_date(field.value(), p.entry_or_from);
    else if (key == "from" && !has_from) has_from = read_date(field.value(), p.entry_or_from);
    else if (key == "length" && !has_length) has_length = read_count(field.value(), p.length);
    else return false;
  }
  if (has_entry == has_from) return false;
  if (has_entry) {
    if (has_length) return false;
    p.what = plan_request::kind::longest_stay_from_entry;
    return true;
  }
  p.what = plan_request::kind::earliest_entry_for_length;
  return has_length;
}

}  // namespace

bool case_json_fast_path::read(std::string_view line, parsed_case& out) {
  out.id_json = "null";
  out.data.clear();
  out.readings_from = nullptr;
  simdjson::ondemand::document doc;
  if (parser_.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING).get(doc)) return false;
  object o;
  if (doc.get_object().get(o)) return false;

  stay_case& c = out.data;
  std::string_view id, code;
  bool has_id = false, has_regime = false, has_citizenship = false, has_stays = false, has_on = false;
  bool has_exempt = false, has_valid_until = false, has_plan = false;
  for (auto field : o) {
    simdjson::ondemand::raw_json_string key;
    if (field.key().get(key)) return false;
    // A key seen twice is left to the DOM reader, which keeps the last one.
    if (key == "id") {
      if (has_id || field.value().get_string().get(id)) return false;
      // The view points into the parser's string buffer: copy it out now.
      out.id_json.clear();
      append_json_string(out.id_json, id);
      has_id = true;
    } else if (key == "regime") {
      if (has_regime || !read_regime(field.value(), c.rule)) return false;
      has_regime = true;
    } else if (key == "citizenship") {
      if (has_citizenship || field.value().get_string().get(code)) return false;
      has_citizenship = true;
    } else if (key == "stays") {
      if (has_stays || !read_stays(field.value(), c.stays)) return false;
      has_stays = true;
    } else if (key == "on") {
      if (has_on || !read_date(field.value(), c.on)) return false;
      has_on = true;
    } else if (key == "exempt") {
      if (has_exempt || !read_exempt(field.value(), c.exempt)) return false;
      has_exempt = true;
    } else if (key == "valid_until") {
      date until;
      if (has_valid_until || !read_date(field.value(), until)) return false;
      c.valid_until = until;
      has_valid_until = true;
    } else if (key == "plan") {
      if (has_plan || !read_plan(field.value(), c.plan)) return false;
      has_plan = true;
    } else {
      return false;
    }
  }
  // Nothing may follow the object on the line: past its end there is no location left.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
  if (!has_id || !has_stays || !has_on || (!has_regime && !has_citizenship)) return false;
  if (!has_regime) {
    const country* who = rules_.find_country(code);
    if (who == nullptr || check_visa_free(rules_, *who, c.on)) return false;
    out.readings_from = &rules_.entry_rule(*who, c.on);
  }
  return !check_plan(c);
}

}  // namespace boravak::io
