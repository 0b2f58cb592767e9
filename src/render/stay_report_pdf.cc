// The stay report as a PDF (see stay_report_pdf.h). Sizes in millimetres.
#include "stay_report_pdf.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "pdf_page.h"

namespace boravak::render {
namespace {

constexpr double kLeft = 18, kWidth = kPageWidth - 2 * kLeft, kBottom = kPageHeight - 18;
constexpr const char* kTitle = "DejaVu Sans Bold 15";
constexpr const char* kHeading = "DejaVu Sans Bold 10.5";
constexpr const char* kBody = "DejaVu Sans 9.5";
constexpr const char* kSmall = "DejaVu Sans 8";

// Writes paragraphs down the page, starting a new page when one is full.
class flow {
 public:
  flow(page_writer& p) : p_(p) {}
  void text(const std::string& s, const char* font = kBody, double indent = 0, double after = 1.6) {
    if (y_ > kBottom - 12) page();
    y_ += p_.text(s, kLeft + indent, y_, kWidth - indent, font) + after;
  }
  void heading(const std::string& s) {
    if (y_ > kBottom - 30) page();
    y_ += 2.5;
    text(s, kHeading, 0, 1.2);
  }
  double& y() { return y_; }
  void need(double height) {
    if (y_ + height > kBottom) page();
  }

