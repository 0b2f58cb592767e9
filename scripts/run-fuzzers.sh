#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under ASan/UBSan and runs each for N seconds
# (default 60; the acceptance run is 600: `scripts/run-fuzzers.sh 600`). A crash, leak or
# sanitizer report fails the run and leaves the input in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBORAVAK_FUZZ=ON -DBORAVAK_TESTS=OFF -DBORAVAK_BENCH=OFF > /tmp/boravak-fuzz-cmake.log 2>&1 || { cat /tmp/boravak-fuzz-cmake.log; exit 1; }
targets=(case_parser_fuzz stamp_parser_fuzz situation_parser_fuzz payment_fuzz api_input_fuzz bot_input_fuzz
         http_head_fuzz batch_lines_fuzz rules_toml_fuzz guide_search_fuzz slips_reader_fuzz ics_writer_fuzz webhook_fuzz
         client_csv_fuzz)
cmake --build build-fuzz -j2 --target "${targets[@]}"
for target in "${targets[@]}"; do
  seeds="fuzz/seeds/${target%%_*}"
  [ "$target" = stamp_parser_fuzz ] && seeds=fuzz/seeds/stamps
  [ "$target" = api_input_fuzz ] && seeds=fuzz/seeds/api
  [ "$target" = bot_input_fuzz ] && seeds=fuzz/seeds/bot
  corpus="build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  echo "== $target for ${seconds}s"
  (cd build-fuzz && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "./$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    "corpus-$target" "../$seeds" 2>&1 | tail -n 12)
done
