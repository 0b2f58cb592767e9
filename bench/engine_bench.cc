// Google Benchmark: the engine alone, and one batch line from text to text.
//
// BM_evaluate/<stays>/<days per stay>: the cost must grow with the number of stays and stay
// flat when stays get longer (the engine works on runs, not days).
#include <benchmark/benchmark.h>

#include <simdjson.h>

#include "../src/io/case_json_reader.h"
#include "../src/io/result_json_writer.h"
#include "../src/rules_loader/rules_loader.h"
#include "boravak/citizenship.h"
#include "boravak/stay_engine.h"

namespace {

using namespace boravak;

stay_case make_case(regime_kind kind, int stays, int days_per_stay, plan_request::kind plan) {
  stay_case c;
  c.rule = {kind, 90, 180, 0, 6};
  if (kind == regime_kind::per_entry) c.rule.limit = 30;
  date day = *parse_iso_date("2020-01-01");
  for (int i = 0; i < stays; ++i) {
    const date entry = day + days{3 + (i % 5)};
    const date exit = entry + days{days_per_stay};
    c.stays.push_back({entry, exit});
    day = exit;
  }
  c.on = day + days{2};
  c.plan.what = plan;
  c.plan.entry_or_from = day + days{10};
  c.plan.length = 20;
  return c;
}

void BM_evaluate(benchmark::State& state, regime_kind kind, plan_request::kind plan) {
  const stay_case c = make_case(kind, int(state.range(0)), int(state.range(1)), plan);
  stay_calculator calculator;
  stay_result result;
  for (auto _ : state) {
    calculator.evaluate(c, result);
    benchmark::DoNotOptimize(result);
  }
  state.SetComplexityN(state.range(0));
}

void stay_shapes(benchmark::internal::Benchmark* b) {
  for (int stays : {1, 8, 64, 512}) b->Args({stays, 10});
  for (int length : {1, 100, 1000, 10000}) b->Args({8, length});
}

BENCHMARK_CAPTURE(BM_evaluate, rolling, regime_kind::rolling, plan_request::kind::none)->Apply(stay_shapes);
BENCHMARK_CAPTURE(BM_evaluate, fixed, regime_kind::fixed, plan_request::kind::none)->Apply(stay_shapes);
BENCHMARK_CAPTURE(BM_evaluate, per_entry, regime_kind::per_entry, plan_request::kind::none)->Apply(stay_shapes);
BENCHMARK_CAPTURE(BM_evaluate, rolling_earliest_entry, regime_kind::rolling, plan_request::kind::earliest_entry_for_length)->Apply(stay_shapes);
BENCHMARK_CAPTURE(BM_evaluate, fixed_earliest_entry, regime_kind::fixed, plan_request::kind::earliest_entry_for_length)->Apply(stay_shapes);

// One typical line: parse, check, evaluate, write. With a citizenship whose rule has two
// readings of equal standing (US: rolling and fixed 90 days), every reading is evaluated and
// each field takes its stricter value, so that line costs about two evaluations.
const char* const kStays =
    R"("stays":[{"entry":"2025-01-18","exit":"2025-01-29"},{"entry":"2025-02-25","exit":"2025-03-02"},{"entry":"2025-03-26","exit":"2025-04-04"},{"entry":"2025-04-13","exit":"2025-05-02"},{"entry":"2025-05-09","exit":"2025-05-28"},{"entry":"2025-05-30","exit":"2025-06-17"},{"entry":"2025-07-01","exit":"2025-07-09"},{"entry":"2025-07-20"}],"on":"2025-07-22"})";

void BM_batch_line(benchmark::State& state, const char* who) {
  static const rule_set rules = rules_loader::load_rules(BORAVAK_BENCH_RULES_DIR);
  io::case_json_reader reader(rules);
  io::parsed_case parsed;
  stay_calculator calculator;
  stay_result result;
  std::vector<reading_answer> answers;
  std::string line = std::string(R"({"id":"c1",)") + who + "," + kStays;
  const std::size_t size = line.size();
  line.append(simdjson::SIMDJSON_PADDING, ' ');
  std::string out;
  for (auto _ : state) {
    out.clear();
    if (reader.read(std::string_view(line.data(), size), parsed)) state.SkipWithError("the line should be valid");
    if (parsed.readings_from != nullptr) {
      evaluate_readings(calculator, parsed.data, rules, *parsed.readings_from, answers);
      io::append_readings_result_line(out, parsed.id_json, answers);
    } else {
      calculator.evaluate(parsed.data, result);
      io::append_result_line(out, parsed.id_json, result);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(size));
}
BENCHMARK_CAPTURE(BM_batch_line, regime, R"("regime":{"kind":"rolling","limit":90,"window":180})");
BENCHMARK_CAPTURE(BM_batch_line, one_reading, R"("citizenship":"RU")");
BENCHMARK_CAPTURE(BM_batch_line, two_readings, R"("citizenship":"US")");

}  // namespace

BENCHMARK_MAIN();
