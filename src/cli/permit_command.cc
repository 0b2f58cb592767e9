// `boravak permit plan|grounds|fees|slip|email` and `boravak guide search|show|list`.
#include "permit_command.h"

#include <fstream>
#include <optional>
#include <iostream>

#include "app/papers.h"
#include "app/permit_planning.h"
#include "boravak/permit/fee_schedule.h"
#include "content/guide_library.h"
#include "io/calendar_export.h"
#include "papers.h"
#include "permit_situation_build.h"
#include "render/plan_pdf.h"
#include "render/plan_report.h"

namespace boravak::cli {
namespace {

void add_situation_options(CLI::App* c, permit_options& o) {
  c->add_option("--lang", o.lang, "language: en, ru, uk, sr (Latin) or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  c->add_option("--on", o.on, "the planning date (default: today in Belgrade)");
  c->add_option("--situation", o.situation_file, "a JSON or TOML file with the situation (docs/permit-plan.md)");
  c->add_option("--citizenship,-c", o.citizenship, "two-letter country code, e.g. RU");
  c->add_option("--ground", o.ground, "ground of the main applicant (`boravak permit grounds`)");
  c->add_option("--kind", o.kind, "first or renewal");
  c->add_option("--city", o.city, "city where you live: belgrade, novi_sad, nis, ...");
  c->add_option("--age", o.age, "the main applicant's age");
  c->add_option("--family", o.family, "family members filing too: spouse:34 partner:30 child:8 (add :UA for another citizenship)");
  c->add_option("--permit-expires", o.permit_expires, "last day of the current permit (renewals)");
  c->add_option("--last-entry", o.last_entry, "date of your last entry into Serbia (first applications)");
  c->add_option("--stamps", o.stamps, "passport stamps, to count your short stay exactly: \"+2026-09-01 -2026-09-20 +2026-11-01\"");
  c->add_option("--passport-expires", o.passport_expires, "passport expiry, to check it covers the permit");
  c->add_option("--term-months", o.term_months, "the term you will ask for, in months");
  c->add_option("--residence-since", o.residence_since, "first day of your first temporary residence (for permanent residence)");
  c->add_option("--joins", o.joins, "on a family ground: foreign_resident or serbian_citizen");
  c->add_flag("--sponsor-employed", o.sponsor_employed, "the family member you join works in Serbia");
  c->add_flag("--in-person", o.in_person, "file in person where both ways are open");
}

// The plan for the options, or std::runtime_error with the problem in the person's language.
app::planned_permit make_plan(const app::app_context& ctx, permit_options& o, const i18n::catalog& words) {
  if (o.interactive) run_interview(o, words);
  const date on = planning_day(o, ctx, words);
  permit_input in = build_situation(o, words);
  auto planned = app::plan_permit(ctx, std::move(in.situation), in.stamps, on);
  if (!planned) throw std::runtime_error(words.render(planned.error().message));
  return std::move(planned.value());
}

int list_grounds(const permit::permit_rules& rules, const i18n::catalog& w) {
  for (const permit::ground& g : rules.grounds)
    std::cout << g.id << "\t" << w.get("permit.ground." + g.id + ".name") << "\n";
  return 0;
}

int show_fees(const app::app_context& ctx, const permit_options& o, const i18n::catalog& w) {
  const permit::permit_rules& rules = ctx.permit_rules;
  const date on = planning_day(o, ctx, w);
  const permit::fee_set* current = permit::fee_set_on(rules, on);
  for (const permit::fee_set& set : rules.fee_sets) {
    // A set is named by its dates, never by its id; "*" marks the one in force on the day.
    std::string key = set.start_estimated ? "rules.fee_set.estimated" : "rules.fee_set";
    std::vector<text_arg> args{text_arg::of_day(set.from)};
    if (set.to) {
      key += ".until";
      args.push_back(text_arg::of_day(*set.to));
    }
    std::cout << (&set == current ? "* " : "  ") << w.render({key, args}) << "\n";
    std::cout << "    " << w.cited(set.cited) << "\n";
    for (const permit::fee_item& item : set.items)
      std::cout << "    - " << w.get("permit.fee." + item.id) << ": " << w.amount_text(item.amount) << "\n";
  }
  if (current == nullptr) std::cout << w.render({"permit.notice.no_fees_on_record", {text_arg::of_day(on)}}) << "\n";
  return 0;
}

int guide_commands(const app::app_context& ctx, const permit_commands& c, const permit_options& o) {
  const i18n::catalog& words = ctx.words(o.lang);
  const auto& guides = ctx.guides;
  const auto show = [&](const content::guide& g) {
    std::cout << words.get(g.title_key) << "\n\n";
    for (const std::string& key : g.paragraph_keys) std::cout << words.get(key) << "\n\n";
    // Each line names itself "Source:" or "Sources:", so no heading above them.
    for (const citation& c : g.sources) std::cout << words.cited(c) << "\n";
  };
  if (*c.guide_list) {
    for (const content::guide& g : guides) std::cout << g.id << "\t" << words.get(g.title_key) << "\n";
    return 0;
  }
  if (*c.guide_show) {
    for (const content::guide& g : guides)
      if (g.id == o.guide_id) return show(g), 0;
    std::cerr << "boravak: " << words.format("guide.search.none", {o.guide_id}) << "\n";
    return 1;
  }
  std::string query;
  for (const std::string& q : o.query) query += (query.empty() ? "" : " ") + q;
  const auto hits = ctx.guide_search().search(query);
  if (hits.empty()) {
    std::cout << words.format("guide.search.none", {query}) << "\n";
    return 1;
  }
  std::cout << words.render({"guide.search.results", {text_arg::of_number(static_cast<long long>(hits.size())), text_arg::of_verbatim(query)}}) << "\n";
  for (const content::guide_hit& h : hits)
    std::cout << "  " << h.topic->id << "\t" << words.get(h.topic->title_key) << "\n";
  std::cout << "\n";
  show(*hits.front().topic);
  return 0;
}

}  // namespace

permit_commands add_permit_commands(CLI::App& app, permit_options& o) {
  permit_commands c;
  CLI::App* permit = app.add_subcommand("permit", "residence permits: plan, grounds, fees, payment slips, appointment e-mail");
  permit->require_subcommand(1);
  permit->add_option("--lang", o.lang, "language: en, ru, uk, sr (Latin) or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  c.plan = permit->add_subcommand("plan", "who files how, with which documents and fees, in which order, by when");
  add_situation_options(c.plan, o);
  c.plan->add_flag("--interactive,-i", o.interactive, "ask the questions one by one");
  c.plan->add_flag("--json", o.json, "print JSON instead of text");
  c.plan->add_option("--ics", o.ics_file, "also write the dated deadlines as an iCalendar file");
  c.plan->add_option("--pdf", o.pdf_file, "also write the plan as a PDF file for printing");
  c.plan->add_option("--municipality", o.municipality, "with --pdf: end the PDF with the payment slips, for this municipality's code");
  c.plan->add_option("--payer", o.payer, "with --municipality: the payer's name and address, as printed on the slips");
  c.grounds = permit->add_subcommand("grounds", "the grounds for a permit");
  c.grounds->add_option("--lang", o.lang, "language: en, ru, uk, sr or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  c.fees = permit->add_subcommand("fees", "the fee sets on record, by date, with sources");
  c.fees->add_option("--lang", o.lang, "language: en, ru, uk, sr or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  c.fees->add_option("--on", o.on, "mark the set in force on this date (default: today in Belgrade)");
  c.slip = permit->add_subcommand("slip", "payment slips (uplatnica) with NBS IPS QR codes for fees paid in person");
  add_situation_options(c.slip, o);
  c.slip->add_option("--municipality", o.municipality, "your municipality's code for the reference, e.g. 019 (Voždovac)")->required();
  c.slip->add_option("--payer", o.payer, "payer's name and address, as printed on the slip");
  c.slip->add_option("--out", o.out_dir, "folder for slips.pdf and the QR images (SVG and PNG); default: slips.pdf in the current folder");
  c.slip->add_flag("--non-cash", o.non_cash, "paying from an account (payment code 2xx) rather than in cash");
  c.email = permit->add_subcommand("email", "the e-mail asking the police for an appointment (Belgrade, Novi Sad)");
  add_situation_options(c.email, o);
  c.email->add_option("--names", o.names, "\"Name Surname:1990-05-01;Child Name:2018-03-02\" in the order of the plan");

  CLI::App* guide = app.add_subcommand("guide", "short guides: visa runs, beli karton, permits, and more");
  guide->require_subcommand(1);
  guide->add_option("--lang", o.lang, "language: en, ru, uk, sr (Latin) or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  c.guide_search = guide->add_subcommand("search", "find guides by words in any of our languages");
  c.guide_search->add_option("words", o.query, "what to look for")->required();
  c.guide_show = guide->add_subcommand("show", "show one guide");
  c.guide_show->add_option("id", o.guide_id, "the guide's id (`boravak guide list`)")->required();
  c.guide_list = guide->add_subcommand("list", "list the guides");
  for (CLI::App* g : {c.guide_search, c.guide_show, c.guide_list})
    g->add_option("--lang", o.lang, "language: en, ru, uk, sr or sr-Cyrl")->check(CLI::IsMember({"en", "ru", "uk", "sr", "sr-Cyrl"}));
  return c;
}

int run_permit_commands(const permit_commands& c, const permit_options& options, const app::app_context& ctx) {
  const bool chosen = *c.plan || *c.grounds || *c.fees || *c.slip || *c.email || *c.guide_search || *c.guide_show || *c.guide_list;
  if (!chosen) return -1;
  permit_options o = options;
  if (*c.guide_search || *c.guide_show || *c.guide_list) return guide_commands(ctx, c, o);
  const i18n::catalog& words = ctx.words(o.lang);
  if (*c.grounds) return list_grounds(ctx.permit_rules, words);
  if (*c.fees) return show_fees(ctx, o, words);

  const app::planned_permit planned = make_plan(ctx, o, words);
  if (*c.slip) {
    const auto set = app::prepare_slips(ctx, planned, {o.municipality, o.payer, o.non_cash});
    if (!set) throw std::runtime_error(words.render(set.error().message));
    std::cout << slips_text(planned, set.value(), o.out_dir, words);
    // The printable slips go next to the QR images, or into the current folder.
    std::cout << write_slips_pdf(planned, set.value(), o.out_dir, words, ctx.words("sr"));
    return 0;
  }
  if (*c.email) {
    const auto names = email_names(o.names, words);
    if (names.size() > planned.plan.people.size()) throw std::runtime_error(words.get("cli.error.too_many_names"));
    std::cout << appointment_email_text(app::make_appointment_email(ctx, planned, names, o.lang), words);
    return 0;
  }
  std::cout << (o.json ? render::plan_json(planned.plan, words) : render::plan_text(planned.plan, words));
  if (!o.json) std::cout << "\n" << words.get("plan.papers_hint") << "\n";
  if (!o.pdf_file.empty()) {
    std::ofstream pdf(o.pdf_file, std::ios::binary);
    // With a municipality code, the plan ends with its payment slips, as `permit slip` draws them.
    std::optional<app::slip_set> set;
    if (!o.municipality.empty()) {
      auto made = app::prepare_slips(ctx, planned, {o.municipality, o.payer, o.non_cash});
      if (!made) throw std::runtime_error(words.render(made.error().message));
      set = std::move(made.value());
    }
    pdf << (set ? render::plan_pdf_with_slips(planned, *set, words, ctx.words("sr")) : render::plan_pdf(planned.plan, words));
    if (!pdf) throw std::runtime_error(words.format("cli.error.cannot_write", {o.pdf_file}));
  }
  if (!o.ics_file.empty()) {
    std::ofstream ics(o.ics_file, std::ios::binary);
    ics << io::plan_to_ics(planned.plan, app::person_key(planned.situation), words, ctx.permit_rules.deadlines.alarm_days_before);
    if (!ics) throw std::runtime_error(words.format("cli.error.cannot_write", {o.ics_file}));
  }
  return 0;
}

}  // namespace boravak::cli
