#!/usr/bin/env bash
# The Debian package (cmake/packaging.cmake) holds what an installed boravak needs, and the
# binary out of it answers with the data out of it.
# Usage: package_test.sh BUILD_DIR
#
# Runs cpack in BUILD_DIR (which must be built: cpack installs, it does not build), with the
# package written to a scratch folder, then unpacks the .deb with dpkg-deb into a scratch root
# and checks its files, its control data, and the extracted binary: `boravak stay` on the
# command line, and `boravak serve` with its web page. The binary is pointed at
# <root>/usr/share/boravak with BORAVAK_RULES and BORAVAK_LOCALE, as the systemd units do.
# Exit 77 (skipped) without cpack, dpkg-deb or dpkg-shlibdeps.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
for tool in cpack dpkg-deb dpkg-shlibdeps python3 curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed: skipped"
    exit 77
  fi
done
build="$(cd "$1" && pwd)"
if [[ ! -f $build/CPackConfig.cmake ]]; then
  echo "FAIL - $build/CPackConfig.cmake is missing: is cmake/packaging.cmake included by CMakeLists.txt?"
  exit 1
fi
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

. "$(dirname "$0")/../lib/checks.sh"

# The package, into the scratch folder so that the build folder gains no .deb and an old one
# cannot be picked up.
if ! (cd "$build" && cpack -G DEB -B "$tmp/out" --config "$build/CPackConfig.cmake") >"$tmp/cpack.log" 2>&1; then
  echo "FAIL - cpack -G DEB"
  tail -n 40 "$tmp/cpack.log"
  exit 1
