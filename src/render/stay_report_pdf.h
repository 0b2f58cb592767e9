// A person's stay report as a PDF (cairo and pango, DejaVu Sans, which has Serbian Cyrillic and
// Latin), for a client, a lawyer or a police officer: the person and the date, the rule applied
// and the other readings, a timeline, the stays with the days each counts, the numbers, the
// registration deadline, the sources, and how it was computed.
#pragma once

#include <string>

#include "app/app_context.h"
#include "app/stay_check.h"

namespace boravak::render {

// `who`: the person as the stay check reads them; `name` and `reference` head the report.
// Words in `words`' language. A person whose data cannot be evaluated gets a report that says
// why, never an empty page.
std::string stay_report_pdf(const app::app_context& ctx, const app::person& who, const std::string& name,
                            const std::string& reference, const i18n::catalog& words);

// An agency's client (store::agency_client's JSON body) on `on`.
std::string client_stay_report_pdf(const app::app_context& ctx, const std::string& client, const std::string& body_json, date on,
                                   const i18n::catalog& words);

}  // namespace boravak::render
