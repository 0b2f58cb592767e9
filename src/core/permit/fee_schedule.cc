// Fees by date (rules/permit/fees.toml: the amounts in Sl. glasnik RS 54/2026 and in older guides
// disagree, so each set is dated).
#include "boravak/permit/fee_schedule.h"

#include <algorithm>

namespace boravak::permit {
namespace {

const fee_item* find_item(const fee_set& set, std::string_view id) {
  for (const fee_item& item : set.items)
    if (item.id == id) return &item;
  return nullptr;
}

// The newest set on or before `on` that lists `id`, with the set itself.
std::pair<const fee_set*, const fee_item*> newest_with(const permit_rules& rules, std::string_view id, date on) {
  for (auto it = rules.fee_sets.rbegin(); it != rules.fee_sets.rend(); ++it) {
    if (!it->in_force_on(on)) continue;
    if (const fee_item* item = find_item(*it, id)) return {&*it, item};
  }
  return {nullptr, nullptr};
}

fee_line line_from(const fee_set& set, const fee_item& item) {
  fee_line line;
  line.item = item.id;
  line.amount = item.amount;
  line.stage = item.stage;
  line.set = set.id;
  line.checked = set.checked;
  line.why = {"permit/fees.toml:" + set.id, set.cited};
  return line;
}

// Which approval item answers the question, most specific first.
std::vector<std::string_view> approval_candidates(const fee_question& q) {
  std::vector<std::string_view> ids;
  if (q.family_of_citizen) ids.push_back("approval_family_of_citizen");
  ids.push_back(q.kind == permit_kind::single_permit ? "approval_single" : "approval_trp");
  ids.push_back("approval");
  return ids;
}

}  // namespace

const fee_set* fee_set_on(const permit_rules& rules, date on) {
  const fee_set* found = nullptr;
  for (const fee_set& set : rules.fee_sets)
    if (set.in_force_on(on)) found = &set;
  return found;
}

std::vector<fee_line> fees_for(const permit_rules& rules, const fee_question& q, date on) {
  std::vector<fee_line> lines;
  const fee_set* current = fee_set_on(rules, on);
  if (current == nullptr) return lines;

  // The old scale (before 2024) splits the approval by term and has no separate items.
  if (current->to && on <= *current->to) {
    // The shortest band that covers the term; with no term given, the dearest band, so the
    // person never pays too little.
    const fee_item* chosen = nullptr;
    for (const fee_item& item : current->items) {
      if (!item.term_months_max) continue;
      if (q.term_months ? (*q.term_months <= *item.term_months_max &&
                           (!chosen || *item.term_months_max < *chosen->term_months_max))
                        : (!chosen || item.amount > chosen->amount))
        chosen = &item;
    }
    if (chosen == nullptr && !current->items.empty()) chosen = &current->items.back();
    if (chosen) lines.push_back(line_from(*current, *chosen));
  } else {
    if (auto [set, item] = newest_with(rules, "application", on); item) lines.push_back(line_from(*set, *item));
    for (std::string_view id : approval_candidates(q)) {
      // Take the approval item only from the set in force, so an old generic amount never
      // stands in for a newer specific one.
      if (const fee_item* item = find_item(*current, id)) {
        lines.push_back(line_from(*current, *item));
        break;
      }
    }
    for (std::string_view id : {"biometrics", "card"})
      if (auto [set, item] = newest_with(rules, id, on); item) lines.push_back(line_from(*set, *item));
  }

  const bool exempt_country = std::find(current->approval_exempt_countries.begin(),
                                        current->approval_exempt_countries.end(),
                                        q.citizenship) != current->approval_exempt_countries.end();
  for (fee_line& line : lines) {
    line.paid_through_portal = q.online && line.stage == fee_stage::filing;
    if (exempt_country && line.item.starts_with("approval")) {
      line.exempt = true;
      line.amount = 0;
      line.why = {"permit/fees.toml:" + current->id + ":approval_exempt_countries", current->cited};
    }
  }
  return lines;
}

std::vector<other_amount> other_amounts_for(const permit_rules& rules, const std::vector<fee_line>& answered) {
  std::vector<other_amount> others;
  for (const fee_line& line : answered) {
    for (const fee_set& set : rules.fee_sets) {
      if (set.id == line.set) continue;
      for (const fee_item& item : set.items) {
        const bool same_item = item.id == line.item ||
                               (line.item.starts_with("approval") && item.id == "approval");
        if (!same_item || item.amount == line.amount) continue;
        const bool listed = std::any_of(others.begin(), others.end(), [&](const other_amount& o) {
          return o.item == item.id && o.set == set.id;
        });
        if (!listed) others.push_back({item.id, item.amount, set.id, set.from, set.start_estimated, {"permit/fees.toml:" + set.id, set.cited}});
      }
    }
  }
  return others;
}

}  // namespace boravak::permit
