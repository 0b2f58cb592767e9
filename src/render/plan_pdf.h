// The permit plan as a PDF (cairo and pango, DejaVu Sans): the same words as the plan's text
// form, with its checklists, fees, order and deadlines, laid out for printing.
#pragma once

#include <string>

#include "app/papers.h"
#include "boravak/permit/permit_plan.h"
#include "i18n/catalog.h"

namespace boravak::render {

std::string plan_pdf(const permit::permit_plan& plan, const i18n::catalog& words);

// The plan followed by its payment slips (slips_pdf.h), when both exist.
std::string plan_pdf_with_slips(const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                                const i18n::catalog& form);

}  // namespace boravak::render
