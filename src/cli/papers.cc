// Payment slips and the appointment e-mail (see papers.h).
#include "papers.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/qr_image.h"
#include "plan_report.h"

namespace boravak::cli {
namespace {

using namespace boravak::permit;

void write_file(const std::filesystem::path& path, const std::string& bytes, const i18n::catalog& w) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error(w.format("cli.error.cannot_write", {path.string()}));
}

// "Voždovac (019)" for every municipality code the rules confirm.
std::string confirmed_codes(const permit_rules& rules) {
  std::string list;
  for (const municipality& m : rules.payment.municipalities) list += (list.empty() ? "" : ", ") + m.name + " (" + m.code + ")";
  return list;
}

std::string dotted(date d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d.", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

}  // namespace

slip_set prepare_slips(const permit_plan& plan, const permit_rules& rules, const std::string& municipality_code,
                       const std::string& payer, bool non_cash, const i18n::catalog& w) {
  const municipality* known = rules.find_municipality(municipality_code);
  const std::string code = known ? known->code : municipality_code;
  if (code.empty()) throw std::runtime_error(w.format("cli.error.need_municipality", {confirmed_codes(rules)}));
  slip_set set;
  set.municipality_confirmed = known != nullptr;
  for (std::size_t i = 0; i < plan.people.size(); ++i) {
    const person_plan& p = plan.people[i];
    if (p.way == filing_way::online) {
      set.online_people.push_back(i);
      continue;
    }
    for (const fee_line& fee : p.fees) {
      // A fee with no purpose line in payment.toml has no confirmed account (the biometrics fee:
      // the MUP's page "Uplate za privremeni boravak" names none), so no slip is printed for it.
      if (fee.exempt || fee.amount == 0 || !rules.payment.purpose_by_fee.contains(fee.item)) continue;
      const auto made = payment::make_fee_slip(rules.payment, fee, code, payer, !non_cash);
      if (made.reference != payment::reference_problem::none)
        throw std::runtime_error(w.format("cli.error.bad_municipality", {municipality_code, w.get("payment.error.reference")}));
      prepared_slip slip{i, &fee, made.filled, {}};
      const auto problem = payment::build_ips_payload(slip.filled, rules.payment.ips, slip.payload);
      if (!problem.key.empty()) throw std::runtime_error(problem.field + ": " + w.get(problem.key));
      set.slips.push_back(std::move(slip));
    }
  }
  return set;
}

std::vector<std::string> slip_notes(const slip_set& set, const permit_rules& rules, const permit_situation& s, bool non_cash,
                                    const i18n::catalog& w) {
  std::vector<std::string> notes;
  notes.push_back(w.format("slip.payment_code_unconfirmed",
                           {non_cash ? rules.payment.payment_code_non_cash : rules.payment.payment_code_cash}));
  if (!set.municipality_confirmed) notes.push_back(w.format("slip.municipality_unconfirmed", {confirmed_codes(rules)}));
  notes.push_back(w.get(rules.office_for(s.city).pay_at == payment_place::mup_exchange_office ? "slip.where_to_pay_novi_sad"
                                                                                                : "slip.where_to_pay"));
  return notes;
}

std::string slips_text(const permit_plan& plan, const permit_rules& rules, const permit_options& o, const permit_situation& s,
                       const i18n::catalog& w) {
  const slip_set set = prepare_slips(plan, rules, o.municipality, o.payer, o.non_cash, w);
  std::ostringstream out;
  if (!o.out_dir.empty()) std::filesystem::create_directories(o.out_dir);
  std::size_t online = 0;
  const auto print_online_before = [&](std::size_t person) {
    for (; online < set.online_people.size() && set.online_people[online] <= person; ++online) {
      const std::size_t i = set.online_people[online];
      out << person_heading(plan.people[i], i + 1, w) << ": " << w.get("slip.online_note") << "\n\n";
    }
  };
  for (const prepared_slip& slip : set.slips) {
    print_online_before(slip.person);
    const std::size_t i = slip.person;
    const fee_line& fee = *slip.fee;
    const payment::slip& sl = slip.filled;
    out << w.format("slip.title", {w.get("permit.fee." + fee.item)}) << " — " << std::to_string(i + 1) << "\n";
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
    if (!o.out_dir.empty()) {
      const std::string stem = "slip-" + std::to_string(i + 1) + "-" + fee.item;
      const auto base = std::filesystem::path(o.out_dir) / stem;
      write_file(base.string() + ".svg", io::qr_svg(slip.payload), w);
      write_file(base.string() + ".png", io::qr_png(slip.payload), w);
      out << "  " << w.format("slip.qr_written", {base.string() + ".svg, " + base.string() + ".png"}) << "\n";
    }
    out << "  " << cited_line({"permit/payment.toml:recipient", rules.payment.recipient_cited}, w) << "\n\n";
  }
  print_online_before(plan.people.size());
  for (const std::string& note : slip_notes(set, rules, s, o.non_cash, w)) out << note << "\n";
  return out.str();
}

std::string appointment_email_text(const permit_plan& plan, const permit_rules& rules, const permit_situation& s,
                                   const rule_set& stay_rules, const i18n::catalog& sr, const i18n::catalog& w) {
  const auto render_email = [&](const i18n::catalog& c) {
    std::ostringstream out;
    out << c.get("email.subject") << "\n\n" << c.get("email.greeting") << "\n\n" << c.get("email.body") << "\n";
    for (std::size_t i = 0; i < plan.people.size(); ++i) {
      const person_plan& p = plan.people[i];
      if (p.way != filing_way::in_person) continue;
      const person& who = i == 0 ? s.main : s.family[i - 1];
      const country* nation = stay_rules.find_country(p.who.citizenship);
      out << "\n" << i + 1 << ".\n";
      for (const std::string& field : rules.appointment_email.fields) {
        std::string value = c.get("email.missing_field");
        if (field == "full_name" && !who.full_name.empty()) value = who.full_name;
        if (field == "birth_date" && who.birth_date) value = dotted(*who.birth_date);
        if (field == "citizenship") value = (nation ? nation->name + " " : std::string()) + "(" + p.who.citizenship + ")";
        if (field == "ground") value = c.get("permit.ground." + p.ground + ".name");
        if (field == "last_entry" && s.last_entry) value = dotted(*s.last_entry);
        out << "   " << c.get("email.field." + field) << ": " << value << "\n";
      }
    }
    out << "\n" << c.get("email.closing") << "\n";
    return out.str();
  };
  std::ostringstream out;
  out << w.get("email.intro") << "\n\n" << render_email(sr);
  if (w.language() != "sr" && w.language() != "sr-Cyrl") out << "\n--- " << w.get("email.meaning") << " ---\n" << render_email(w);
  out << "\n" << cited_line({"permit/offices.toml:appointment_email", rules.appointment_email.cited}, w) << "\n";
  return out.str();
}

}  // namespace boravak::cli
