// Printable payment slips (see slips_pdf.h). Sizes are in millimetres, converted to PDF points.
#include "slips_pdf.h"

#include <memory>
#include <stdexcept>

#include "boravak/payment/payment_reference.h"
#include "io/qr_image.h"
#include "io/result_json_writer.h"
#include "pdf_page.h"
#include "plan_report.h"

namespace boravak::render {
namespace {

constexpr double kMargin = 8;
constexpr double kSlipWidth = kPageWidth - 2 * kMargin, kSlipHeight = 95, kCaption = 12;
constexpr double kFirstSlipTop = 40, kSlipPitch = kCaption + kSlipHeight + 10;  // two to a page
constexpr int kSlipsPerPage = 2;

constexpr const char* kLabel = "DejaVu Sans 6";
constexpr const char* kValue = "DejaVu Sans 9";
constexpr const char* kBig = "DejaVu Sans Bold 11";

// A labelled box: the form's label above, the value inside.
void field(page_writer& p, const std::string& label, const std::string& value, double x, double y, double w, double h,
           const char* font = kValue) {
  p.text(label, x, y - 3.2, w, kLabel);
  p.box(x, y, w, h);
  p.text(value, x + 1.2, y + 1, w - 2.4, font);
}

// One slip: the NBS payment order's boxes at (0, top), and its caption above it.
void draw_slip(page_writer& p, const app::prepared_slip& s, const std::string& caption, const i18n::catalog& form, double top) {
  const payment::slip& f = s.filled;
  const double x0 = kMargin, y0 = top + kCaption;
  p.text(caption, x0, top, kSlipWidth, "DejaVu Sans Bold 8");
  p.box(x0, y0, kSlipWidth, kSlipHeight);
  const double left = x0 + 4, left_w = 88, right = x0 + 102, right_w = kSlipWidth - 106;
  p.line(x0 + 97, y0 + 4, x0 + 97, y0 + kSlipHeight - 4);
  p.text(form.get("slip.form.title"), right, y0 + 3, right_w, kBig);
  field(p, form.get("slip.form.payer"), f.payer, left, y0 + 12, left_w, 16);
  field(p, form.get("slip.form.purpose"), f.purpose, left, y0 + 35, left_w, 14);
  field(p, form.get("slip.form.recipient"), f.recipient_name, left, y0 + 56, left_w, 14);
  p.line(left, y0 + 85, left + left_w, y0 + 85);
  p.text(form.get("slip.form.signature"), left, y0 + 86, left_w, kLabel);

  const auto account = payment::parse_account(f.recipient_account);
  const std::string printed = account.problem == payment::reference_problem::none ? payment::printed_account(account.digits)
                                                                                   : f.recipient_account;
  field(p, form.get("slip.form.payment_code"), f.payment_code, right, y0 + 14, 20, 8);
  field(p, form.get("slip.form.currency"), "RSD", right + 23, y0 + 14, 14, 8);
  field(p, form.get("slip.form.amount"), "= " + payment::printed_amount(f.amount_para), right + 40, y0 + 14, right_w - 40, 8,
        "DejaVu Sans Bold 10");
  field(p, form.get("slip.form.account"), printed, right, y0 + 29, right_w, 8, "DejaVu Sans Bold 10");
  const std::string reference = f.reference.size() > 2 ? f.reference.substr(0, 2) + "-" + f.reference.substr(2) : f.reference;
  p.text(form.get("slip.form.model_reference"), right, y0 + 40.8, right_w, kLabel);
  p.box(right, y0 + 44, 12, 8);
  p.text(f.reference_model, right + 1.2, y0 + 45, 10, kValue);
  p.box(right + 15, y0 + 44, right_w - 15, 8);
  p.text(reference, right + 16.2, y0 + 45, right_w - 17, kValue);
  p.line(right, y0 + 70, right + 50, y0 + 70);
  p.text(form.get("slip.form.received"), right, y0 + 71, 50, kLabel);
  p.line(right, y0 + 85, right + 50, y0 + 85);
  p.text(form.get("slip.form.value_date"), right, y0 + 86, 50, kLabel);
  p.qr(s.payload, x0 + kSlipWidth - 33, y0 + kSlipHeight - 37, 32);
}

}  // namespace

void draw_slips(page_writer& p, const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                const i18n::catalog& form) {
  const permit::permit_plan& plan = planned.plan;
  {
    const auto header = [&](int page) {
      p.text(words.get("slip.pdf.title"), kMargin, 8, kSlipWidth, "DejaVu Sans Bold 13");
      p.text(page == 0 ? words.get("slip.pdf.howto") : "", kMargin, 15, kSlipWidth, "DejaVu Sans 8");
    };
    int page = 0;
    for (std::size_t i = 0; i < set.slips.size(); ++i) {
      const int slot = static_cast<int>(i % kSlipsPerPage);
      if (slot == 0) {
        if (i > 0) p.next_page(), ++page;
        header(page);
      }
      const app::prepared_slip& s = set.slips[i];
      const std::string caption = words.format("slip.pdf.caption", {std::to_string(i + 1), std::to_string(set.slips.size()),
                                                                     person_heading(plan.people[s.person], s.person + 1, words),
                                                                     words.get("permit.fee." + s.fee->item)}) +
                                  " — " + words.get(s.fee->stage == permit::fee_stage::filing ? "slip.group.filing" : "slip.group.biometrics");
      const double top = kFirstSlipTop + slot * kSlipPitch;
      p.line(0, top - 3, kPageWidth, top - 3, true);  // cut here
      draw_slip(p, s, caption, form, top);
    }
    // The fees that get no slip, with why, and where and how to pay: on a page of their own.
    const bool more = !set.without_slip.empty() || !set.notes.empty() || set.account_cited != nullptr;
    if (!set.slips.empty() && more) p.next_page();
    double y = kMargin;
    const auto paragraph = [&](const std::string& s, const char* font, double gap) {
      if (y > kPageHeight - 30) p.next_page(), y = kMargin;
      y += p.text(s, kMargin, y, kSlipWidth, font) + gap;
    };
    if (set.slips.empty()) paragraph(words.get("slip.pdf.title"), "DejaVu Sans Bold 13", 3);
    if (!set.without_slip.empty()) {
      paragraph(words.get("slip.none.heading"), "DejaVu Sans Bold 11", 2);
      for (const app::fee_without_slip& w : set.without_slip)
        paragraph("• " + person_heading(plan.people[w.person], w.person + 1, words) + ", " + words.get("permit.fee." + w.fee->item) +
                      ": " + words.render(w.why),
                  "DejaVu Sans 9", 1.5);
      y += 3;
    }
    for (const text& note : set.notes) paragraph(words.render(note), "DejaVu Sans 9", 1.5);
    if (set.account_cited) paragraph(words.cited(*set.account_cited), "DejaVu Sans 7", 0);
  }
}

std::string slips_pdf(const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                      const i18n::catalog& form) {
  std::string out;
  {
    page_writer p(out);
    p.set_title(words.get("slip.pdf.title"));
    draw_slips(p, planned, set, words, form);
  }
  return out;
}

}  // namespace boravak::render
