// Reading a person (see person_json.h).
#include "person_json.h"

#include <variant>

#include "io/json_fields.h"
#include "io/regime_option.h"
#include "io/stamp_parser.h"
#include "io/stay_list_reader.h"

namespace boravak::app {

using io::input_error;
using io::json_fields;

namespace {

std::vector<stay> read_stays(const nlohmann::json& stays) {
  auto parsed = io::read_stay_json(stays.dump());
  if (auto* error = std::get_if<io::stay_list_error>(&parsed)) {
    const std::string where = error->where.rfind("stays", 0) == 0 ? error->where : "stays" + error->where;
    throw input_error{std::string(to_string(error->code)), error->message, where};
  }
  return std::get<std::vector<stay>>(parsed);
}

}  // namespace

person person_from_json(const nlohmann::json& body, date today) {
  json_fields f(body, "", {"citizenship", "on", "stays", "stamps", "regime", "exempt", "valid_until", "document_expires", "city",
                           "pending_since", "pending_kind", "plan"});
  person p;
  p.citizenship = f.text("citizenship", 8).value_or("");
  for (char& c : p.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  p.on = f.day("on").value_or(today);
  if (const auto rule = f.text("regime", 64)) {
    auto parsed = io::parse_regime_option(*rule);
    if (auto* why = std::get_if<text>(&parsed)) throw input_error{"invalid_value", std::move(*why), "regime"};
    p.rule = std::get<regime>(parsed);
  }
  p.valid_until = f.day("valid_until");
  p.document_expires = f.day("document_expires");
  if (const nlohmann::json* exempt = f.array("exempt")) {
    for (std::size_t i = 0; i < exempt->size(); ++i) {
      json_fields range((*exempt)[i], "exempt[" + std::to_string(i) + "]", {"from", "to"});
      const auto from = range.day("from");
      const auto to = range.day("to");
      if (!from) range.refuse("from", "missing_field", {"api.error.exempt_needs_both", {}});
      if (!to) range.refuse("to", "missing_field", {"api.error.exempt_needs_both", {}});
      if (*to < *from) range.refuse("to", "invalid_value", {"api.error.exempt_backwards", {text_arg::of_day(*from), text_arg::of_day(*to)}});
      p.exempt.push_back({*from, *to});
    }
  }
  const nlohmann::json* stays_json = f.array("stays");
  const auto stamps = f.text("stamps", 16 * 1024);
  if (stays_json && stamps) f.refuse("stamps", "invalid_value", {"api.error.stays_or_stamps", {}});
  if (stamps) {
    auto parsed = io::parse_stamps(*stamps);
    if (auto* error = std::get_if<io::stamp_error>(&parsed)) throw input_error{"invalid_value", error->message, "stamps"};
    p.stays = std::get<std::vector<stay>>(parsed);
  } else if (stays_json) {
    p.stays = read_stays(*stays_json);
  }
  p.city = f.text("city", 64).value_or("");
  // The planning modes (contract "plan"): {"entry": E}, or {"from": F, "length": N}.
  if (f.has("plan")) {
    json_fields plan(body["plan"], "plan", {"entry", "from", "length"});
    const auto entry = plan.day("entry");
    const auto from = plan.day("from");
    if (entry && from) f.refuse("plan", "invalid_value", {"case.error.must.one_question", {text_arg::of_verbatim("plan")}});
    if (entry) {
      p.plan = {plan_request::kind::longest_stay_from_entry, *entry, 0};
    } else {
      if (!from) plan.refuse("entry", "missing_field", {"api.error.plan_needs_date", {}});
      const auto length = plan.integer("length", 1, kLargestCount);
      if (!length) plan.refuse("length", "missing_field", {"api.error.plan_needs_length", {}});
      p.plan = {plan_request::kind::earliest_entry_for_length, *from, static_cast<int>(*length)};
    }
  }
  // An application filed and not yet decided (docs/api.md).
  if (const auto since = f.day("pending_since")) {
    const std::string kind = f.text("pending_kind", 16).value_or("first");
    if (kind != "first" && kind != "renewal")
      f.refuse("pending_kind", "invalid_value", {"api.error.not_one_of", {text_arg::of_verbatim(kind.substr(0, 16)), text_arg::of_verbatim("first, renewal")}});
    p.pending = pending_application{*since, kind == "renewal" ? application_kind::renewal : application_kind::first};
  }
  return p;
}

stay_situation situation_or_refuse(const app_context& ctx, const person& who) {
  auto found = check_stays(ctx, who);
  if (!found) {
    const problem& p = found.error();
    throw input_error{std::string(to_string(p.code)), p.message, p.field};
  }
  return std::move(found.value());
}

}  // namespace boravak::app
