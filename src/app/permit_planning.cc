// Planning a permit (see permit_planning.h).
#include "permit_planning.h"

#include <cctype>
#include <variant>

#include "io/stamp_parser.h"
#include "stay_check.h"

namespace boravak::app {
namespace {

// The stays the plan counts: the stamps, else the last entry alone.
std::optional<std::vector<stay>> stays_for_plan(const permit::permit_situation& s, const std::string& stamps) {
  if (!stamps.empty()) {
    auto parsed = io::parse_stamps(stamps);
    if (std::holds_alternative<io::stamp_error>(parsed)) return std::nullopt;
    return std::get<std::vector<stay>>(parsed);
  }
  if (s.last_entry) return std::vector<stay>{{*s.last_entry, std::nullopt}};
  return std::nullopt;
}

// A first application must be filed while the short stay is lawful: the last lawful day is
// the earliest of the readings' last days (the stricter "file by" date).
void add_last_lawful_day(const app_context& ctx, permit::permit_situation& s, const std::string& stamps, date on) {
  if (s.kind != permit::application_kind::first) return;
  const auto stays = stays_for_plan(s, stamps);
  // Stamps that cannot be read give no count: the plan then says "file while your stay is
  // lawful" without a date, and `boravak stay` explains the stamps' problem.
  if (!stays) return;
  person who;
  who.citizenship = s.main.citizenship;
  who.stays = *stays;
  who.on = on;
  const auto found = check_stays(ctx, who);
  if (!found) return;
  const stay_situation& situation = found.value();
  s.last_lawful_day = situation.answer.last_legal_day.value_or(on - days{1});
  const reading& gave = situation.readings[situation.origins.last_legal_day];
  if (gave.cited) s.last_lawful_day_cited = *gave.cited;
  if (situation.readings_disagree()) s.last_lawful_day_reading = gave.rule;
  if (!s.last_entry && !situation.data.stays.empty()) s.last_entry = situation.data.stays.back().entry;
}

}  // namespace

result<planned_permit> plan_permit(const app_context& ctx, permit::permit_situation s, const std::string& stamps, date on) {
  const rule_set& rules = ctx.stay_rules;
  for (char& c : s.main.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const country* citizen = rules.find_country(s.main.citizenship);
  if (citizen == nullptr)
    return problem{error_code::unknown_citizenship, "citizenship",
                   {"stay.problem.unknown_citizenship", {text_arg::of_verbatim(s.main.citizenship)}}};
  // Whoever needs a visa to enter Serbia gets a visa D before coming (rules/stay/visas.toml).
  s.main.needs_visa = rules.entry_rule(*citizen, on).needs_visa();
  for (permit::person& member : s.family) {
    const country* own = member.citizenship.empty() ? citizen : rules.find_country(member.citizenship);
    member.needs_visa = own != nullptr && rules.entry_rule(*own, on).needs_visa();
  }
  add_last_lawful_day(ctx, s, stamps, on);

  planned_permit out{std::move(s), {}};
  permit::plan_error error;
  if (!permit::make_permit_plan(ctx.permit_rules, out.situation, on, out.plan, error)) {
    // Name the field the refusal is about, where there is one.
    const bool unknown_ground = error.what.key == "permit.error.unknown_ground";
    const bool needs_expiry = error.what.key == "permit.error.renewal_needs_expiry";
    return problem{needs_expiry ? error_code::missing_field : error_code::invalid_value,
                   unknown_ground ? "ground" : needs_expiry ? "permit_expires" : "", error.what};
  }
  return out;
}

}  // namespace boravak::app
