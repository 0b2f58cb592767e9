// Entries and exits: /in and /out for today, /trip for a trip with typed dates.
#include "bot_profile.h"
#include "dialog.h"

namespace boravak::bot {
namespace {

std::optional<nlohmann::json> open_trip(turn& t) {
  for (const nlohmann::json& trip : profile_items(t, "trips"))
    if (trip["exit"].is_null()) return trip;
  return std::nullopt;
}

nlohmann::json trip_body(const nlohmann::json& trip) {
  return {{"entry", trip["entry"]}, {"exit", trip["exit"]}, {"note", trip.value("note", "")}};
}

std::string date_text(turn& t, const std::string& iso) { return t.words().date_text(*parse_iso_date(iso)); }

std::string entered_today(turn& t) {
  if (const auto open = open_trip(t)) {
    t.say(t.format("bot.trip.already_inside", {date_text(t, (*open)["entry"])}), main_menu(t.words()));
    return "";
  }
  save_item(t, "trips", {{"entry", to_iso_string(t.today)}});
  t.say(t.format("bot.trip.entered", {t.words().date_text(t.today)}), main_menu(t.words()));
  return "";
}

std::string left_today(turn& t) {
  const auto open = open_trip(t);
  if (!open) {
    t.say(t.format("bot.trip.not_inside"), main_menu(t.words()));
    return "";
  }
  nlohmann::json body = trip_body(*open);
  body["exit"] = to_iso_string(t.today);
  save_item(t, "trips", body, (*open)["id"].get<std::int64_t>());
  t.say(t.format("bot.trip.left", {t.words().date_text(t.today)}), main_menu(t.words()));
  return "";
}

std::string on_entry(turn& t) {
  const auto entry = t.answered_date();
  if (!entry) {
    t.say(t.format("bot.error.date", {t.answer()}));
    return "entry";
  }
  t.data["entry"] = to_iso_string(*entry);
  t.say(t.format("bot.ask.exit"), {{{t.format("bot.answer.still_here"), "still"}}});
  return "exit";
}

std::string on_exit(turn& t) {
  const std::string entry = t.data["entry"];
  if (t.answer() == "still") {
    save_item(t, "trips", {{"entry", entry}});
    t.say(t.format("bot.trip.added_open", {date_text(t, entry)}), main_menu(t.words()));
    return "";
  }
  const auto exit = t.answered_date();
  if (!exit) {
    t.say(t.format("bot.error.date", {t.answer()}));
    return "exit";
  }
  save_item(t, "trips", {{"entry", entry}, {"exit", to_iso_string(*exit)}});
  t.say(t.format("bot.trip.added", {date_text(t, entry), t.words().date_text(*exit)}), main_menu(t.words()));
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
  };
}

}  // namespace boravak::bot
