// Turning command-line options into a person (see person_query.h).
#include "person_query.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "io/regime_option.h"
#include "io/stamp_parser.h"
#include "io/stay_list_reader.h"

namespace boravak::cli {
namespace {

app::problem refuse(error_code code, std::string option, std::string key, std::vector<text_arg> args = {}) {
  return app::problem{code, std::move(option), text{std::move(key), std::move(args)}};
}

std::optional<app::problem> read_date(const std::string& written, const char* option, date& out) {
  const auto d = parse_written_date(written);
  if (!d) return refuse(error_code::invalid_date, option, "cli.error.bad_date", {text_arg::of_verbatim(option), text_arg::of_verbatim(written)});
  out = *d;
  return std::nullopt;
}

app::result<std::vector<stay>> read_stays(const person_options& o) {
  if (!o.stays_file.empty() && !o.stamps.empty()) return refuse(error_code::invalid_value, "--stamps", "cli.error.stays_or_stamps");
  if (!o.stamps.empty()) {
    auto parsed = io::parse_stamps(o.stamps);
    if (auto* error = std::get_if<io::stamp_error>(&parsed)) return app::problem{error_code::invalid_value, "--stamps", error->message};
    return std::get<std::vector<stay>>(parsed);
  }
  if (o.stays_file.empty()) return std::vector<stay>{};
  std::ifstream in(o.stays_file, std::ios::binary);
  if (!in) return refuse(error_code::invalid_value, "--stays", "cli.error.cannot_open_stays", {text_arg::of_verbatim(o.stays_file)});
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const bool json = o.stays_file.ends_with(".json") || text.find_first_not_of(" \t\r\n") == text.find_first_of("[{");
  auto parsed = json ? io::read_stay_json(text) : io::read_stay_csv(text);
  if (auto* error = std::get_if<io::stay_list_error>(&parsed)) return app::problem{error->code, "--stays", error->message};
  return std::get<std::vector<stay>>(parsed);
}

}  // namespace

app::result<app::person> read_person(const person_options& o, date today) {
  app::person p;
  p.on = today;
  if (!o.on.empty())
    if (auto e = read_date(o.on, "--on", p.on)) return *e;
  auto stays = read_stays(o);
  if (!stays) return stays.error();
  p.stays = std::move(stays.value());
  for (const std::string& range : o.exempt) {
    const std::size_t dots = range.find("..");
    if (dots == std::string::npos) return refuse(error_code::invalid_value, "--exempt", "cli.error.exempt_form", {text_arg::of_verbatim(range)});
    date_range r{};
    if (auto e = read_date(range.substr(0, dots), "--exempt", r.first)) return *e;
    if (auto e = read_date(range.substr(dots + 2), "--exempt", r.last)) return *e;
    if (r.last < r.first)
      return refuse(error_code::invalid_value, "--exempt", "api.error.exempt_backwards", {text_arg::of_day(r.first), text_arg::of_day(r.last)});
    p.exempt.push_back(r);
  }
  if (!o.valid_until.empty()) {
    date d{};
    if (auto e = read_date(o.valid_until, "--valid-until", d)) return *e;
    p.valid_until = d;
  }
  if (!o.document_expires.empty()) {
    date d{};
    if (auto e = read_date(o.document_expires, "--document-expires", d)) return *e;
    p.document_expires = d;
  }
  if (!o.pending_since.empty()) {
    date d{};
    if (auto e = read_date(o.pending_since, "--pending-since", d)) return *e;
    if (o.pending_kind != "first" && o.pending_kind != "renewal")
      return refuse(error_code::invalid_value, "--pending-kind", "cli.error.pending_kind", {text_arg::of_verbatim(o.pending_kind)});
    p.pending = app::pending_application{d, o.pending_kind == "renewal" ? app::application_kind::renewal : app::application_kind::first};
  }
  if (!o.regime.empty()) {
    auto parsed = io::parse_regime_option(o.regime);
    if (auto* why = std::get_if<text>(&parsed)) return app::problem{error_code::invalid_value, "--regime", std::move(*why)};
    p.rule = std::get<regime>(parsed);
  }
  p.citizenship = o.citizenship;
  for (char& c : p.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  p.city = o.city;
  return p;
}

}  // namespace boravak::cli
