// Printing the papers (see papers.h).
#include "papers.h"

#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/qr_image.h"
#include "render/plan_report.h"
#include "render/slips_pdf.h"

namespace boravak::cli {
namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes, const i18n::catalog& w) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error(w.format("cli.error.cannot_write", {path.string()}));
}

}  // namespace

std::string slips_text(const app::planned_permit& planned, const app::slip_set& set, const std::string& out_dir,
                       const i18n::catalog& w) {
  const permit::permit_plan& plan = planned.plan;
  std::ostringstream out;
  if (!out_dir.empty()) std::filesystem::create_directories(out_dir);
  std::optional<permit::fee_stage> group;
  for (const app::prepared_slip& slip : set.slips) {
    const std::size_t i = slip.person;
    const permit::fee_line& fee = *slip.fee;
    if (group != fee.stage) {  // the slips come by when they are paid (app/papers.h)
      group = fee.stage;
      out << "== " << w.get(fee.stage == permit::fee_stage::filing ? "slip.group.filing" : "slip.group.biometrics") << " ==\n\n";
    }
    const payment::slip& sl = slip.filled;
    out << w.format("slip.title", {w.get("permit.fee." + fee.item)}) << " — "
        << render::person_heading(plan.people[i], i + 1, w) << "\n";
    out << "  " << w.get("slip.payer") << ": " << (sl.payer.empty() ? w.get("email.missing_field") : sl.payer) << "\n";
    out << "  " << w.get("slip.purpose") << ": " << sl.purpose << "\n";
    out << "  " << w.get("slip.recipient") << ": " << sl.recipient_name << "\n";
    out << "  " << w.get("slip.payment_code") << ": " << sl.payment_code << "\n";
    out << "  " << w.get("slip.currency") << ": RSD\n";
    out << "  " << w.get("slip.amount") << ": " << w.amount_text(fee.amount) << "\n";
    out << "  " << w.get("slip.account") << ": " << sl.recipient_account << "\n";
    out << "  " << w.get("slip.model") << ": " << sl.reference_model << "\n";
    out << "  " << w.get("slip.reference") << ": " << sl.reference.substr(0, 2) << "-" << sl.reference.substr(2) << "\n";
    out << "  " << w.get("slip.qr") << ": " << slip.payload << "\n";
    if (!out_dir.empty()) {
      const std::string stem = "slip-" + std::to_string(i + 1) + "-" + fee.item;
      const auto base = std::filesystem::path(out_dir) / stem;
      write_file(base.string() + ".svg", io::qr_svg(slip.payload), w);
      write_file(base.string() + ".png", io::qr_png(slip.payload), w);
      out << "  " << w.format("slip.qr_written", {base.string() + ".svg, " + base.string() + ".png"}) << "\n";
    }
    if (set.account_cited) out << "  " << w.cited(*set.account_cited) << "\n";
    out << "\n";
  }
  if (!set.without_slip.empty()) {
    out << w.get("slip.none.heading") << "\n";
    for (const app::fee_without_slip& f : set.without_slip)
      out << " - " << render::person_heading(plan.people[f.person], f.person + 1, w) << ", "
          << w.get("permit.fee." + f.fee->item) << ": " << w.render(f.why) << "\n";
    out << "\n";
  }
  for (const text& note : set.notes) out << w.render(note) << "\n";
  return out.str();
}

std::string write_slips_pdf(const app::planned_permit& planned, const app::slip_set& set, const std::string& out_dir,
                            const i18n::catalog& words, const i18n::catalog& form) {
  const std::filesystem::path pdf = std::filesystem::path(out_dir.empty() ? "." : out_dir) / "slips.pdf";
  write_file(pdf, render::slips_pdf(planned, set, words, form), words);
  return words.format("slip.pdf_written", {pdf.string()}) + "\n";
}

std::string appointment_email_text(const app::appointment_email& mail, const i18n::catalog& w) {
  std::ostringstream out;
  if (mail.not_needed) {
    out << w.render(*mail.not_needed) << "\n";
    if (mail.cited) out << w.cited(*mail.cited) << "\n";
    return out.str();
  }
  out << w.get("email.intro") << "\n";
  if (!mail.to.empty()) out << w.format("email.to", {mail.to}) << "\n";
  else out << w.get("email.to_unknown") << "\n";
  if (!mail.office_address.empty()) out << w.format("email.office", {mail.office_address}) << "\n";
  out << w.render({"email.reply_time", {text_arg::of_number(mail.reply_business_days_max)}}) << "\n";
  out << "\n" << mail.serbian;
  if (!mail.meaning.empty()) out << "\n--- " << w.get("email.meaning") << " ---\n" << mail.meaning;
  if (mail.cited) out << "\n" << w.cited(*mail.cited) << "\n";
  return out.str();
}

}  // namespace boravak::cli
