// The agency workspace's speed (issue 16): importing 1,000 clients with 8 trips each (target
// under 1 s), the dashboard of 10,000 clients (under 200 ms), and one stay report PDF once the
// fonts are loaded (under 50 ms). SQLite in a temporary folder; the HTTP layer is not included.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <unistd.h>

#include "app/agency_dashboard.h"
#include "app/agency_import.h"
#include "app/agency_service.h"
#include "app/app_setup.h"
#include "render/stay_report_pdf.h"

namespace {

using namespace boravak;

app::app_context& app() {
  static std::unique_ptr<app::app_context> state = [] {
    const auto folder = std::filesystem::temp_directory_path() / ("boravak-agency-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    auto ctx = std::make_unique<app::app_context>();
    if (!app::open_app_context(*ctx, app::default_folders(BORAVAK_BENCH_RULES_DIR), "sqlite:" + (folder / "bench.sqlite").string()))
      std::abort();
    return ctx;
  }();
  return *state;
}

const date kOn = *parse_iso_date("2026-12-05");

// `clients` people with `trips` trips each, one CSV row per trip, that never overlap.
std::string client_csv(int clients, int trips, const std::string& prefix) {
  static const char* kCountries[] = {"RU", "UA", "BY", "US", "DE", "CN", "TR", "GB"};
  std::mt19937 rng(42);
  std::string csv = "client,name,citizenship,entry,exit\n";
  for (int c = 0; c < clients; ++c) {
    date day = kOn - days{400};
    for (int t = 0; t < trips; ++t) {
      day += days{1 + static_cast<int>(rng() % 20)};
      const date exit = day + days{static_cast<int>(rng() % 25)};
      csv += prefix + std::to_string(c) + ",Client " + std::to_string(c) + "," + kCountries[c % 8] + "," + to_iso_string(day) + "," +
             (t + 1 == trips && exit >= kOn ? std::string() : to_iso_string(exit)) + "\n";
      day = exit + days{1};
    }
  }
  return csv;
}

void BM_Import1000ClientsWith8Trips(benchmark::State& state) {
  const std::string csv = client_csv(1000, 8, "I-");
  const std::int64_t agency = app::agency_service(app()).create("import bench").agency;
  for (auto _ : state) {
    const auto done = app::import_clients(app(), agency, csv);
    if (done.clients != 1000) state.SkipWithError("not every client was stored");
    benchmark::DoNotOptimize(done);
  }
}
BENCHMARK(BM_Import1000ClientsWith8Trips)->Unit(benchmark::kMillisecond);

void BM_DashboardOf10000Clients(benchmark::State& state) {
  static const std::int64_t agency = [] {
    const std::int64_t id = app::agency_service(app()).create("dashboard bench").agency;
    (void)app::import_clients(app(), id, client_csv(10000, 4, "D-"));
    return id;
  }();
  for (auto _ : state) {
    const auto rows = app::agency_dashboard(app(), agency, kOn);
    if (rows.size() != 10000) state.SkipWithError("not every client is on the dashboard");
    benchmark::DoNotOptimize(rows);
  }
}
BENCHMARK(BM_DashboardOf10000Clients)->Unit(benchmark::kMillisecond);

void BM_StayReportPdf(benchmark::State& state) {
  const std::string body =
      R"({"name":"Ivan Petrov","citizenship":"RU","trips":[{"entry":"2026-09-01","exit":"2026-09-28"},{"entry":"2026-10-15","exit":"2026-11-20"},{"entry":"2026-11-25","exit":null}],"permit":null})";
  const i18n::catalog& words = app().words("ru");
  benchmark::DoNotOptimize(render::client_stay_report_pdf(app(), "R-1", body, kOn, words));  // the fonts load once
  for (auto _ : state) benchmark::DoNotOptimize(render::client_stay_report_pdf(app(), "R-1", body, kOn, words));
}
BENCHMARK(BM_StayReportPdf)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
