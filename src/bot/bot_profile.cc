// A chat's profile (see bot_profile.h).
#include "bot_profile.h"

namespace boravak::bot {

std::int64_t ensure_profile(turn& t) {
  if (t.chat.profile_id != 0) return t.chat.profile_id;
  // Nobody is shown this secret: the chat reaches the profile through its chat id. /webcode
  // gives the web page a fresh one.
  app::settings_patch patch;
  patch.lang = t.chat.lang;
  auto made = app::profile_service(t.app).create(patch);
  if (!made) throw refused{made.error()};
  t.chat.profile_id = made.value().id;
  return t.chat.profile_id;
}

app::profile current_profile(turn& t) {
  const std::int64_t id = ensure_profile(t);
  auto p = app::profile_service(t.app).load(id);
  if (!p) return app::profile{id, {}, {}, {}, {}};
  return std::move(*p);
}

app::profile_settings profile_settings(turn& t) {
  return app::profile_service(t.app).settings(ensure_profile(t)).value_or(app::profile_settings{});
}

void update_settings(turn& t, const app::settings_patch& patch) {
  auto updated = app::profile_service(t.app).update_settings(ensure_profile(t), patch);
  if (!updated) throw refused{updated.error()};
  t.profile_changed = true;
}

void save_item(turn& t, const app::profile_item& item, std::int64_t id) {
  app::profile_service profiles(t.app);
  const std::int64_t profile = ensure_profile(t);
  if (id == 0) {
    auto saved = profiles.add(profile, item);
    if (!saved) throw refused{saved.error()};
  } else {
    auto saved = profiles.replace(profile, id, item);
    if (!saved) throw refused{saved.error()};
  }
  t.profile_changed = true;
}


}  // namespace boravak::bot
