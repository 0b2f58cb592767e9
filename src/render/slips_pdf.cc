// Printable payment slips (see slips_pdf.h). Sizes are in millimetres, converted to PDF points.
#include "slips_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <stdexcept>

#include "boravak/payment/payment_reference.h"
#include "io/qr_image.h"
#include "io/result_json_writer.h"
#include "plan_report.h"

namespace boravak::render {
namespace {

constexpr double kPageWidth = 210, kPageHeight = 297, kMargin = 8;
constexpr double kSlipWidth = kPageWidth - 2 * kMargin, kSlipHeight = 95, kCaption = 12;
constexpr double kFirstSlipTop = 40, kSlipPitch = kCaption + kSlipHeight + 10;  // two to a page
constexpr int kSlipsPerPage = 2;

double pt(double mm) { return mm * 72.0 / 25.4; }

class page_writer {
 public:
  explicit page_writer(std::string& out) {
    surface_ = cairo_pdf_surface_create_for_stream(&page_writer::append, &out, pt(kPageWidth), pt(kPageHeight));
    cr_ = cairo_create(surface_);
    layout_ = pango_cairo_create_layout(cr_);
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  }
  ~page_writer() {
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);  // finishes the PDF
  }
  page_writer(const page_writer&) = delete;
  page_writer& operator=(const page_writer&) = delete;

  void set_title(const std::string& title) { cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str()); }
  void next_page() { cairo_show_page(cr_); }

  // Draws `text` from (x, y) within `width`; returns its height in mm. Bytes that are not UTF-8
  // (a payer's name as typed) are replaced, as pango draws only UTF-8.
  double text(const std::string& s, double x, double y, double width, const char* font) {
    const std::string valid = io::with_valid_utf8(s);
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout_, static_cast<int>(pt(width) * PANGO_SCALE));
    pango_layout_set_text(layout_, valid.c_str(), -1);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, pt(x), pt(y));
    pango_cairo_show_layout(cr_, layout_);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return h / double(PANGO_SCALE) * 25.4 / 72.0;
  }

  void box(double x, double y, double w, double h) {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_set_line_width(cr_, 0.6);
    cairo_rectangle(cr_, pt(x), pt(y), pt(w), pt(h));
    cairo_stroke(cr_);
  }

  void line(double x1, double y1, double x2, double y2, bool dashed = false) {
    const double dash[] = {pt(2), pt(1.5)};
    cairo_set_source_rgb(cr_, dashed ? 0.45 : 0, dashed ? 0.45 : 0, dashed ? 0.45 : 0);
    cairo_set_line_width(cr_, dashed ? 0.5 : 0.6);
    cairo_set_dash(cr_, dash, dashed ? 2 : 0, 0);
    cairo_move_to(cr_, pt(x1), pt(y1));
    cairo_line_to(cr_, pt(x2), pt(y2));
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }

  // The QR code with its quiet zone, `size` mm square, as filled squares (vector, so it prints
  // sharply at any resolution).
  void qr(const std::string& payload, double x, double y, double size) {
    const io::qr_matrix m = io::qr_modules(payload);
    const double module = size / (m.width + 2 * io::kQrQuietZone);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (int row = 0; row < m.width; ++row)
      for (int col = 0; col < m.width; ++col)
        if (m.dark(col, row))
          cairo_rectangle(cr_, pt(x + (col + io::kQrQuietZone) * module), pt(y + (row + io::kQrQuietZone) * module), pt(module),
                          pt(module));
    cairo_fill(cr_);
  }

 private:
  static cairo_status_t append(void* out, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoLayout* layout_ = nullptr;
};

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

std::string slips_pdf(const app::planned_permit& planned, const app::slip_set& set, const i18n::catalog& words,
                      const i18n::catalog& form) {
  const permit::permit_plan& plan = planned.plan;
  std::string out;
  {
    page_writer p(out);
    p.set_title(words.get("slip.pdf.title"));
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
  return out;
}

}  // namespace boravak::render
