// Situation files (see situation_reader.h). nlohmann-json reads JSON; toml++ turns TOML into
// the same JSON first, so both share one set of checks.
#include "situation_reader.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <toml++/toml.h>

namespace boravak::io {
namespace {

using nlohmann::json;
using permit::person;
using permit::relation;

// `key` names what is wrong ("situation.error.not_text"); its first argument is the field.
[[noreturn]] void bad(const std::string& where, const char* key, std::vector<text_arg> more = {}) {
  std::vector<text_arg> args{text_arg::of_verbatim(where)};
  for (text_arg& a : more) args.push_back(std::move(a));
  throw situation_error(where, {key, std::move(args)});
}

text_arg shown(const std::string& value) { return text_arg::of_verbatim(value.substr(0, 40)); }

void only_fields(const json& object, const std::string& where, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) bad(where.empty() ? key : where + "." + key, "situation.error.unknown_field");
  }
}

std::string text_field(const json& o, const std::string& key, const std::string& where) {
  const json& v = o.at(key);
  if (!v.is_string()) bad(where, "situation.error.not_text");
  return v.get<std::string>();
}

date date_field(const json& o, const std::string& key, const std::string& where) {
  const std::string s = text_field(o, key, where);
  const auto d = parse_written_date(s);
  if (!d) bad(where, "situation.error.not_date", {shown(s)});
  return *d;
}

int int_field(const json& o, const std::string& key, const std::string& where, int low, int high) {
  const json& v = o.at(key);
  if (!v.is_number_integer()) bad(where, "situation.error.not_whole_number");
  const auto n = v.get<long long>();
  if (n < low || n > high) bad(where, "situation.error.out_of_range", {text_arg::of_number(low), text_arg::of_number(high)});
  return static_cast<int>(n);
}

bool bool_field(const json& o, const std::string& key, const std::string& where) {
  const json& v = o.at(key);
  if (!v.is_boolean()) bad(where, "situation.error.not_flag");
  return v.get<bool>();
}

std::string country_field(const json& o, const std::string& key, const std::string& where) {
  std::string code = text_field(o, key, where);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) || !std::isalpha(static_cast<unsigned char>(code[1])))
    bad(where, "situation.error.not_country");
  return code;
}

person read_member(const json& m, const std::string& where) {
  if (!m.is_object()) bad(where, "situation.error.member_not_object");
  only_fields(m, where, {"relation", "age", "name", "birth_date", "citizenship"});
  person p;
  if (!m.contains("relation")) bad(where + ".relation", "situation.error.relation_required");
  const std::string r = text_field(m, "relation", where + ".relation");
  if (r == "spouse") p.role = relation::spouse;
  else if (r == "partner") p.role = relation::partner;
  else if (r == "child") p.role = relation::child;
  else bad(where + ".relation", "situation.error.bad_relation", {shown(r)});
  // A child's age decides what the rules ask of them; an adult's may be left out.
  if (p.role == relation::child && !m.contains("age")) bad(where + ".age", "situation.error.age_required");
  if (m.contains("age")) p.age = int_field(m, "age", where + ".age", 0, 120);
  if (m.contains("name")) p.full_name = text_field(m, "name", where + ".name");
  if (m.contains("birth_date")) p.birth_date = date_field(m, "birth_date", where + ".birth_date");
  if (m.contains("citizenship")) p.citizenship = country_field(m, "citizenship", where + ".citizenship");
  return p;
}

situation_input from_json(const json& o) {
  if (!o.is_object()) bad("", "situation.error.not_object");
  only_fields(o, "", {"citizenship", "ground", "kind", "city", "age", "name", "birth_date", "family", "permit_expires",
                      "last_entry", "passport_expires", "term_months", "residence_since", "joins", "sponsor_employed",
                      "in_person", "stamps"});
  situation_input in;
  permit::permit_situation& s = in.situation;
  if (!o.contains("citizenship")) bad("citizenship", "situation.error.citizenship_required");
  s.main.citizenship = country_field(o, "citizenship", "citizenship");
  if (!o.contains("ground")) bad("ground", "situation.error.ground_required");
  s.ground = text_field(o, "ground", "ground");
  if (o.contains("kind")) {
    const std::string k = text_field(o, "kind", "kind");
    if (k == "renewal") s.kind = permit::application_kind::renewal;
    else if (k != "first") bad("kind", "situation.error.bad_kind", {shown(k)});
  }
  if (o.contains("city")) s.city = text_field(o, "city", "city");
  if (o.contains("age")) s.main.age = int_field(o, "age", "age", 0, 120);
  if (o.contains("name")) s.main.full_name = text_field(o, "name", "name");
  if (o.contains("birth_date")) s.main.birth_date = date_field(o, "birth_date", "birth_date");
  if (o.contains("family")) {
    const json& f = o.at("family");
    if (!f.is_array()) bad("family", "situation.error.family_not_list");
    if (f.size() > 20) bad("family", "situation.error.family_too_big", {text_arg::of_number(20)});
    for (std::size_t i = 0; i < f.size(); ++i) s.family.push_back(read_member(f[i], "family[" + std::to_string(i) + "]"));
  }
  if (o.contains("permit_expires")) s.permit_expires = date_field(o, "permit_expires", "permit_expires");
  if (o.contains("last_entry")) s.last_entry = date_field(o, "last_entry", "last_entry");
  if (o.contains("passport_expires")) s.passport_expires = date_field(o, "passport_expires", "passport_expires");
  if (o.contains("term_months")) s.requested_term_months = int_field(o, "term_months", "term_months", 1, 120);
  if (o.contains("residence_since")) s.residence_since = date_field(o, "residence_since", "residence_since");
  if (o.contains("joins")) {
    const std::string j = text_field(o, "joins", "joins");
    if (j == "serbian_citizen") s.joins = permit::sponsor_kind::serbian_citizen;
    else if (j != "foreign_resident") bad("joins", "situation.error.bad_joins", {shown(j)});
  }
  if (o.contains("sponsor_employed")) s.sponsor_employed = bool_field(o, "sponsor_employed", "sponsor_employed");
  if (o.contains("in_person")) s.prefer_in_person = bool_field(o, "in_person", "in_person");
  if (o.contains("stamps")) in.stamps = text_field(o, "stamps", "stamps");
  return in;
}

}  // namespace

situation_input read_situation_json(std::string_view text) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw situation_error("", {"situation.error.bad_json", {text_arg::of_number(static_cast<long long>(e.byte))}});
  } catch (const json::exception&) {
    // Found by fuzzing: a number too large for any field ends the parse with out_of_range.
    throw situation_error("", {"situation.error.number_too_large", {}});
  }
  return from_json(doc);
}

situation_input read_situation_toml(std::string_view text) {
  toml::table table;
  try {
    table = toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw situation_error("", {"situation.error.bad_toml", {text_arg::of_number(static_cast<long long>(e.source().begin.line)),
                                                            text_arg::of_verbatim(std::string(e.description()))}});
  }
  // TOML dates become "YYYY-MM-DD" strings in the JSON form.
  std::ostringstream as_json;
  as_json << toml::json_formatter{table};
  return read_situation_json(as_json.str());
}

}  // namespace boravak::io
