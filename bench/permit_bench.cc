// Permit plans: a family of four (issue 3 asks for under 1 ms per plan), the plan rendered as
// text in Russian, and the payment pieces (model 97 reference and IPS QR payload).
#include <benchmark/benchmark.h>

#include "boravak/payment/fee_slip.h"
#include "boravak/permit/permit_plan.h"
#include "i18n/catalog.h"
#include "render/plan_report.h"
#include "rules_loader/permit_loader.h"

namespace {

using namespace boravak;

const permit::permit_rules& rules() {
  static const auto loaded = rules_loader::load_permit_rules(BORAVAK_BENCH_RULES_DIR);
  return loaded;
}

permit::permit_situation family_of_four() {
  permit::permit_situation s;
  s.ground = "employment";
  s.city = "belgrade";
  s.main.citizenship = "RU";
  s.main.age = 38;
  s.family = {{permit::relation::spouse, 36, "", "", {}}, {permit::relation::child, 11, "", "", {}},
              {permit::relation::child, 4, "", "", {}}};
  s.last_entry = parse_iso_date("2026-11-01");
  s.last_lawful_day = parse_iso_date("2026-11-30");
  s.passport_expires = parse_iso_date("2030-01-31");
  s.requested_term_months = 12;
  return s;
}

void BM_FamilyOfFourPlan(benchmark::State& state) {
  const auto s = family_of_four();
  const date on = *parse_iso_date("2026-11-21");
  permit::permit_plan plan;
  permit::plan_error error;
  for (auto _ : state) {
    const bool ok = permit::make_permit_plan(rules(), s, on, plan, error);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(plan.people.data());
  }
}
BENCHMARK(BM_FamilyOfFourPlan);

void BM_FamilyOfFourPlanAsRussianText(benchmark::State& state) {
  const auto s = family_of_four();
  const date on = *parse_iso_date("2026-11-21");
  const i18n::catalog words(BORAVAK_BENCH_LOCALE_DIR, "ru");
  permit::permit_plan plan;
  permit::plan_error error;
  for (auto _ : state) {
    permit::make_permit_plan(rules(), s, on, plan, error);
    std::string text = render::plan_text(plan, words);
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_FamilyOfFourPlanAsRussianText);

void BM_IpsPayload(benchmark::State& state) {
  permit::fee_line fee;
  fee.item = "approval_trp";
  fee.amount = 23450;
  for (auto _ : state) {
    const auto made = payment::make_fee_slip(rules().payment, fee, "019", "Ivan Petrov, Beograd", true);
    std::string payload;
    benchmark::DoNotOptimize(payment::build_ips_payload(made.filled, rules().payment.ips, payload));
    benchmark::DoNotOptimize(payload.data());
  }
}
BENCHMARK(BM_IpsPayload);

}  // namespace
