// What a person tells the CLI (`boravak stay`, `boravak visarun`), read into the application's
// person: the stays from a file or passport stamps, the check date, exempt days and documents.
#pragma once

#include <string>
#include <vector>

#include "app/problem.h"
#include "app/stay_check.h"

namespace boravak::cli {

struct person_options {
  std::string citizenship;       // ISO code, or empty
  std::string regime;            // "rolling:90:180", "fixed:90:6m", "fixed:90:180d", "per_entry:30"
  std::string stays_file;        // CSV or JSON
  std::string stamps;            // "+2026-03-01 -2026-03-30 ..."
  std::string on;                // YYYY-MM-DD, or empty for today in Europe/Belgrade
  std::vector<std::string> exempt;  // "FROM..TO"
  std::string valid_until;       // last day the entry document allows
  std::string document_expires;  // entered visa-free on a Schengen/UK/US visa or permit
  std::string pending_since;     // an application for a permit filed on this day
  std::string pending_kind = "first";  // first or renewal
  std::string city;              // home city id (visarun)
};

// The person, or what is wrong with an option (the problem's field names it: "--stamps").
// `today` is the clock's day, used when --on is not given.
app::result<app::person> read_person(const person_options& options, date today);

}  // namespace boravak::cli
