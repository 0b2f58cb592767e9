// Shared by the permit planner tests (tests/unit/permit_*_test.cc): the real rules loaded once,
// situations to start from, and look-ups in a plan. Every expected value in those tests is
// worked out by hand from the data in rules/permit/ and the sources it cites, not copied from
// the code's output.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "boravak/permit/permit_plan.h"
#include "rules_loader/permit_loader.h"
#include "test_support.h"

namespace boravak::permit_test {

using namespace test_support;
using namespace permit;

// The planning day of most rows: after the last fee set (portal_2026, from 2026-07-31) and every
// channel change.
inline const std::string kToday = "2026-11-21";

class PermitPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new permit_rules(rules_loader::load_permit_rules(BORAVAK_RULES_DIR)); }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  static const permit_rules& rules() { return *rules_; }

  // The plan for `s` on `on`; a refusal fails the test and names its key.
  static permit_plan plan_for(const permit_situation& s, std::string_view on) {
    permit_plan plan;
    plan_error error;
    if (!make_permit_plan(rules(), s, D(on), plan, error)) ADD_FAILURE() << "the planner refused: " << error.what.key;
    return plan;
  }

 private:
  static inline permit_rules* rules_ = nullptr;
};

// --- Situations -----------------------------------------------------------------------------

// A first application by an adult Russian in Belgrade.
inline permit_situation applying(std::string ground, std::string citizenship = "RU") {
  permit_situation s;
  s.ground = std::move(ground);
  s.kind = application_kind::first;
  s.city = "belgrade";
  s.main.citizenship = std::move(citizenship);
  return s;
}

// A renewal of a permit that ends on `expires`.
inline permit_situation renewing(std::string ground, std::string_view expires) {
  permit_situation s = applying(std::move(ground));
  s.kind = application_kind::renewal;
  s.permit_expires = D(expires);
  return s;
}

inline person member(relation role, int age) {
  person p;
  p.role = role;
  p.age = age;
  return p;
}

template <class Change>
inline permit_situation with(permit_situation s, Change change) {
  change(s);
  return s;
}

// --- Look-ups in a plan -----------------------------------------------------------------------

inline std::optional<date> maybe(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return D(text);
}

inline const dated_step* find_step(const permit_plan& plan, std::string_view id) {
  for (const dated_step& s : plan.steps)
    if (s.id == id) return &s;
  return nullptr;
}

inline const notice* find_notice(const permit_plan& plan, std::string_view key) {
  for (const notice& n : plan.notices)
    if (n.what.key == key) return &n;
  return nullptr;
}

inline int count_notices(const permit_plan& plan, std::string_view key) {
  return static_cast<int>(
      std::count_if(plan.notices.begin(), plan.notices.end(), [&](const notice& n) { return n.what.key == key; }));
}

inline int count_order(const permit_plan& plan, std::string_view key) {
  return static_cast<int>(
      std::count_if(plan.order.begin(), plan.order.end(), [&](const order_rule& o) { return o.what.key == key; }));
}

inline std::vector<std::string> documents_of(const person_plan& p) {
  std::vector<std::string> ids;
  for (const checklist_item& item : p.checklist) ids.push_back(item.document);
  return ids;
}

inline const checklist_item* find_document(const person_plan& p, std::string_view id) {
  for (const checklist_item& item : p.checklist)
    if (item.document == id) return &item;
  return nullptr;
}

inline const text* find_note(const checklist_item& item, std::string_view key) {
  for (const text& t : item.notes)
    if (t.key == key) return &t;
  return nullptr;
}

inline std::string name_of(channel c) {
  switch (c) {
    case channel::in_person_only: return "in_person_only";
    case channel::online_only: return "online_only";
    case channel::online_or_in_person: return "online_or_in_person";
  }
  return "?";
}

inline std::string name_of(filing_way w) { return w == filing_way::online ? "online" : "in_person"; }

// "application 430 portal_2026", with " exempt" when the line is exempt: one string per line so
// a difference shows the whole line.
inline std::string describe(const fee_line& f) {
  return f.item + " " + std::to_string(f.amount) + " " + f.set + (f.exempt ? " exempt" : "");
}

}  // namespace boravak::permit_test