 private:
  void page() {
    p_.next_page();
    y_ = 18;
  }
  page_writer& p_;
  double y_ = 18;
};

// The deciding range and each stay's days in it, as bars on a line of days.
void timeline(page_writer& p, flow& f, const app::stay_situation& s, const i18n::catalog& w) {
  const date on = s.data.on;
  date first = on - days{179};
  if (s.explanation.deciding && s.explanation.deciding->first < first) first = s.explanation.deciding->first;
  for (const stay& st : s.data.stays) first = std::min(first, std::max(st.entry, on - days{729}));
  const date last = s.answer.last_legal_day && *s.answer.last_legal_day > on ? std::min(*s.answer.last_legal_day, on + days{365}) : on;
  const double span = static_cast<double>((last - first).count() + 1);
  const auto x_of = [&](date d) { return kLeft + kWidth * static_cast<double>((d - first).count()) / span; };
  f.need(30);
  const double top = f.y() + 2;
  if (s.explanation.deciding) {
    const date a = std::max(s.explanation.deciding->first, first), b = std::min(s.explanation.deciding->last, last);
    if (a <= b) p.filled(x_of(a), top, x_of(b + days{1}) - x_of(a), 14, 0.9);  // the deciding window or period
  }
  for (const stay& st : s.data.stays) {
    const date a = std::max(st.entry, first);
    const date b = std::min(st.exit.value_or(on), last);
    if (a > b) continue;
    p.filled(x_of(a), top + 4, std::max(0.6, x_of(b + days{1}) - x_of(a)), 6, 0.35);
  }
  p.line(kLeft, top + 14, kLeft + kWidth, top + 14);
  p.line(x_of(on), top - 1, x_of(on), top + 16, true);
  // The first day at the left; the day counted on, right-aligned to its line, on the row below,
  // so neither runs into the other or into the key.
  p.text(w.date_text(first), kLeft, top + 15, 40, kSmall);
  if (last > on) p.text(w.date_text(last), kLeft + kWidth - 50, top + 15, 50, kSmall, PANGO_ALIGN_RIGHT);
  const double marker_width = 60;
  p.text(w.format("report.pdf.on_marker", {w.date_text(on)}), std::clamp(x_of(on) - marker_width, kLeft, kLeft + kWidth - marker_width),
         top + 20.5, marker_width, kSmall);
  f.y() = top + 28;
  f.text(w.get("report.pdf.timeline_key"), kSmall);
}

}  // namespace

std::string stay_report_pdf(const app::app_context& ctx, const app::person& who, const std::string& name, const std::string& reference,
                            const i18n::catalog& w) {
  std::string out;
  {
    page_writer p(out);
    p.set_title(w.format("report.pdf.title_of", {name.empty() ? reference : name}));
    flow f(p);
    f.text(w.get("report.pdf.title"), kTitle, 0, 3);
    if (!name.empty()) f.text(w.format("report.pdf.person", {name}));
    if (!reference.empty()) f.text(w.format("report.pdf.reference", {reference}));
    if (!who.citizenship.empty()) f.text(w.format("report.pdf.citizenship", {w.get("country." + who.citizenship)}));
    f.text(w.format("report.pdf.on", {w.date_text(who.on)}));

    const auto checked = app::check_stays(ctx, who);
    if (!checked) {
      f.heading(w.get("report.pdf.cannot"));
      f.text(w.render(checked.error().message));
    } else {
      const app::stay_situation& s = checked.value();
      const stay_result& a = s.answer;
      f.heading(w.get("report.pdf.rule"));
      f.text(w.regime_text(a.applied));
      if (s.readings.size() > 1) {
        f.text(w.get("report.pdf.readings"));
        for (const app::reading& r : s.readings)
          f.text("• " + w.regime_text(r.rule) + ": " +
                     w.format("report.pdf.reading_numbers", {std::to_string(r.result.days_used), std::to_string(r.result.days_left),
                                                             r.result.last_legal_day ? w.date_text(*r.result.last_legal_day) : w.get("report.pdf.none")}),
                 kBody, 4);
      }

      f.heading(w.get("report.pdf.numbers"));
      f.text(w.format("report.pdf.days_used", {std::to_string(a.days_used)}));
      f.text(w.format("report.pdf.days_left", {std::to_string(s.days_left_shown)}));
      // Each date also in ISO form, which a reader in any language and a program can both match.
      const auto both = [&](date d) { return w.date_text(d) + " (" + to_iso_string(d) + ")"; };
      f.text(a.last_legal_day ? w.format("report.pdf.last_legal_day", {both(*a.last_legal_day)}) : w.get("report.pdf.no_legal_day"));
      if (a.overstay_days > 0 && a.first_overstay_day)
        f.text(w.format("report.pdf.overstay", {std::to_string(a.overstay_days), both(*a.first_overstay_day)}));
      else
        f.text(w.get("report.pdf.no_overstay"));

      f.heading(w.get("report.pdf.timeline"));
      timeline(p, f, s, w);

      f.heading(w.get("report.pdf.stays"));
      if (s.data.stays.empty()) f.text(w.get("report.pdf.no_stays"));
      for (std::size_t i = 0; i < s.data.stays.size(); ++i) {
        const stay& st = s.data.stays[i];
        int counted = 0;
        for (const stay_share& share : s.explanation.shares)
          if (share.stay_index == i) counted += share.counted;
        const std::string span = st.exit ? w.format("report.pdf.stay_closed", {w.date_text(st.entry), w.date_text(*st.exit)})
                                         : w.format("report.pdf.stay_open", {w.date_text(st.entry)});
        f.text("• " + span + " — " + w.format("report.pdf.counted", {std::to_string(counted)}), kBody, 4);
      }
      if (s.explanation.deciding)
        f.text(w.format("report.pdf.deciding", {w.date_text(s.explanation.deciding->first), w.date_text(s.explanation.deciding->last)}), kSmall);

      if (s.registration_due && s.registration_entry) {
        f.heading(w.get("report.pdf.registration"));
        f.text(w.format(s.registration_missed ? "report.pdf.registration_missed" : "report.pdf.registration_due",
                        {w.date_text(*s.registration_entry), w.date_text(*s.registration_due)}));
      }

      f.heading(w.get("report.pdf.sources"));
      std::vector<const citation*> seen;
      for (const app::reading& r : s.readings)
        if (r.cited && std::find(seen.begin(), seen.end(), r.cited) == seen.end()) {
          seen.push_back(r.cited);
          f.text(w.cited(*r.cited), kSmall, 0, 1.2);
        }
    }
    f.heading(w.get("report.pdf.how"));
    f.text(w.get("report.pdf.method"), kSmall);
    f.text(w.get("report.pdf.police_decide"), kSmall);
  }
  return out;
}

std::string client_stay_report_pdf(const app::app_context& ctx, const std::string& client, const std::string& body_json, date on,
                                   const i18n::catalog& words) {
  const nlohmann::json body = nlohmann::json::parse(body_json, nullptr, false);
  app::person who;
  who.on = on;
  std::string name;
  if (body.is_object()) {
    name = body.value("name", "");
    who.citizenship = body.value("citizenship", "");
    if (body.contains("trips") && body["trips"].is_array())
      for (const nlohmann::json& t : body["trips"]) {
        const auto entry = parse_iso_date(t.value("entry", ""));
        if (!entry) continue;
        stay s{*entry, std::nullopt};
        if (t.contains("exit") && t["exit"].is_string()) s.exit = parse_iso_date(t["exit"].get<std::string>());
        who.stays.push_back(s);
      }
    std::stable_sort(who.stays.begin(), who.stays.end(), [](const stay& a, const stay& b) { return a.entry < b.entry; });
    if (body.contains("permit") && body["permit"].is_object()) {
      const auto from = parse_iso_date(body["permit"].value("from", ""));
      const auto until = parse_iso_date(body["permit"].value("until", ""));
      if (from && until) who.exempt.push_back({*from, *until});
    }
  }
  return stay_report_pdf(ctx, who, name, client, words);
}

}  // namespace boravak::render
