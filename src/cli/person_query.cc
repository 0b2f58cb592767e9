// Turning command-line options into a stay case (see person_query.h).
#include "person_query.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <date/tz.h>

#include "../io/stamp_parser.h"
#include "../io/stay_list_reader.h"
#include "boravak/citizenship.h"

namespace boravak::cli {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw std::runtime_error(message); }

date require_date(const std::string& text, const std::string& option) {
  const auto d = parse_iso_date(text);
  if (!d) refuse(option + " \"" + text + "\" is not a real date from 1900 to 2200; write YYYY-MM-DD.");
  return *d;
}

int require_count(const std::string& text, const std::string& what) {
  try {
    std::size_t used = 0;
    const int n = std::stoi(text, &used);
    if (used == text.size() && n >= 1 && n <= kLargestCount) return n;
  } catch (const std::exception&) {
  }
  refuse("--regime: " + what + " \"" + text + "\" must be a whole number from 1 to " + std::to_string(kLargestCount) + ".");
}

regime parse_regime_option(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
  regime r;
  const char* usage = " Use rolling:LIMIT:WINDOW, fixed:LIMIT:6m, fixed:LIMIT:180d or per_entry:LIMIT.";
  if (parts.empty() || !parse_regime_kind(parts[0], r.kind)) refuse("--regime \"" + text + "\" names no known rule." + usage);
  const std::size_t needed = r.kind == regime_kind::per_entry ? 2 : 3;
  if (parts.size() != needed) refuse("--regime \"" + text + "\" has the wrong number of parts." + usage);
  r.limit = require_count(parts[1], "the limit");
  if (r.kind == regime_kind::rolling) r.window = require_count(parts[2], "the window");
  if (r.kind == regime_kind::fixed) {
    const std::string& period = parts[2];
    const char unit = period.empty() ? ' ' : period.back();
    if (unit != 'm' && unit != 'd') refuse("--regime: the period \"" + period + "\" must end in m (months) or d (days)." + usage);
    (unit == 'm' ? r.period_months : r.period_days) = require_count(period.substr(0, period.size() - 1), "the period");
  }
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse("cannot read the stays file " + path + "; check the path.");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<stay> read_stays(const person_options& o) {
  if (!o.stays_file.empty() && !o.stamps.empty()) refuse("give the stays either as --stays FILE or as --stamps, not both.");
  if (!o.stamps.empty()) {
    auto parsed = io::parse_stamps(o.stamps);
    if (auto* error = std::get_if<io::stamp_error>(&parsed)) refuse(error->message);
    return std::get<std::vector<stay>>(parsed);
  }
  if (o.stays_file.empty()) return {};
  const std::string text = read_file(o.stays_file);
  const bool json = o.stays_file.ends_with(".json") || text.find_first_not_of(" \t\r\n") == text.find_first_of("[{");
  auto parsed = json ? io::read_stay_json(text) : io::read_stay_csv(text);
  if (auto* error = std::get_if<io::stay_list_error>(&parsed)) refuse(o.stays_file + ", " + error->where + ": " + error->message);
  return std::get<std::vector<stay>>(parsed);
}

void add_readings(person_query& q, const rule_set& rules, const entry_period& period) {
  for (const regime_reading& r : period.readings) {
    const named_regime& named = rules.regimes[r.regime_index];
    q.readings.push_back({named.rule, named.id, named.description, &r.cited, &period.cited, period.from});
  }
}

}  // namespace

date today_in_belgrade() {
  const auto now = ::date::make_zoned("Europe/Belgrade", std::chrono::system_clock::now());
  return std::chrono::floor<days>(now.get_local_time().time_since_epoch()) + date{};
}

person_query build_person_query(const person_options& o, const rule_set& rules) {
  return build_person_query(o, read_stays(o), rules);
}

person_query build_person_query(const person_options& o, std::vector<stay> stays, const rule_set& rules) {
  person_query q;
  q.data.on = o.on.empty() ? today_in_belgrade() : require_date(o.on, "--on");
  q.data.stays = std::move(stays);
  for (const std::string& range : o.exempt) {
    const std::size_t dots = range.find("..");
    if (dots == std::string::npos) refuse("--exempt \"" + range + "\" must be FROM..TO, e.g. 2026-02-01..2026-05-31.");
    const date from = require_date(range.substr(0, dots), "--exempt");
    const date to = require_date(range.substr(dots + 2), "--exempt");
    if (to < from) refuse("--exempt \"" + range + "\" ends before it starts.");
    q.data.exempt.push_back({from, to});
  }
  if (!o.valid_until.empty()) q.data.valid_until = require_date(o.valid_until, "--valid-until");

  if (!o.regime.empty()) {
    q.readings.push_back({parse_regime_option(o.regime), "given on the command line", "", nullptr, nullptr, std::nullopt});
    q.readings.back().description = describe(q.readings.back().rule);
  }
  if (!o.citizenship.empty()) {
    q.who = rules.find_country(o.citizenship);
    if (q.who == nullptr) refuse("\"" + o.citizenship + "\" is not a country code we know; use the two-letter code, e.g. RU, UA, CN, TR, US.");
  }
  if (!o.document_expires.empty()) {
    // Visa-free entry on a Schengen, UK or US visa or residence permit (facts.md §1.4).
    q.third_country_document = true;
    const date expires = require_date(o.document_expires, "--document-expires");
    q.data.valid_until = q.data.valid_until ? std::min(*q.data.valid_until, expires) : expires;
    if (q.readings.empty()) {
      for (std::size_t i : rules.third_country_visa.regime_indexes) {
        const named_regime& named = rules.regimes[i];
        q.readings.push_back({named.rule, named.id, named.description, &rules.third_country_visa.cited,
                              &rules.third_country_visa.cited, rules.third_country_visa.from});
      }
    }
  }
  if (q.readings.empty()) {
    if (q.who == nullptr) refuse("say whose rules apply: --citizenship CODE (e.g. RU), or --regime, or --document-expires DATE.");
    if (auto error = check_visa_free(rules, *q.who, q.data.on)) refuse(error->message);
    add_readings(q, rules, rules.entry_rule(*q.who, q.data.on));
  }
  return q;
}

}  // namespace boravak::cli
