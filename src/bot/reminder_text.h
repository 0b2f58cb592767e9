// A reminder's words, chosen when it is sent, for the day it arrives on in Belgrade: a
// reminder planned for the last legal day but delivered the next morning says that the day
// has passed and what to do now, never "today".
#pragma once

#include <optional>
#include <string>

#include "boravak/civil_date.h"
#include "i18n/catalog.h"
#include "store/profile_store.h"

namespace boravak::bot {

// A deadline missed by at most this many days is still said, as a warning with what to do
// now; an older one is noise (a sender that was down for weeks does not flood the chat).
inline constexpr int kLateWarningDays = 3;

// The text for `job` sent on `sent_on`, in `words`' language, or nothing when it can no longer
// help: a renewal window that has closed is said by its own reminder, and a deadline gone for
// longer than kLateWarningDays is not repeated.
std::optional<std::string> reminder_message(const store::reminder_job& job, date sent_on, const i18n::catalog& words);

}  // namespace boravak::bot