fi
shopt -s nullglob
debs=("$tmp"/out/boravak_*.deb)
shopt -u nullglob
if [[ ${#debs[@]} -ne 1 ]]; then
  echo "FAIL - expected one boravak_*.deb from cpack, found ${#debs[@]}"
  ls -l "$tmp/out" || true
  exit 1
fi
deb="${debs[0]}"
pass "cpack made $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# Control data.
field() { dpkg-deb -f "$deb" "$1"; }
if [[ $(field Package) == boravak ]]; then
  pass "Package: boravak"
else
  fail "Package is \"$(field Package)\", not boravak"
fi
if [[ $(field Section) == web ]]; then
  pass "Section: web"
else
  fail "Section is \"$(field Section)\""
fi
if [[ -n $(field Maintainer) ]]; then
  pass "Maintainer: $(field Maintainer)"
else
  fail "no Maintainer"
fi
depends="$(field Depends)"
# dpkg-shlibdeps read the binary: the C library and the libraries we link are there.
if [[ $depends == *libc6* && $depends == *libsqlite3* && $depends == *libssl* ]]; then
  pass "Depends comes from the binary's libraries (libc6, libsqlite3, libssl, …)"
else
  fail "Depends lacks the binary's libraries (is CPACK_DEBIAN_PACKAGE_SHLIBDEPS on?)" "Depends: $depends"
fi
dpkg-deb -e "$deb" "$tmp/control"
if [[ -f $tmp/control/conffiles ]] && grep -q -x '/etc/default/boravak' "$tmp/control/conffiles"; then
  pass "/etc/default/boravak is a conffile"
else
  fail "/etc/default/boravak is not listed in the package's conffiles"
fi
for script in postinst prerm postrm; do
  if [[ -x $tmp/control/$script ]] && sh -n "$tmp/control/$script"; then
    pass "maintainer script $script is there, executable and parses"
  else
    fail "maintainer script $script is missing, not executable or does not parse"
  fi
done

# The files.
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
share="$root/usr/share/boravak"
expect_file() {
  if [[ -f $root/$1 ]]; then pass "has /$1"; else fail "no /$1 in the package"; fi
}
if [[ -x $root/usr/bin/boravak ]]; then
  pass "has /usr/bin/boravak, executable"
else
  fail "no executable /usr/bin/boravak"
fi
expect_file usr/share/boravak/rules/countries.toml
expect_file usr/share/boravak/rules/stay/regimes.toml
expect_file usr/share/boravak/rules/permit/fees.toml
expect_file usr/share/boravak/guides/topics.toml
expect_file usr/share/boravak/web/index.html
expect_file usr/share/boravak/api/openapi.json
expect_file usr/share/boravak/wasm/boravak-engine.js
expect_file usr/share/boravak/wasm/boravak-engine.wasm
for lang in en ru uk sr; do
  expect_file "usr/share/boravak/locale/$lang/LC_MESSAGES/boravak.mo"
done
expect_file usr/lib/systemd/system/boravak.service
expect_file usr/lib/systemd/system/boravak-bot.service
expect_file etc/default/boravak
expect_file usr/share/doc/boravak/deploy.md
expect_file usr/share/doc/boravak/examples/boravak.conf
expect_file usr/share/doc/boravak/examples/Caddyfile
# The merged .po files made on the way to the catalogs stay out.
stray="$(find "$share/locale" -type f ! -name '*.mo' | head -n 3)"
if [[ -z $stray ]]; then
  pass "only .mo files under locale/"
else
  fail "files other than catalogs under locale/" "$stray"
fi
# Every file in the package is in a folder that a system package may use.
outside="$(find "$root" -type f -printf '/%P\n' | grep -v -E '^/(usr/bin|usr/share|usr/lib/systemd/system|etc/default)/' | head -n 5)" || true
if [[ -z $outside ]]; then
  pass "no files outside /usr/bin, /usr/share, /usr/lib/systemd/system, /etc/default"
else
  fail "unexpected paths" "$outside"
fi
# The units point at the same places as the package.
if grep -q '^Environment=BORAVAK_RULES=/usr/share/boravak/rules$' "$root/usr/lib/systemd/system/boravak.service" &&
  grep -q '^Environment=BORAVAK_LOCALE=/usr/share/boravak/locale$' "$root/usr/lib/systemd/system/boravak.service" &&
  grep -q '^ExecStart=/usr/bin/boravak serve ' "$root/usr/lib/systemd/system/boravak.service"; then
  pass "boravak.service runs /usr/bin/boravak with the package's rules and catalogs"
else
  fail "boravak.service does not point at /usr/bin/boravak and /usr/share/boravak"
fi

# The binary out of the package, with the data out of the package and nothing from the
# environment of whoever runs the test.
run_packaged() {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 \
    BORAVAK_RULES="$share/rules" BORAVAK_LOCALE="$share/locale" BORAVAK_DATA="$tmp/data" \
    "$root/usr/bin/boravak" "$@"
}
mkdir -p "$tmp/home"
status=0
run_packaged stay -c RU --stamps "+2026-11-01" --on 2026-11-10 --lang en --json >"$tmp/stay.json" 2>"$tmp/stay.err" || status=$?
if [[ $status -eq 0 ]] && python3 - "$tmp/stay.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["result"]
want = {"days_used": 10, "days_left": 20, "last_legal_day": "2026-11-30", "overstay_days": 0, "present": True}
got = {k: r.get(k) for k in want}
if got != want:
    print("got %s, want %s" % (got, want))
    sys.exit(1)
PY
then
  pass "boravak stay -c RU --stamps +2026-11-01 --on 2026-11-10: 10 days used, 20 left, last day 2026-11-30"
else
  fail "boravak stay from the package" "exit status $status" "$(head -c 400 "$tmp/stay.err")" "$(head -c 400 "$tmp/stay.json")"
fi
# In words, in English and in Russian: the catalogs load from the package.
status=0
run_packaged stay -c RU --stamps "+2026-11-01" --on 2026-11-10 --lang en >"$tmp/stay.txt" 2>"$tmp/stay.err" || status=$?
if [[ $status -eq 0 ]] && grep -q 'Days used: 10 of 30' "$tmp/stay.txt" && grep -q '30 November 2026' "$tmp/stay.txt"; then
  pass "the text answer in English reads \"Days used: 10 of 30\" and the last day"
else
  fail "the text answer in English" "exit status $status" "$(head -c 400 "$tmp/stay.err")" "$(head -n 8 "$tmp/stay.txt")"
fi
status=0
run_packaged stay -c RU --stamps "+2026-11-01" --on 2026-11-10 --lang ru >"$tmp/stay.ru" 2>"$tmp/stay.err" || status=$?
if [[ $status -eq 0 ]] && python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if sum("\u0400" <= c <= "\u04ff" for c in text) > 100 else 1)' "$tmp/stay.ru"; then
  pass "the text answer in Russian is in Cyrillic"
else
  fail "the text answer in Russian" "exit status $status" "$(head -c 400 "$tmp/stay.err")" "$(head -n 8 "$tmp/stay.ru")"
fi

# boravak serve from the package: it starts only when it finds the web page and
# api/openapi.json beside the rules, and then serves them.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
run_packaged serve --listen "127.0.0.1:$port" --db "sqlite:$tmp/data/boravak.sqlite" >"$tmp/serve.log" 2>&1 &
server_pid=$!
up=""
for _ in $(seq 1 300); do
  kill -0 "$server_pid" 2>/dev/null || break
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/v1/health"; then
    up=yes
    break
  fi
  sleep 0.1
done
if [[ -n $up ]]; then
  health="$(curl -s --max-time 5 "http://127.0.0.1:$port/v1/health")"
  if [[ $health == *'"status":"ok"'* ]]; then
    pass "boravak serve from the package: /v1/health is ok"
  else
    fail "/v1/health" "$health"
  fi
  page_status="$(curl -s -o "$tmp/index.html" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/")"
  if [[ $page_status == 200 ]] && cmp -s "$tmp/index.html" "$share/web/index.html"; then
    pass "/ serves the package's web/index.html"
  else
    fail "/ does not serve the package's web page" "status $page_status"
  fi
  openapi_status="$(curl -s -o "$tmp/openapi.json" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/v1/openapi.json")"
  if [[ $openapi_status == 200 ]] && python3 -c 'import json, sys; json.load(open(sys.argv[1]))["openapi"]' "$tmp/openapi.json" 2>/dev/null; then
    pass "/v1/openapi.json is served"
  else
    fail "/v1/openapi.json" "status $openapi_status"
  fi
  guides_status="$(curl -s -o "$tmp/guides.json" -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/v1/guides?lang=en")"
  if [[ $guides_status == 200 ]]; then
    pass "/v1/guides answers (guides/ found beside the rules)"
  else
    fail "/v1/guides" "status $guides_status"
  fi
  texts_status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/v1/texts/uk")"
  if [[ $texts_status == 200 ]]; then
    pass "/v1/texts/uk answers (the Ukrainian catalog)"
  else
    fail "/v1/texts/uk" "status $texts_status"
  fi
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
else
  fail "boravak serve from the package did not answer within 30 seconds" "$(tail -n 20 "$tmp/serve.log")"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
