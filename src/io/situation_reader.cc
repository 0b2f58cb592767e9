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

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw situation_error("situation file, field \"" + where + "\": " + what);
}

void only_fields(const json& object, const std::string& where, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) bad(where.empty() ? key : where + "." + key, "is not a field we know; check the spelling (see docs/permit-plan.md)");
  }
}

std::string text_field(const json& o, const std::string& key, const std::string& where) {
  const json& v = o.at(key);
  if (!v.is_string()) bad(where, "must be text in quotes");
  return v.get<std::string>();
}

date date_field(const json& o, const std::string& key, const std::string& where) {
  const std::string s = text_field(o, key, where);
  const auto d = parse_written_date(s);
  if (!d) bad(where, "\"" + s + "\" is not a date: write YYYY-MM-DD or DD.MM.YYYY");
  return *d;
}

int int_field(const json& o, const std::string& key, const std::string& where, int low, int high) {
  const json& v = o.at(key);
  if (!v.is_number_integer()) bad(where, "must be a whole number");
  const auto n = v.get<long long>();
  if (n < low || n > high) bad(where, "must be from " + std::to_string(low) + " to " + std::to_string(high));
  return static_cast<int>(n);
}

bool bool_field(const json& o, const std::string& key, const std::string& where) {
  const json& v = o.at(key);
  if (!v.is_boolean()) bad(where, "must be true or false");
  return v.get<bool>();
}

std::string country_field(const json& o, const std::string& key, const std::string& where) {
  std::string code = text_field(o, key, where);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) || !std::isalpha(static_cast<unsigned char>(code[1])))
    bad(where, "must be a two-letter country code such as RU or UA");
  return code;
}

person read_member(const json& m, const std::string& where) {
  if (!m.is_object()) bad(where, "must be an object such as {\"relation\": \"child\", \"age\": 8}");
  only_fields(m, where, {"relation", "age", "name", "birth_date", "citizenship"});
  person p;
  if (!m.contains("relation")) bad(where + ".relation", "is required: spouse, partner or child");
  const std::string r = text_field(m, "relation", where + ".relation");
  if (r == "spouse") p.role = relation::spouse;
  else if (r == "partner") p.role = relation::partner;
  else if (r == "child") p.role = relation::child;
  else bad(where + ".relation", "\"" + r + "\" is not a relation: use spouse, partner or child");
  if (!m.contains("age")) bad(where + ".age", "is required (years)");
  p.age = int_field(m, "age", where + ".age", 0, 120);
  if (m.contains("name")) p.full_name = text_field(m, "name", where + ".name");
  if (m.contains("birth_date")) p.birth_date = date_field(m, "birth_date", where + ".birth_date");
  if (m.contains("citizenship")) p.citizenship = country_field(m, "citizenship", where + ".citizenship");
  return p;
}

situation_input from_json(const json& o) {
  if (!o.is_object()) bad("(top)", "the file must hold one object {…}");
  only_fields(o, "", {"citizenship", "ground", "kind", "city", "age", "name", "birth_date", "family", "permit_expires",
                      "last_entry", "passport_expires", "term_months", "residence_since", "joins", "sponsor_employed",
                      "in_person", "stamps"});
  situation_input in;
  permit::permit_situation& s = in.situation;
  if (!o.contains("citizenship")) bad("citizenship", "is required: a two-letter code such as RU");
  s.main.citizenship = country_field(o, "citizenship", "citizenship");
  if (!o.contains("ground")) bad("ground", "is required, e.g. \"employment\" (`boravak permit grounds` lists all)");
  s.ground = text_field(o, "ground", "ground");
  if (o.contains("kind")) {
    const std::string k = text_field(o, "kind", "kind");
    if (k == "renewal") s.kind = permit::application_kind::renewal;
    else if (k != "first") bad("kind", "\"" + k + "\" must be first or renewal");
  }
  if (o.contains("city")) s.city = text_field(o, "city", "city");
  if (o.contains("age")) s.main.age = int_field(o, "age", "age", 0, 120);
  if (o.contains("name")) s.main.full_name = text_field(o, "name", "name");
  if (o.contains("birth_date")) s.main.birth_date = date_field(o, "birth_date", "birth_date");
  if (o.contains("family")) {
    const json& f = o.at("family");
    if (!f.is_array()) bad("family", "must be a list [ … ] of family members");
    if (f.size() > 20) bad("family", "at most 20 family members");
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
    else if (j != "foreign_resident") bad("joins", "\"" + j + "\" must be foreign_resident or serbian_citizen");
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
    throw situation_error("situation file is not valid JSON at byte " + std::to_string(e.byte) +
                          ": check for a missing comma, quote or brace there");
  } catch (const json::exception&) {
    // Found by fuzzing: a number too large for any field ends the parse with out_of_range.
    throw situation_error("situation file has a number too large to read: ages, terms and counts are small whole numbers");
  }
  return from_json(doc);
}

situation_input read_situation_toml(std::string_view text) {
  toml::table table;
  try {
    table = toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw situation_error("situation file is not valid TOML at line " + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
  }
  // TOML dates become "YYYY-MM-DD" strings in the JSON form.
  std::ostringstream as_json;
  as_json << toml::json_formatter{table};
  return read_situation_json(as_json.str());
}

}  // namespace boravak::io
