// The stay report and the visa run's view (see stay_report.h).
#include "stay_report.h"

#include "app/person_json.h"
#include "io/json_fields.h"
#include "stay_json.h"

namespace boravak::render {

nlohmann::json stay_report_json(const app::app_context& ctx, const nlohmann::json& body, const std::string& lang, report_view view) {
  const app::person who = app::person_from_json(body, ctx.today());
  if (view == report_view::visarun && who.city.empty()) throw io::input_error{"missing_field", {"api.error.need_city", {}}, "city"};
  const app::stay_situation s = app::situation_or_refuse(ctx, who);
  nlohmann::json out = stay_situation_json(s, ctx.stay_rules, ctx.words(lang));
  // The visa run's own view: when to leave, when to come back, and where to cross.
  if (view == report_view::visarun) {
    out["visarun"] = out["next_entries"];
    out["visarun"]["city"] = s.city->id;
  }
  return out;
}

}  // namespace boravak::render
