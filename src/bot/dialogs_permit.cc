// /permit: the residence-permit navigator as a guided chat (ground, first or renewal, family),
// then /slips (payment slips with their QR code as photos) and /ics (the deadlines as a
// calendar file) for the plan just made.
#include "app/papers.h"
#include "app/permit_planning.h"
#include "bot_profile.h"
#include "dialog.h"
#include "io/calendar_export.h"
#include "io/qr_image.h"
#include "io/situation_reader.h"
#include "render/plan_report.h"

namespace boravak::bot {
namespace {

const std::vector<std::string> kCommonGrounds = {"employment", "entrepreneur", "company_founder", "study", "family_spouse", "real_estate"};

keyboard ground_buttons(turn& t, const std::vector<std::string>& ids, bool more) {
  keyboard k;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i % 2 == 0) k.emplace_back();
    k.back().push_back({t.words().get("permit.ground." + ids[i] + ".name"), ids[i]});
  }
  if (more) k.push_back({{t.format("bot.permit.more_grounds"), "more"}});
  return k;
}

std::string ask_family(turn& t) {
  std::string text = t.format("bot.permit.ask.family");
  if (!t.data["family"].empty()) text += "\n" + t.format("bot.permit.family.so_far", {std::to_string(t.data["family"].size())});
  t.say(text, {{{t.format("bot.permit.family.spouse"), "spouse"}, {t.format("bot.permit.family.child"), "child"}},
               {{t.format("bot.permit.family.done"), "done"}}});
  return "family";
}

std::string on_ground(turn& t) {
  if (t.answer() == "more") {
    std::vector<std::string> all;
    for (const permit::ground& g : t.app.permit_rules.grounds) all.push_back(g.id);
    t.say(t.format("bot.permit.ask.ground"), ground_buttons(t, all, false));
    return "ground";
  }
  if (t.app.permit_rules.find_ground(t.answer()) == nullptr) {
    t.say(t.format("bot.permit.ask.ground"), ground_buttons(t, kCommonGrounds, true));
    return "ground";
  }
  t.data["ground"] = t.answer();
  t.data["family"] = nlohmann::json::array();
  t.say(t.format("bot.permit.ask.kind"), {{{t.format("bot.permit.kind.first"), "first"}, {t.format("bot.permit.kind.renewal"), "renewal"}}});
  return "kind";
}

std::string on_kind(turn& t) {
  if (t.answer() != "first" && t.answer() != "renewal") {
    t.say(t.format("bot.permit.ask.kind"), {{{t.format("bot.permit.kind.first"), "first"}, {t.format("bot.permit.kind.renewal"), "renewal"}}});
    return "kind";
  }
  t.data["kind"] = t.answer();
  if (t.answer() == "renewal") {
    t.say(t.format("bot.permit.ask.expiry"));
    return "expiry";
  }
  return ask_family(t);
}

std::string on_expiry(turn& t) {
  const auto d = t.answered_date(year_hint::future);
  if (!d) {
    return "expiry";
  }
  t.data["permit_expires"] = to_iso_string(*d);
  return ask_family(t);
}

// The plan for a situation the dialog gathered (the JSON form of src/io/situation_reader.h),
// or refused with why, in the chat's language.
app::planned_permit plan_of(turn& t, const nlohmann::json& situation) {
  io::situation_input in;
  try {
    in = io::read_situation_json(situation.dump());
  } catch (const io::situation_error& e) {
    throw refused{app::problem{error_code::invalid_value, e.field(), e.message()}};
  }
  auto planned = app::plan_permit(t.app, std::move(in.situation), in.stamps, t.today);
  if (!planned) throw refused{planned.error()};
  return std::move(planned.value());
}

std::string show_plan(turn& t) {
  nlohmann::json situation = {{"citizenship", profile_settings(t).citizenship},
                              {"ground", t.data["ground"]},
                              {"kind", t.data["kind"]},
                              {"family", t.data["family"]}};
  if (t.data.contains("permit_expires")) situation["permit_expires"] = t.data["permit_expires"];
  std::optional<date> last_entry;
  const app::profile owner = current_profile(t);  // all() points into it: keep it alive
  for (const auto& [id, trip] : owner.all<app::trip>()) last_entry = std::max(last_entry.value_or(trip->entry), trip->entry);
  if (last_entry && t.data["kind"] == "first") situation["last_entry"] = to_iso_string(*last_entry);
  const app::planned_permit p = plan_of(t, situation);
  t.data["keep"]["situation"] = situation;
  t.say(render::plan_text(p.plan, t.words()),
        {{{t.format("bot.permit.slip_button"), "/slips"}, {t.format("bot.permit.ics_button"), "/ics"}}});
  return "";
}

