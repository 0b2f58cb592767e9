// plan_permit: a residence-permit plan for a situation, with the last lawful day of a first
// application worked out from the person's stays by check_stays, so the plan's "file by" date
// is the stricter reading's. The CLI, the API and the bot all plan through it.
#pragma once

#include <string>

#include "app_context.h"
#include "boravak/permit/permit_plan.h"
#include "boravak/permit/permit_situation.h"
#include "problem.h"

namespace boravak::app {

struct planned_permit {
  permit::permit_situation situation;  // completed: citizenship checked, visa needs, last lawful day
  permit::permit_plan plan;
};

// `stamps`: the person's passport stamps ("+2026-09-01 -2026-09-20 …"), or empty. Refuses an
// unknown citizenship, an unknown ground, or a renewal without the permit's expiry.
result<planned_permit> plan_permit(const app_context& ctx, permit::permit_situation situation, const std::string& stamps,
                                   date on);

// A short, stable name for the person a plan is for (its main applicant's name, birth date,
// citizenship and ground, hashed): calendar event ids use it, so many people's deadlines can
// share one calendar and a moved deadline updates its own event.
std::string person_key(const permit::permit_situation& s);

}  // namespace boravak::app
