// libFuzzer target for the rules loader (src/rules_loader/, and the guides' loader in
// src/content/) on a mutated rules file. The loaders read a whole folder, so the real rules/ and
// guides/ are copied once into a fresh mkdtemp folder; for each input the first byte picks one
// of the files below, the rest of the input replaces that file's text, and the rules
// (load_rules), the permit rules (load_permit_rules) and the guides (load_guides) are loaded
// from the copy; then the file gets its real text back. Invariants, each a crash when broken:
//  - the unchanged copy loads (checked once, at start);
//  - each loader either loads or throws rules_loader::rules_error whose message names a file
//    under "rules/" (rules_loader.h: "the error names the file, the line and what is wrong");
//    any other exception is a finding and aborts, as would any crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "content/guide_library.h"
#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"

namespace {

namespace fs = std::filesystem;

// Every file the loaders read, relative to rules/. The index is the input's first byte modulo
// the count, so seeds keep their meaning: append new files at the end.
constexpr const char* kFiles[] = {
    "stay/citizenship.toml",      // 0
    "stay/regimes.toml",          // 1
    "stay/visas.toml",            // 2
    "stay/fines.toml",            // 3
    "stay/special_grounds.toml",  // 4
    "permit/fees.toml",           // 5
    "permit/grounds.toml",        // 6
    "permit/deadlines.toml",      // 7
    "permit/documents.toml",      // 8
    "permit/family.toml",         // 9
    "permit/offices.toml",        // 10
    "permit/payment.toml",        // 11
    "registration/address.toml",  // 12
    "visarun/cities.toml",        // 13
    "visarun/crossings.toml",     // 14
    "visarun/neighbour_entry.toml",  // 15
    "sources/stay.toml",          // 16
    "sources/permit.toml",        // 17
    "sources/acts.toml",          // 18
    "sources/guides.toml",        // 19
    "sources/visarun.toml",       // 20
    "countries.toml",             // 21
    "../guides/topics.toml",      // 22
};
constexpr std::size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

fs::path& copy_root() {
  static fs::path root;
  return root;
}
fs::path rules_copy() { return copy_root() / "rules"; }
std::string originals[kFileCount];

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) std::abort();
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) std::abort();
}

void remove_copy() {
  std::error_code ignored;
  if (!copy_root().empty()) fs::remove_all(copy_root(), ignored);
}

// Runs one loader: it loads, or refuses with a rules_error that names a rules file.
template <class Load>
void expect_loads_or_refuses(Load load) {
  try {
    load();
  } catch (const boravak::rules_loader::rules_error& e) {
    if (!std::string_view(e.what()).starts_with("rules/")) {
      std::fprintf(stderr, "rules_error without a file: %s\n", e.what());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "not a rules_error: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "not a std::exception\n");
    std::abort();
  }
}

void load_everything() {
  const fs::path dir = rules_copy();
  expect_loads_or_refuses([&] { (void)boravak::rules_loader::load_rules(dir); });
  expect_loads_or_refuses([&] { (void)boravak::rules_loader::load_permit_rules(dir); });
  expect_loads_or_refuses([&] { (void)boravak::content::load_guides(dir); });
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string pattern = (fs::temp_directory_path() / "boravak-rules-fuzz-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  copy_root() = pattern;
  std::atexit(remove_copy);
  const fs::path rules(BORAVAK_FUZZ_RULES_DIR);
  fs::copy(rules, rules_copy(), fs::copy_options::recursive);
  fs::copy(rules.parent_path() / "guides", copy_root() / "guides", fs::copy_options::recursive);
  for (std::size_t i = 0; i < kFileCount; ++i) originals[i] = read_all(rules_copy() / kFiles[i]);
  // The real rules load: every refusal later is the input's doing.
  (void)boravak::rules_loader::load_rules(rules_copy());
  (void)boravak::rules_loader::load_permit_rules(rules_copy());
  (void)boravak::content::load_guides(rules_copy());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t which = data[0] % kFileCount;
  const fs::path file = rules_copy() / kFiles[which];
  write_all(file, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  load_everything();
  write_all(file, originals[which]);
  return 0;
}