std::string on_family(turn& t) {
  if (t.answer() == "spouse") {
    t.data["family"].push_back({{"relation", "spouse"}});  // an adult: the plan needs no age
    return ask_family(t);
  }
  if (t.answer() == "child") {
    t.say(t.format("bot.permit.ask.child_age"));
    return "child_age";
  }
  if (t.answer() == "done") return show_plan(t);
  return ask_family(t);
}

std::string on_child_age(turn& t) {
  int age = -1;
  try {
    std::size_t used = 0;
    age = std::stoi(t.answer(), &used);
    if (used != t.answer().size()) age = -1;
  } catch (const std::exception&) {
  }
  if (age < 0 || age > 17) {
    t.say(t.format("bot.permit.error.age"));
    return "child_age";
  }
  t.data["family"].push_back({{"relation", "child"}, {"age", age}});
  return ask_family(t);
}

const nlohmann::json* kept_situation(turn& t) {
  if (!t.data.contains("keep") || !t.data["keep"].contains("situation")) {
    t.say(t.format("bot.permit.need_plan"));
    return nullptr;
  }
  return &t.data["keep"]["situation"];
}

std::string on_municipality(turn& t) {
  const nlohmann::json* kept = kept_situation(t);
  if (kept == nullptr) return "";
  nlohmann::json situation = *kept;
  situation["in_person"] = true;
  const app::planned_permit p = plan_of(t, situation);
  auto made = app::prepare_slips(t.app, p, {t.answer(), "", false});
  if (!made) {
    t.say(t.words().render(made.error().message));
    return "municipality";
  }
  const app::slip_set& set = made.value();
  if (set.slips.empty()) t.say(t.format("bot.permit.no_slips"));
  for (const app::prepared_slip& s : set.slips)
    t.send_file(outgoing::kind::photo, "slip-" + std::to_string(s.person + 1) + "-" + s.fee->item + ".png", io::qr_png(s.payload),
                "image/png",
                t.format("bot.permit.slip_caption", {t.words().get("permit.fee." + s.fee->item), std::to_string(s.person + 1),
                                                     t.words().amount_text(s.fee->amount)}) +
                    "\n" + s.filled.recipient_account + ", " + s.filled.reference_model + " " + s.filled.reference);
  std::string notes;
  for (const app::fee_without_slip& f : set.without_slip)
    notes += t.words().get("permit.fee." + f.fee->item) + ": " + t.words().render(f.why) + "\n";
  for (const text& n : set.notes) notes += t.words().render(n) + "\n";
  t.say(notes, main_menu(t.words()));
  return "";
}

}  // namespace

std::vector<dialog> permit_dialogs() {
  return {
      {"permit", {"/permit"},
       [](turn& t) {
         t.say(t.format("bot.permit.ask.ground"), ground_buttons(t, kCommonGrounds, true));
         return std::string("ground");
       },
       {{"ground", on_ground}, {"kind", on_kind}, {"expiry", on_expiry}, {"family", on_family}, {"child_age", on_child_age}}},
      {"slips", {"/slips"},
       [](turn& t) {
         if (kept_situation(t) == nullptr) return std::string();
         // The municipality codes the payment rules confirm (rules/permit/payment.toml).
         keyboard confirmed;
         for (const permit::municipality& m : t.app.permit_rules.payment.municipalities)
           confirmed.push_back({{m.name + " (" + m.code + ")", m.code}});
         t.say(t.format("bot.permit.ask.municipality"), confirmed);
         return std::string("municipality");
       },
       {{"municipality", on_municipality}}},
      {"ics", {"/ics"},
       [](turn& t) {
         const nlohmann::json* kept = kept_situation(t);
         if (kept == nullptr) return std::string();
         const app::planned_permit p = plan_of(t, *kept);
         t.send_file(outgoing::kind::document, "boravak-deadlines.ics",
                     io::plan_to_ics(p.plan, app::person_key(p.situation), t.words(), t.app.permit_rules.deadlines.alarm_days_before), "text/calendar",
                     t.format("bot.deadlines.ics_caption"));
         return std::string();
       },
       {}},
  };
}

}  // namespace boravak::bot
