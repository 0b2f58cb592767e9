// The permit plan as a PDF (cairo and pango, DejaVu Sans): the same words as the plan's text
// form, with its checklists, fees, order and deadlines, laid out for printing.
#pragma once

#include <string>

#include "boravak/permit/permit_plan.h"
#include "i18n/catalog.h"

namespace boravak::render {

std::string plan_pdf(const permit::permit_plan& plan, const i18n::catalog& words);

}  // namespace boravak::render
