// From the command line (flags, a situation file, or questions) to a permit situation.
#pragma once

#include <string>
#include <vector>

#include "app/app_context.h"
#include "app/papers.h"
#include "boravak/permit/permit_situation.h"
#include "i18n/catalog.h"
#include "permit_command.h"

namespace boravak::cli {

// The situation and the passport stamps it comes with (from --stamps or the file).
struct permit_input {
  permit::permit_situation situation;
  std::string stamps;
};

// Throws std::runtime_error with a message for the person, in their language.
permit_input build_situation(const permit_options& o, const i18n::catalog& words);

// Names and birth dates for the appointment e-mail: "Name Surname:1990-05-01;Child:2018-03-02",
// in the order of the plan (main applicant first). Throws std::runtime_error on a bad date.
std::vector<app::email_person> email_names(const std::string& names, const i18n::catalog& words);

// The planning day: --on, or today in Belgrade by the context's clock.
date planning_day(const permit_options& o, const app::app_context& ctx, const i18n::catalog& words);

// Asks the questions on stdin/stdout and fills in `o` (permit_interview.cc).
void run_interview(permit_options& o, const i18n::catalog& words);

}  // namespace boravak::cli
