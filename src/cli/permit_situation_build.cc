// Building the permit situation (see permit_situation_build.h).
#include "permit_situation_build.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/situation_reader.h"
#include "person_query.h"
#include "stay_report.h"

namespace boravak::cli {
namespace {

date required_date(const std::string& text, const std::string& option) {
  const auto d = parse_written_date(text);
  if (!d) throw std::runtime_error(option + " \"" + text + "\" is not a date: write YYYY-MM-DD or DD.MM.YYYY");
  return *d;
}

std::optional<date> optional_date(const std::string& text, const std::string& option) {
  if (text.empty()) return std::nullopt;
  return required_date(text, option);
}

// "child:8" or "spouse:34:UA".
permit::person parse_member(const std::string& spec) {
  std::vector<std::string> parts;
  std::stringstream in(spec);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  if (parts.size() < 2 || parts.size() > 3)
    throw std::runtime_error("--family \"" + spec + "\" must be RELATION:AGE, e.g. spouse:34 or child:8 (optionally :UA for another citizenship)");
  permit::person p;
  if (parts[0] == "spouse") p.role = permit::relation::spouse;
  else if (parts[0] == "partner") p.role = permit::relation::partner;
  else if (parts[0] == "child") p.role = permit::relation::child;
  else throw std::runtime_error("--family \"" + spec + "\": the relation must be spouse, partner or child");
  try {
    std::size_t used = 0;
    p.age = std::stoi(parts[1], &used);
    if (used != parts[1].size() || p.age < 0 || p.age > 120) throw std::invalid_argument("age");
  } catch (const std::exception&) {
    throw std::runtime_error("--family \"" + spec + "\": the age must be a whole number from 0 to 120");
  }
  if (parts.size() == 3) p.citizenship = parts[2];
  return p;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open the situation file " + path);
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

}  // namespace

void apply_names(const std::string& names, permit::permit_situation& s) {
  std::stringstream in(names);
  std::size_t index = 0;
  for (std::string entry; std::getline(in, entry, ';'); ++index) {
    permit::person* who = index == 0 ? &s.main : index <= s.family.size() ? &s.family[index - 1] : nullptr;
    if (who == nullptr) throw std::runtime_error("--names gives more people than the plan has");
    const auto colon = entry.rfind(':');
    who->full_name = entry.substr(0, colon);
    if (colon != std::string::npos) who->birth_date = required_date(entry.substr(colon + 1), "--names (birth date)");
  }
}

date planning_day(const permit_options& o) { return o.on.empty() ? today_in_belgrade() : required_date(o.on, "--on"); }

permit::permit_situation build_situation(const permit_options& o, const rule_set& stay_rules, date on, const i18n::catalog&) {
  permit::permit_situation s;
  std::string stamps = o.stamps;
  if (!o.situation_file.empty()) {
    const std::string text = read_file(o.situation_file);
    const bool toml = o.situation_file.ends_with(".toml");
    io::situation_input in = toml ? io::read_situation_toml(text) : io::read_situation_json(text);
    s = std::move(in.situation);
    if (stamps.empty()) stamps = in.stamps;
  } else {
    if (o.citizenship.empty()) throw std::runtime_error("give --citizenship (e.g. RU), or --situation FILE, or --interactive");
    if (o.ground.empty()) throw std::runtime_error("give --ground (e.g. employment; `boravak permit grounds` lists them)");
    s.main.citizenship = o.citizenship;
    s.ground = o.ground;
    if (o.kind == "renewal") s.kind = permit::application_kind::renewal;
    else if (o.kind != "first") throw std::runtime_error("--kind must be first or renewal");
    s.city = o.city;
    s.main.age = o.age;
    for (const std::string& spec : o.family) s.family.push_back(parse_member(spec));
    s.permit_expires = optional_date(o.permit_expires, "--permit-expires");
    s.last_entry = optional_date(o.last_entry, "--last-entry");
    s.passport_expires = optional_date(o.passport_expires, "--passport-expires");
    s.residence_since = optional_date(o.residence_since, "--residence-since");
    if (o.term_months > 0) s.requested_term_months = o.term_months;
    if (o.joins == "serbian_citizen") s.joins = permit::sponsor_kind::serbian_citizen;
    else if (o.joins != "foreign_resident") throw std::runtime_error("--joins must be foreign_resident or serbian_citizen");
    s.sponsor_employed = o.sponsor_employed;
    s.prefer_in_person = o.in_person;
  }
  for (char& c : s.main.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (stay_rules.find_country(s.main.citizenship) == nullptr)
    throw std::runtime_error("citizenship \"" + s.main.citizenship + "\" is not a country code we know (two letters, e.g. RU)");

  // A first application must be filed while the short stay is lawful: ask the stay engine for
  // the last lawful day, counting the stays we were told about.
  if (s.kind == permit::application_kind::first && (s.last_entry || !stamps.empty())) {
    person_options p;
    p.citizenship = s.main.citizenship;
    p.stamps = stamps.empty() ? "+" + to_iso_string(*s.last_entry) : stamps;
    p.on = to_iso_string(on);
    try {
      const person_query query = build_person_query(p, stay_rules);
      const stay_report report = build_stay_report(query, stay_rules, nullptr);
      if (!report.answers.empty()) {
        const answered_reading& strictest = report.answers.front();
        s.last_lawful_day = strictest.result.last_legal_day.value_or(on - days{1});
        if (strictest.reading && strictest.reading->cited) s.last_lawful_day_cited = *strictest.reading->cited;
      }
      if (!s.last_entry && !query.data.stays.empty()) s.last_entry = query.data.stays.back().entry;
    } catch (const std::runtime_error&) {
      // A visa national (or bad stamps): no short-stay count to give. The plan then says
      // "file while your stay is lawful" without a date; `boravak stay` explains the count.
    }
  }
  return s;
}

}  // namespace boravak::cli
