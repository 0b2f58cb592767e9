#!/usr/bin/env bash
# Installs the Debian packages boravak needs, and only those that are missing, so that
# `make run` and `make test` work on a fresh Debian machine and cost nothing when all is there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3 tzdata
  libtomlplusplus-dev libsimdjson-dev libcli11-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  libboost-locale-dev gettext iso-codes nlohmann-json3-dev libical-dev libqrencode-dev libpng-dev
  zbar-tools librsvg2-bin
  libboost-dev libspdlog-dev libssl-dev libsqlite3-dev libpqxx-dev libcurl4-openssl-dev
  postgresql wrk chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run the browser tests only. A machine may already have them from elsewhere
# (NodeSource ships npm inside its nodejs), where Debian's npm package would conflict.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Please run as root or install sudo: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
