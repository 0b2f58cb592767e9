// From the command line (flags, a situation file, or questions) to a permit situation, with
// the last lawful day of a first application worked out by the stay engine.
#pragma once

#include "boravak/permit/permit_rules.h"
#include "boravak/permit/permit_situation.h"
#include "boravak/rule_set.h"
#include "i18n/catalog.h"
#include "permit_command.h"

namespace boravak::cli {

// Throws std::runtime_error with a message for the person, in their language.
permit::permit_situation build_situation(const permit_options& o, const rule_set& stay_rules, date on,
                                         const i18n::catalog& words);

// Upper-cases and checks the citizenship and, for a first application, asks the stay engine for
// the last lawful day from the stamps (or the last entry). Shared by the CLI and the server.
void complete_situation(permit::permit_situation& s, const std::string& stamps, const rule_set& stay_rules, date on,
                        const i18n::catalog& words);

// Names and birth dates for the appointment e-mail: "Name Surname:1990-05-01;Child:2018-03-02",
// in the order of the plan (main applicant first). Throws std::runtime_error on a bad date.
void apply_names(const std::string& names, permit::permit_situation& s, const i18n::catalog& words);

// The planning day: --on, or today in Belgrade.
date planning_day(const permit_options& o, const i18n::catalog& words);

// Asks the questions on stdin/stdout and fills in `o` (permit_interview.cc).
void run_interview(permit_options& o, const i18n::catalog& words);

}  // namespace boravak::cli
