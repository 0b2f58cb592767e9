// Visas for the citizens who need one to enter Serbia (rules/stay/visas.toml): the visa types,
// what a person who wants residence must do first, where to apply, how long a decision takes,
// what the passport must be like, and the electronic visa. Words live in the catalogs (visa.*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/citation.h"
#include "boravak/civil_date.h"

namespace boravak {

struct visa_type {
  std::string id;      // airport_transit, short_stay, long_stay
  std::string letter;  // A, C, D
  std::optional<int> min_days;
  std::optional<int> max_days;
  std::optional<int> in_days;   // visa C: max_days within this many days
  std::optional<int> fee_eur;
  citation cited;
};

struct visa_rules {
  std::vector<visa_type> types;
  std::vector<std::string> fee_exempt_countries;
  citation fee_exempt_cited;
  date visa_d_before_permit_from{};
  citation visa_d_before_permit_cited;
  std::string econsulate_url;
  date econsulate_from{};
  citation where_to_apply_cited;
  int decision_days = 0;
  int decision_days_at_most = 0;
  citation decision_cited;
  int passport_months_after_departure = 0;
  int passport_blank_pages = 0;
  int passport_issued_within_years = 0;
  citation passport_cited;
  date e_visa_from{};
  std::string e_visa_url;
  citation e_visa_cited;

  const visa_type* find(std::string_view id) const {
    for (const visa_type& t : types)
      if (t.id == id) return &t;
    return nullptr;
  }
};

}  // namespace boravak
