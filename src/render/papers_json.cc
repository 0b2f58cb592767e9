// The appointment e-mail as JSON (see papers_json.h).
#include "papers_json.h"

#include "app/papers.h"
#include "app/permit_plan_json.h"
#include "io/citation_json.h"
#include "io/json_fields.h"

namespace boravak::render {

nlohmann::json appointment_email_json(const app::app_context& ctx, const nlohmann::json& body, date on, const std::string& lang) {
  io::json_fields f(body, "", {"situation", "names"});
  if (!f.has("situation")) f.refuse("situation", "missing_field", {"api.error.slips_need_situation", {}});
  const app::planned_permit planned = app::plan_from_json(ctx, body["situation"], "situation", on);
  std::vector<app::email_person> names;
  if (const nlohmann::json* list = f.array("names")) {
    if (list->size() > planned.plan.people.size()) f.refuse("names", "invalid_value", {"api.error.too_many_names", {}});
    for (std::size_t i = 0; i < list->size(); ++i) {
      io::json_fields one((*list)[i], "names[" + std::to_string(i) + "]", {"name", "birth_date"});
      names.push_back({one.text("name", 100).value_or(""), one.day("birth_date")});
    }
  }
  const app::appointment_email mail = app::make_appointment_email(ctx, planned, names, lang);
  const i18n::catalog& words = ctx.words(lang);
  return {{"needed", !mail.not_needed.has_value()},
          {"not_needed_because", mail.not_needed ? nlohmann::json(words.render(*mail.not_needed)) : nlohmann::json(nullptr)},
          {"reply_business_days_max", mail.reply_business_days_max},
          {"to", mail.to.empty() ? nlohmann::json(nullptr) : nlohmann::json(mail.to)},
          {"office_address", mail.office_address},
          {"subject", mail.subject},
          {"body", mail.body},
          {"meaning", mail.meaning.empty() ? nlohmann::json(nullptr) : nlohmann::json(mail.meaning)},
          {"citation", mail.cited ? io::citation_json(*mail.cited, words) : nlohmann::json(nullptr)}};
}

}  // namespace boravak::render
