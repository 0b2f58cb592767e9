// Importing an agency's clients (see agency_import.h).
#include "agency_import.h"

#include <algorithm>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "boravak/stay_case.h"
#include "io/csv_table.h"
#include "io/result_json_writer.h"

namespace boravak::app {
namespace {

constexpr std::size_t kLongestReference = 100;
constexpr std::size_t kLongestName = 200;

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct permit_columns {
  std::string ground;
  date from{};
  date until{};
  bool operator==(const permit_columns&) const = default;
};

// One row read: a trip of a client, or why not.
struct client_row {
  std::size_t line = 0;
  std::string client, name, citizenship;
  std::optional<date> birth_date;
  stay trip{};
  std::optional<permit_columns> permit;
};

class row_reader {
 public:
  row_reader(const app_context& ctx, const std::map<std::string, std::size_t>& columns, std::vector<import_error>& errors)
      : ctx_(ctx), columns_(columns), errors_(errors) {}

  std::optional<client_row> read(const io::csv_row& row) {
    row_ = &row;
    ok_ = true;
    client_row r;
    r.line = row.line;
    r.client = field_text("client", true, kLongestReference);
    r.name = field_text("name", true, kLongestName);
    r.citizenship = country();
    r.trip.entry = day("entry", true).value_or(date{});
    r.trip.exit = day("exit", false);
    if (ok_ && r.trip.exit && *r.trip.exit < r.trip.entry)
      fail("exit", "exit_before_entry", {"agency.error.exit_before_entry", {text_arg::of_day(r.trip.entry), text_arg::of_day(*r.trip.exit)}});
    r.birth_date = day("birth_date", false);
    r.permit = permit();
    if (!ok_) return std::nullopt;
    return r;
  }

 private:
  std::string cell(const char* column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row_->fields.size()) return {};
    // A list saved in another encoding: bytes that are not UTF-8 are replaced, never stored.
    return trimmed(io::with_valid_utf8(row_->fields[it->second]));
  }
  void fail(const std::string& field, const std::string& code, text message) {
    ok_ = false;
    errors_.push_back({row_->line, field, code, std::move(message)});
  }
  std::string field_text(const char* column, bool required, std::size_t longest) {
    std::string value = cell(column);
    if (value.empty() && required) fail(column, "missing_field", {"agency.error.missing", {text_arg::of_verbatim(column)}});
    else if (value.size() > longest)
      fail(column, "invalid_value", {"agency.error.too_long", {text_arg::of_verbatim(column), text_arg::of_number(static_cast<long long>(longest))}});
    return value;
  }
  std::optional<date> day(const char* column, bool required) {
    const std::string value = cell(column);
    if (value.empty()) {
      if (required) fail(column, "missing_field", {"agency.error.missing", {text_arg::of_verbatim(column)}});
      return std::nullopt;
    }
    const auto d = parse_written_date(value);
    if (!d) fail(column, "invalid_date", {"agency.error.date", {text_arg::of_verbatim(column), text_arg::of_verbatim(value.substr(0, 40))}});
    return d;
  }
  std::string country() {
    std::string code = cell("citizenship");
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.empty()) fail("citizenship", "missing_field", {"agency.error.missing", {text_arg::of_verbatim("citizenship")}});
    else if (ctx_.stay_rules.find_country(code) == nullptr)
      fail("citizenship", "unknown_citizenship", {"stay.problem.unknown_citizenship", {text_arg::of_verbatim(code.substr(0, 40))}});
    return code;
  }
  std::optional<permit_columns> permit() {
    const std::string ground = cell("permit_ground");
    const std::string from = cell("permit_from");
    const std::string until = cell("permit_until");
    if (ground.empty() && from.empty() && until.empty()) return std::nullopt;
    permit_columns p;
    if (ground.empty()) fail("permit_ground", "missing_field", {"agency.error.missing", {text_arg::of_verbatim("permit_ground")}});
    else if (ctx_.permit_rules.find_ground(ground) == nullptr)
      fail("permit_ground", "invalid_value", {"profile.error.ground", {text_arg::of_verbatim(ground.substr(0, 40))}});
    p.ground = ground;
    p.from = day("permit_from", true).value_or(date{});
    p.until = day("permit_until", true).value_or(date{});
    if (ok_ && p.until < p.from)
      fail("permit_until", "invalid_value", {"profile.error.permit_backwards", {text_arg::of_day(p.from), text_arg::of_day(p.until)}});
    return p;
  }

  const app_context& ctx_;
  const std::map<std::string, std::size_t>& columns_;
  std::vector<import_error>& errors_;
  const io::csv_row* row_ = nullptr;
  bool ok_ = true;
};

