// The bot's own time per answer (issue 5: under 50 ms): one update through the dialog engine
// with the store on SQLite in a temporary folder, for a cheap command (/in then /out), the
// status report, and a whole permit plan. The network is not included: that is Telegram's.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <cstdlib>
#include <unistd.h>

#include "app/app_setup.h"
#include "bot/dialog_engine.h"
#include "store/utc_time.h"

namespace {

using namespace boravak;

app::app_context& app() {
  static std::unique_ptr<app::app_context> state = [] {
    const auto folder = std::filesystem::temp_directory_path() / ("boravak-bot-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    auto ctx = std::make_unique<app::app_context>();
    if (!app::open_app_context(*ctx, app::default_folders(BORAVAK_BENCH_RULES_DIR), "sqlite:" + (folder / "bench.sqlite").string()))
      std::abort();
    return ctx;
  }();
  return *state;
}

const date kToday = *parse_iso_date("2026-11-21");

void say(bot::dialog_engine& engine, std::int64_t chat, const std::string& text, bool button = false) {
  bot::incoming in{chat, "ru", button ? "" : text, button ? text : "", button ? "cb" : "", 0, "private"};
  benchmark::DoNotOptimize(engine.handle(in, kToday, store::utc_text(app().now->now())));
}

void onboard(bot::dialog_engine& engine, std::int64_t chat) {
  say(engine, chat, "/start");
  say(engine, chat, "ru", true);
  say(engine, chat, "RU", true);
  say(engine, chat, "no", true);
}

void BM_EntryAndExit(benchmark::State& state) {
  bot::dialog_engine engine(app(), {});
  onboard(engine, 1001);
  for (auto _ : state) {
    say(engine, 1001, "/in");
    say(engine, 1001, "/out");
  }
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_EntryAndExit)->Unit(benchmark::kMillisecond);

void BM_Status(benchmark::State& state) {
  bot::dialog_engine engine(app(), {});
  onboard(engine, 1002);
  say(engine, 1002, "/in");
  for (auto _ : state) say(engine, 1002, "/status");
}
BENCHMARK(BM_Status)->Unit(benchmark::kMillisecond);

void BM_PermitPlan(benchmark::State& state) {
  bot::dialog_engine engine(app(), {});
  onboard(engine, 1003);
  for (auto _ : state) {
    say(engine, 1003, "/permit");
    say(engine, 1003, "employment", true);
    say(engine, 1003, "first", true);
    say(engine, 1003, "child", true);
    say(engine, 1003, "7");
    say(engine, 1003, "done", true);
  }
  state.SetItemsProcessed(state.iterations() * 6);
}
BENCHMARK(BM_PermitPlan)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
