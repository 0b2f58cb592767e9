// The papers (see papers.h).
#include "papers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace boravak::app {
namespace {

using namespace boravak::permit;

// "Voždovac (019)" for every municipality code the rules confirm.
std::string confirmed_codes(const permit_rules& rules) {
  std::string list;
  for (const municipality& m : rules.payment.municipalities) list += (list.empty() ? "" : ", ") + m.name + " (" + m.code + ")";
  return list;
}

// Dates as Serbian forms write them: "01.05.1990."
std::string dotted(date d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d.", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

// Why a fee of a person who files in person gets no slip, or nothing when it gets one.
std::optional<text> no_slip_because(const fee_line& fee, const permit_rules& rules) {
  if (fee.exempt || fee.amount == 0) return text{"slip.none.exempt", {}};
  // A fee with no purpose line in payment.toml has no confirmed account (the biometrics fee:
  // the MUP's page "Uplate za privremeni boravak" names none), so no slip is made for it.
  if (!rules.payment.purpose_by_fee.contains(fee.item)) return text{"slip.none.no_account", {}};
  return std::nullopt;
}

}  // namespace

result<slip_set> prepare_slips(const app_context& ctx, const planned_permit& planned, const slip_request& request) {
  const permit_rules& rules = ctx.permit_rules;
  const permit_plan& plan = planned.plan;
  const municipality* known = rules.find_municipality(request.municipality);
  const std::string code = known ? known->code : request.municipality;
  if (code.empty())
    return problem{error_code::missing_field, "municipality", {"papers.error.need_municipality", {text_arg::of_verbatim(confirmed_codes(rules))}}};
  slip_set set;
  set.municipality_confirmed = known != nullptr;
  // A code of another city's municipality would send the fee to the wrong place: say so.
  if (known && !known->city.empty() && !planned.situation.city.empty() && known->city != planned.situation.city)
    set.notes.push_back({"slip.municipality_other_city", {text_arg::of_verbatim(known->code), text_arg::of_verbatim(known->name),
                                                          text_arg::of_key("city." + known->city), text_arg::of_key("city." + planned.situation.city)}});
  set.account_cited = &rules.payment.recipient_cited;
  for (std::size_t i = 0; i < plan.people.size(); ++i) {
    const person_plan& p = plan.people[i];
    if (p.way == filing_way::online) {
      set.online_people.push_back(i);
      for (const fee_line& fee : p.fees) set.without_slip.push_back({i, &fee, {"slip.none.online", {}}});
      continue;
    }
    for (const fee_line& fee : p.fees) {
      if (auto why = no_slip_because(fee, rules)) {
        set.without_slip.push_back({i, &fee, std::move(*why)});
        continue;
      }
      const auto made = payment::make_fee_slip(rules.payment, fee, code, request.payer, !request.non_cash);
      if (made.reference != payment::reference_problem::none)
        return problem{error_code::invalid_value, "municipality",
                       {"papers.error.bad_municipality", {text_arg::of_verbatim(request.municipality), text_arg::of_key("payment.error.reference")}}};
      prepared_slip slip{i, &fee, made.filled, {}};
      const auto trouble = payment::build_ips_payload(slip.filled, rules.payment.ips, slip.payload);
      if (!trouble.key.empty()) return problem{error_code::invalid_value, trouble.field, {trouble.key, {}}};
      set.slips.push_back(std::move(slip));
    }
  }
  // In the order they are paid: before filing, then after the approval, before the biometrics.
  std::stable_sort(set.slips.begin(), set.slips.end(),
                   [](const prepared_slip& a, const prepared_slip& b) { return a.fee->stage < b.fee->stage; });
  set.notes.push_back({"slip.payment_code_unconfirmed",
                       {text_arg::of_verbatim(request.non_cash ? rules.payment.payment_code_non_cash : rules.payment.payment_code_cash)}});
  if (!set.municipality_confirmed) set.notes.push_back({"slip.municipality_unconfirmed", {text_arg::of_verbatim(confirmed_codes(rules))}});
  set.notes.push_back({rules.office_for(planned.situation.city).pay_at == payment_place::mup_exchange_office ? "slip.where_to_pay_novi_sad"
                                                                                                               : "slip.where_to_pay",
                       {}});
  return set;
}

appointment_email make_appointment_email(const app_context& ctx, const planned_permit& planned,
                                         const std::vector<email_person>& names, const std::string& lang) {
  const permit_rules& rules = ctx.permit_rules;
  const permit_plan& plan = planned.plan;
  const permit_situation& s = planned.situation;
  // The body, after the subject line.
  const auto write = [&](const i18n::catalog& c) {
    std::ostringstream out;
    out << c.get("email.greeting") << "\n\n" << c.get("email.body") << "\n";
    std::size_t listed = 0;
    for (std::size_t i = 0; i < plan.people.size(); ++i) {
      const person_plan& p = plan.people[i];
      if (p.way != filing_way::in_person) continue;
      const email_person* who = i < names.size() ? &names[i] : nullptr;
      out << "\n" << ++listed << ".\n";
      for (const std::string& field : rules.appointment_email.fields) {
        std::string value = c.get("email.missing_field");
        if (field == "full_name" && who && !who->full_name.empty()) value = who->full_name;
        if (field == "birth_date" && who && who->birth_date) value = dotted(*who->birth_date);
        // The country's name in the e-mail's language ("Ruska Federacija"), and its code.
        if (field == "citizenship") value = c.get("country." + p.who.citizenship) + " (" + p.who.citizenship + ")";
        if (field == "ground") value = c.get("permit.ground." + p.ground + ".name");
        if (field == "last_entry" && s.last_entry) value = dotted(*s.last_entry);
        out << "   " << c.get("email.field." + field) << ": " << value << "\n";
      }
    }
    out << "\n" << c.get("email.closing") << "\n";
    return out.str();
  };
  const office& where = rules.office_for(s.city);
  appointment_email mail;
  mail.cited = &rules.appointment_email.cited;
  mail.reply_business_days_max = rules.appointment_email.reply_business_days_max;
  // Only Belgrade and Novi Sad take appointments by e-mail (rules/permit/offices.toml), and only
  // for those who file in person: an e-mail with nobody in it, or to an office that needs none,
  // would only confuse the police and the person.
  if (where.appointment != appointment_kind::email) {
    mail.not_needed = text{"email.not_needed.walk_in", {}};
    mail.cited = &where.cited;
    return mail;
  }
  if (std::none_of(plan.people.begin(), plan.people.end(), [](const person_plan& p) { return p.way == filing_way::in_person; })) {
    mail.not_needed = text{"email.not_needed.online", {}};
    return mail;
  }
  mail.office_address = where.address;
  mail.to = where.email;
  mail.subject = ctx.words("sr").get("email.subject");
  mail.body = write(ctx.words("sr"));
  mail.serbian = mail.subject + "\n\n" + mail.body;
  if (lang != "sr" && lang != "sr-Cyrl") mail.meaning = ctx.words(lang).get("email.subject") + "\n\n" + write(ctx.words(lang));
  return mail;
}

}  // namespace boravak::app
