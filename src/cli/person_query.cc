// Turning command-line options into a stay case (see person_query.h).
#include "person_query.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../io/stamp_parser.h"
#include "../io/stay_list_reader.h"

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

}  // namespace

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

app::person read_person(const person_options& o, date today) {
  app::person p;
  p.on = o.on.empty() ? today : require_date(o.on, "--on");
  p.stays = read_stays(o);
  for (const std::string& range : o.exempt) {
    const std::size_t dots = range.find("..");
    if (dots == std::string::npos) refuse("--exempt \"" + range + "\" must be FROM..TO, e.g. 2026-02-01..2026-05-31.");
    const date from = require_date(range.substr(0, dots), "--exempt");
    const date to = require_date(range.substr(dots + 2), "--exempt");
    if (to < from) refuse("--exempt \"" + range + "\" ends before it starts.");
    p.exempt.push_back({from, to});
  }
  if (!o.valid_until.empty()) p.valid_until = require_date(o.valid_until, "--valid-until");
  if (!o.document_expires.empty()) p.document_expires = require_date(o.document_expires, "--document-expires");
  if (!o.regime.empty()) p.rule = parse_regime_option(o.regime);
  p.citizenship = o.citizenship;
  for (char& c : p.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  p.city = o.city;
  return p;
}

}  // namespace boravak::cli
