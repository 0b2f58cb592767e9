// A permit plan printed for a person (text) or a program (JSON), in the reader's language.
#pragma once

#include <string>

#include "boravak/permit/permit_plan.h"
#include "i18n/catalog.h"

namespace boravak::render {

std::string plan_text(const permit::permit_plan& plan, const i18n::catalog& words);
std::string plan_json(const permit::permit_plan& plan, const i18n::catalog& words);

// "permit.relation.child" and the like.
std::string relation_key(permit::relation r);

// "Source: Ministry of the Interior, “Temporary residence” http://… (stated by …)"
inline std::string cited_line(const permit::rule_ref& why, const i18n::catalog& words) {
  return words.cited(why.cited);
}

// "Person 2: spouse, 36 years old"
std::string person_heading(const permit::person_plan& p, std::size_t number, const i18n::catalog& words);

}  // namespace boravak::render
