// Building the permit situation (see permit_situation_build.h).
#include "permit_situation_build.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/situation_reader.h"

namespace boravak::cli {
namespace {

// Every refusal here is said in the reader's language.
[[noreturn]] void refuse(const i18n::catalog& w, std::string_view key, const std::vector<std::string>& args = {}) {
  throw std::runtime_error(w.format(key, args));
}

date required_date(const std::string& text, const std::string& option, const i18n::catalog& w) {
  const auto d = parse_written_date(text);
  if (!d) refuse(w, "cli.error.bad_date", {option, text});
  return *d;
}

std::optional<date> optional_date(const std::string& text, const std::string& option, const i18n::catalog& w) {
  if (text.empty()) return std::nullopt;
  return required_date(text, option, w);
}

// "child:8" or "spouse:34:UA".
permit::person parse_member(const std::string& spec, const i18n::catalog& w) {
  std::vector<std::string> parts;
  std::stringstream in(spec);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.size() < 2 || parts.size() > 3)
    refuse(w, "cli.error.bad_family", {spec});
  permit::person p;
  if (parts[0] == "spouse") p.role = permit::relation::spouse;
  else if (parts[0] == "partner") p.role = permit::relation::partner;
  else if (parts[0] == "child") p.role = permit::relation::child;
  else refuse(w, "cli.error.bad_relation", {spec});
  try {
    std::size_t used = 0;
    const int age = std::stoi(parts[1], &used);
    if (used != parts[1].size() || age < 0 || age > 120) throw std::invalid_argument("age");
    p.age = age;
  } catch (const std::exception&) {
    refuse(w, "cli.error.bad_age", {spec});
  }
  if (parts.size() == 3) p.citizenship = parts[2];
  return p;
}

std::string read_file(const std::string& path, const i18n::catalog& w) {
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(w, "cli.error.cannot_open", {path});
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

}  // namespace

std::vector<app::email_person> email_names(const std::string& names, const i18n::catalog& w) {
  std::vector<app::email_person> out;
  std::stringstream in(names);
  for (std::string entry; std::getline(in, entry, ';');) {
    const auto colon = entry.rfind(':');
    app::email_person who{entry.substr(0, colon), std::nullopt};
    if (colon != std::string::npos) who.birth_date = required_date(entry.substr(colon + 1), "--names", w);
    out.push_back(std::move(who));
  }
  return out;
}

date planning_day(const permit_options& o, const app::app_context& ctx, const i18n::catalog& w) {
  return o.on.empty() ? ctx.today() : required_date(o.on, "--on", w);
}

permit_input build_situation(const permit_options& o, const i18n::catalog& w) {
  permit::permit_situation s;
  std::string stamps = o.stamps;
  if (!o.situation_file.empty()) {
    const std::string text = read_file(o.situation_file, w);
    const bool toml = o.situation_file.ends_with(".toml");
    io::situation_input in;
    try {
      in = toml ? io::read_situation_toml(text) : io::read_situation_json(text);
    } catch (const io::situation_error& e) {
      throw std::runtime_error(o.situation_file + ": " + w.render(e.message()));
    }
    s = std::move(in.situation);
    if (stamps.empty()) stamps = in.stamps;
  } else {
    if (o.citizenship.empty()) refuse(w, "cli.error.need_citizenship");
    if (o.ground.empty()) refuse(w, "cli.error.need_ground");
    s.main.citizenship = o.citizenship;
    s.ground = o.ground;
    if (o.kind == "renewal") s.kind = permit::application_kind::renewal;
    else if (o.kind != "first") refuse(w, "cli.error.bad_kind");
    s.city = o.city;
    s.main.age = o.age;
    for (const std::string& spec : o.family) s.family.push_back(parse_member(spec, w));
    s.permit_expires = optional_date(o.permit_expires, "--permit-expires", w);
    s.last_entry = optional_date(o.last_entry, "--last-entry", w);
    s.passport_expires = optional_date(o.passport_expires, "--passport-expires", w);
    s.residence_since = optional_date(o.residence_since, "--residence-since", w);
    if (o.term_months > 0) s.requested_term_months = o.term_months;
    if (o.joins == "serbian_citizen") s.joins = permit::sponsor_kind::serbian_citizen;
    else if (o.joins != "foreign_resident") refuse(w, "cli.error.bad_joins");
    s.sponsor_employed = o.sponsor_employed;
    s.prefer_in_person = o.in_person;
  }
  return {std::move(s), std::move(stamps)};
}

}  // namespace boravak::cli
