// An A4 PDF page by page, drawn with cairo and pango (Debian's libraries) in DejaVu Sans, which
// has Serbian Cyrillic and Latin: the printable slips and the stay report share it. Sizes are in
// millimetres, converted to PDF points.
#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <string>

#include "io/qr_image.h"
#include "io/result_json_writer.h"

namespace boravak::render {

constexpr double kPageWidth = 210, kPageHeight = 297;

inline double pt(double mm) { return mm * 72.0 / 25.4; }

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
  double text(const std::string& s, double x, double y, double width, const char* font, PangoAlignment align = PANGO_ALIGN_LEFT) {
    const std::string valid = io::with_valid_utf8(s);
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout_, static_cast<int>(pt(width) * PANGO_SCALE));
    pango_layout_set_text(layout_, valid.c_str(), -1);
    pango_layout_set_alignment(layout_, align);
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

  // A filled rectangle in a grey (0 black … 1 white), for bars of a timeline.
  void filled(double x, double y, double w, double h, double grey) {
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_rectangle(cr_, pt(x), pt(y), pt(w), pt(h));
    cairo_fill(cr_);
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

}  // namespace boravak::render