std::string client_json(const std::vector<const client_row*>& rows) {
  const client_row& first = *rows.front();
  nlohmann::json trips = nlohmann::json::array();
  std::vector<stay> sorted;
  for (const client_row* r : rows) sorted.push_back(r->trip);
  std::stable_sort(sorted.begin(), sorted.end(), [](const stay& a, const stay& b) { return a.entry < b.entry; });
  for (const stay& s : sorted)
    trips.push_back({{"entry", to_iso_string(s.entry)}, {"exit", s.exit ? nlohmann::json(to_iso_string(*s.exit)) : nlohmann::json(nullptr)}});
  nlohmann::json permit = nullptr;
  for (const client_row* r : rows)
    if (r->permit)
      permit = {{"ground", r->permit->ground}, {"from", to_iso_string(r->permit->from)}, {"until", to_iso_string(r->permit->until)}};
  return nlohmann::json{{"name", first.name},
                        {"citizenship", first.citizenship},
                        {"birth_date", first.birth_date ? nlohmann::json(to_iso_string(*first.birth_date)) : nlohmann::json(nullptr)},
                        {"trips", std::move(trips)},
                        {"permit", std::move(permit)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

import_outcome import_clients(const app_context& ctx, std::int64_t agency, std::string_view csv) {
  import_outcome out;
  const io::csv_table table = io::read_csv_table(csv);
  if (table.rows.empty()) {
    out.errors.push_back({1, "", "missing_field", {"agency.error.no_header", {}}});
    return out;
  }
  std::map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < table.rows.front().fields.size(); ++i)
    columns.emplace(lower(trimmed(io::with_valid_utf8(table.rows.front().fields[i]))), i);
  for (const char* required : {"client", "name", "citizenship", "entry"})
    if (!columns.contains(required)) out.errors.push_back({1, required, "missing_field", {"agency.error.missing_column", {text_arg::of_verbatim(required)}}});
  if (!out.errors.empty()) return out;

  // Every row read; a client with any bad row is left as it was.
  row_reader reader(ctx, columns, out.errors);
  std::vector<client_row> rows;
  std::map<std::string, bool> bad;  // by client reference
  for (std::size_t i = 1; i < table.rows.size(); ++i) {
    if (auto r = reader.read(table.rows[i])) {
      rows.push_back(std::move(*r));
    } else {
      // The row's client, when it can be told, is not changed at all.
      const auto it = columns.find("client");
      if (it != columns.end() && it->second < table.rows[i].fields.size()) bad[trimmed(io::with_valid_utf8(table.rows[i].fields[it->second]))] = true;
    }
  }
  if (table.malformed)
    out.errors.push_back({table.malformed_line, "", "invalid_value", {"agency.error.unclosed_quote", {}}});

  // Rows by client, in the order each client first appears; the permit and citizenship must
  // agree across a client's rows.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const client_row*>> by_client;
  for (const client_row& r : rows) {
    auto& list = by_client[r.client];
    if (list.empty()) order.push_back(r.client);
    if (!list.empty()) {
      const client_row& first = *list.front();
      const client_row* with_permit = nullptr;
      for (const client_row* x : list)
        if (x->permit) with_permit = x;
      if (r.citizenship != first.citizenship) {
        out.errors.push_back({r.line, "citizenship", "invalid_value", {"agency.error.disagrees", {text_arg::of_verbatim("citizenship"), text_arg::of_number(static_cast<long long>(first.line))}}});
        bad[r.client] = true;
      } else if (r.permit && with_permit && !(*r.permit == *with_permit->permit)) {
        out.errors.push_back({r.line, "permit_ground", "invalid_value", {"agency.error.disagrees", {text_arg::of_verbatim("permit"), text_arg::of_number(static_cast<long long>(with_permit->line))}}});
        bad[r.client] = true;
      }
    }
    list.push_back(&r);
  }

  // The agency's limit: a new client beyond it is refused, one already held may be replaced.
  std::int64_t held = ctx.store->count_agency_clients(agency);
  std::vector<store::agency_client> storing;
  for (const std::string& client : order) {
    if (bad[client]) continue;
    const auto& list = by_client[client];
    if (!ctx.store->agency_client_named(agency, client)) {
      if (held >= kMostAgencyClients) {
        out.errors.push_back({list.front()->line, "client", "too_many_clients",
                              {"agency.error.too_many_clients", {text_arg::of_number(kMostAgencyClients)}}});
        continue;
      }
      ++held;
    }
    storing.push_back({client, client_json(list), ""});
    out.trips += static_cast<std::int64_t>(list.size());
    out.imported.push_back(client);
  }
  if (!storing.empty()) ctx.store->put_agency_clients(agency, storing);
  out.clients = static_cast<std::int64_t>(storing.size());
  std::stable_sort(out.errors.begin(), out.errors.end(), [](const import_error& a, const import_error& b) { return a.line < b.line; });
  return out;
}

}  // namespace boravak::app
