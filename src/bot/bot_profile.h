// The profile behind a chat: the same profile service as the web's (src/app/profile_service.h),
// so a chat and a web page can share one profile and refuse the same things the same way.
#pragma once

#include <cstdint>
#include <optional>

#include "app/profile.h"
#include "app/profile_service.h"
#include "dialog.h"

namespace boravak::bot {

// Thrown when the profile service refuses an answer; the dialog engine says why in the chat's
// language and keeps the question open.
struct refused {
  app::problem why;
};

// The chat's profile id, creating a profile (with a secret nobody is shown) when it has none.
std::int64_t ensure_profile(turn& t);

app::profile current_profile(turn& t);
app::profile_settings profile_settings(turn& t);
// Throws refused.
void update_settings(turn& t, const app::settings_patch& patch);
// Adds the item, or replaces item `id` when it is not 0. Throws refused.
void save_item(turn& t, const app::profile_item& item, std::int64_t id = 0);

}  // namespace boravak::bot
