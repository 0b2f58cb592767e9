// The permit plan as a PDF (see plan_pdf.h). Sizes in millimetres.
#include "plan_pdf.h"

#include <sstream>

#include "pdf_page.h"
#include "plan_report.h"
#include "slips_pdf.h"

namespace boravak::render {

namespace {

void draw_plan(page_writer& p, const permit::permit_plan& plan, const i18n::catalog& words) {
  constexpr double kLeft = 16, kWidth = kPageWidth - 2 * kLeft, kTop = 16, kBottom = kPageHeight - 16;
  {
    double y = kTop;
    std::istringstream lines(plan_text(plan, words));
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      if (line.empty()) {
        y += 2;
        continue;
      }
      // The text form indents what belongs under a heading; a line that starts at the margin
      // is a heading, the first of them the title.
      const std::size_t indent = line.find_first_not_of(' ');
      const char* font = first ? "DejaVu Sans Bold 14" : indent == 0 ? "DejaVu Sans Bold 10" : "DejaVu Sans 8.5";
      const double x = kLeft + 2.2 * static_cast<double>(indent);
      if (y > kBottom - 8) {
        p.next_page();
        y = kTop;
      }
      y += p.text(line.substr(indent), x, y, kWidth - (x - kLeft), font) + (first ? 3 : 0.8);
      first = false;
    }
  }
}

}  // namespace

std::string plan_pdf(const permit::permit_plan& plan, const i18n::catalog& words) {
  std::string out;
  {
    page_writer p(out);
    p.set_title(words.format("plan.title", {words.date_text(plan.on)}));
    draw_plan(p, plan, words);
  }
  return out;
}

std::string plan_pdf_with_slips(const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                                const i18n::catalog& form) {
  std::string out;
  {
    page_writer p(out);
    p.set_title(words.format("plan.title", {words.date_text(planned.plan.on)}));
    draw_plan(p, planned.plan, words);
    p.next_page();
    draw_slips(p, planned, set, words, form);
  }
  return out;
}

}  // namespace boravak::render
