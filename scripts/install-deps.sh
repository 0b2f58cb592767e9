#!/usr/bin/env bash
# Installs the Debian packages boravak needs, and only those that are missing, so that
# `make run` and `make test` work on a fresh Debian machine and cost nothing when all is there.
#
# Usage: install-deps.sh [run|test]     (default: test)
#   run   what building and running the `boravak` binary needs: the compiler, CMake, the
#         libraries it links (and their -dev packages), msgfmt for the catalogs, iso-codes for
#         the country names, python3 for the build-time checks, tzdata and CA certificates,
#         emscripten for the page's WebAssembly engine, cairo and pango with DejaVu fonts
#         for the printable slips
#   test  everything in `run`, plus what the tests, benchmarks and fuzzers need: GoogleTest,
#         Google Benchmark, clang, zbarimg, rsvg-convert and pdftotext/pdftoppm, PostgreSQL, wrk, curl, nginx, file (for the
#         Debian package test), Chromium,
#         Node.js and npm
set -euo pipefail

set_name="${1:-test}"

run_packages=(
  build-essential cmake pkg-config python3 gettext iso-codes tzdata ca-certificates
  libtomlplusplus-dev libsimdjson-dev libcli11-dev libhowardhinnant-date-dev nlohmann-json3-dev
  libboost-dev libboost-locale-dev libspdlog-dev libssl-dev libsqlite3-dev libpqxx-dev
  libcurl4-openssl-dev libical-dev libqrencode-dev libpng-dev libstemmer-dev libcsv-dev
  emscripten libcairo2-dev libpango1.0-dev fonts-dejavu-core
)
test_packages=(
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  zbar-tools librsvg2-bin poppler-utils
  postgresql wrk curl chromium nginx-light file
)

case "$set_name" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$set_name" = test ]; then
  # Node.js and npm run the browser tests only. A machine may already have them from elsewhere
  # (NodeSource ships npm inside its nodejs), where Debian's npm package would conflict.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages ($set_name set): ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Please run as root or install sudo: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
