// Reads a permit situation from a file: JSON, or TOML (converted to the same JSON shape), so
// agencies can keep one file per client and run `boravak permit plan --situation FILE`.
//
//   {"citizenship": "RU", "ground": "employment", "kind": "first" | "renewal",
//    "city": "belgrade", "age": 35, "name": "…", "birth_date": "1990-05-01",
//    "family": [{"relation": "spouse" | "partner" | "child", "age": 8, "name": "…",
//                "birth_date": "…", "citizenship": "RU"}],
//    "permit_expires": "2027-01-31", "last_entry": "2026-11-01",
//    "passport_expires": "…", "term_months": 12, "residence_since": "…",
//    "joins": "foreign_resident" | "serbian_citizen", "sponsor_employed": true,
//    "in_person": false, "stamps": "+2026-11-01"}
//
// Dates are YYYY-MM-DD or DD.MM.YYYY. Unknown fields are refused, so a typo never passes
// silently.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "boravak/permit/permit_situation.h"
#include "boravak/text.h"

namespace boravak::io {

// What is wrong in a situation file: the field (e.g. "family[1].age", empty for the whole
// file) and what to write instead, as a catalog key.
class situation_error : public std::runtime_error {
 public:
  situation_error(std::string field, text message)
      : std::runtime_error(message.key), field_(std::move(field)), message_(std::move(message)) {}
  const std::string& field() const { return field_; }
  const text& message() const { return message_; }

 private:
  std::string field_;
  text message_;
};

struct situation_input {
  permit::permit_situation situation;
  std::string stamps;  // passport stamps, for the last lawful day of a first application
};

// Throws situation_error naming the field (e.g. "family[1].age") and what to write instead.
situation_input read_situation_json(std::string_view text);
situation_input read_situation_toml(std::string_view text);

}  // namespace boravak::io
