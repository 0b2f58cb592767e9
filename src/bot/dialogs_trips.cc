// Entries and exits: /in and /out for today, /trip for a trip with typed dates.
#include "bot_profile.h"
#include "dialog.h"

namespace boravak::bot {
namespace {

// The trip still going on, with its id.
std::optional<std::pair<std::int64_t, app::trip>> open_trip(turn& t) {
  const app::profile p = current_profile(t);
  for (const auto& [id, trip] : p.all<app::trip>())
    if (!trip->exit) return std::make_pair(id, *trip);
  return std::nullopt;
}

std::string entered_today(turn& t) {
  if (const auto open = open_trip(t)) {
    t.say(t.format("bot.trip.already_inside", {t.words().date_text(open->second.entry)}), main_menu(t.words()));
    return "";
  }
  save_item(t, app::trip{t.today, std::nullopt, ""});
  t.say(t.format("bot.trip.entered", {t.words().date_text(t.today)}), main_menu(t.words()));
  return "";
}

std::string left_today(turn& t) {
  auto open = open_trip(t);
  if (!open) {
    t.say(t.format("bot.trip.not_inside"), main_menu(t.words()));
    return "";
  }
  open->second.exit = t.today;
  save_item(t, open->second, open->first);
  t.say(t.format("bot.trip.left", {t.words().date_text(t.today)}), main_menu(t.words()));
  return "";
}

std::string on_entry(turn& t) {
  const auto entry = t.answered_date(year_hint::past);
  if (!entry) {
    return "entry";
  }
  t.data["entry"] = to_iso_string(*entry);
  t.say(t.format("bot.ask.exit"), {{{t.format("bot.answer.still_here"), "still"}}});
  return "exit";
}

std::string on_exit(turn& t) {
  const date entry = parse_iso_date(t.data.value("entry", "")).value_or(t.today);
  if (t.answer() == "still") {
    // "Still here" since a day that has not come is a slip of the keyboard, not a plan: a trip
    // still going on would count days that no one has stayed yet.
    if (entry > t.today) {
      t.say(t.format("bot.trip.future_open", {t.words().date_text(entry)}), {{{t.format("bot.answer.still_here"), "still"}}});
      return "exit";
    }
    save_item(t, app::trip{entry, std::nullopt, ""});
    t.say(t.format("bot.trip.added_open", {t.words().date_text(entry)}), main_menu(t.words()));
    return "";
  }
  const auto exit = t.answered_date(year_hint::nearest);
  if (!exit) {
    return "exit";
  }
  save_item(t, app::trip{entry, *exit, ""});
  t.say(t.format("bot.trip.added", {t.words().date_text(entry), t.words().date_text(*exit)}), main_menu(t.words()));
  return "";
}

// /filed: an application for a permit was filed; from that day the count stops (the same as
// --pending-since and the page's "application filed on").
std::string filed(turn& t) {
  const app::profile_settings settings = profile_settings(t);
  keyboard buttons;
  if (settings.pending_since) buttons.push_back({{t.format("bot.filed.decided_button"), "decided"}});
  t.say(t.format("bot.filed.ask_date"), buttons);
  return "date";
}

std::string on_filed_date(turn& t) {
  if (t.answer() == "decided") {
    app::settings_patch patch;
    patch.clear_pending = true;
    update_settings(t, patch);
    t.say(t.format("bot.filed.cleared"), main_menu(t.words()));
    return "";
  }
  const auto day = t.answered_date(year_hint::past);
  if (!day) {
    return "date";
  }
  t.data["filed"] = to_iso_string(*day);
  t.say(t.format("bot.filed.ask_kind"), {{{t.format("bot.filed.first"), "first"}, {t.format("bot.filed.renewal"), "renewal"}}});
  return "kind";
}

std::string on_filed_kind(turn& t) {
  if (t.answer() != "first" && t.answer() != "renewal") {
    t.say(t.format("bot.filed.ask_kind"), {{{t.format("bot.filed.first"), "first"}, {t.format("bot.filed.renewal"), "renewal"}}});
    return "kind";
  }
  app::settings_patch patch;
  patch.pending_since = parse_iso_date(t.data.value("filed", ""));
  patch.pending_kind = t.answer();
  update_settings(t, patch);
  t.say(t.words().render({t.answer() == "renewal" ? "stay.pending.renewal" : "stay.pending.first", {text_arg::of_day(*patch.pending_since)}}) +
            "\n" + t.words().get("stay.pending.carry_confirmation"),
        main_menu(t.words()));
  return "";
}

}  // namespace

std::vector<dialog> trip_dialogs() {
  return {
      {"entered", {"/in"}, entered_today, {}},
      {"left", {"/out"}, left_today, {}},
      {"trip", {"/trip"},
       [](turn& t) {
         t.say(t.format("bot.ask.entry"));
         return std::string("entry");
       },
       {{"entry", on_entry}, {"exit", on_exit}}},
      {"filed", {"/filed"}, filed, {{"date", on_filed_date}, {"kind", on_filed_kind}}},
  };
}

}  // namespace boravak::bot
