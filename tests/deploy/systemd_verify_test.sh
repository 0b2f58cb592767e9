#!/usr/bin/env bash
# The systemd units in deploy/systemd/ pass `systemd-analyze verify`.
# Usage: systemd_verify_test.sh BORAVAK_BINARY
#
# verify insists that ExecStart's program exists, so each unit is checked as a copy whose
# /usr/bin/boravak is the binary just built. A unit fails when verify exits non-zero or prints
# any line that names it (a warning about some other unit of this machine does not count).
# Exit 77 (skipped) when systemd-analyze is not installed.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BORAVAK_BINARY" >&2
  exit 2
fi
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-analyze is not installed: skipped"
  exit 77
fi
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if [[ ! -x $binary ]]; then
  echo "not an executable: $binary" >&2
  exit 2
fi
if [[ $binary =~ [[:space:]] ]]; then
  echo "the binary's path has a space, which ExecStart would split: $binary" >&2
  exit 2
fi
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# In a unit file % starts a specifier; in sed's replacement & and \ are special, and # is our
# delimiter.
in_unit="${binary//%/%%}"
replacement="$(printf '%s' "$in_unit" | sed -e 's/[\\&#]/\\&/g')"

# verify_unit FILE: 0 when clean; otherwise prints what verify said and returns 1.
verify_unit() {
  local unit="$1" name status=0
  name="$(basename "$unit")"
  systemd-analyze verify "$unit" >"$tmp/out" 2>&1 || status=$?
  if [[ $status -ne 0 ]] || grep -F -e "$unit" -e "$name" "$tmp/out" >/dev/null; then
    echo "systemd-analyze verify $name: exit status $status"
    sed 's/^/       /' "$tmp/out"
    return 1
  fi
  return 0
}

failed=0
units=0
for source in "$repo"/deploy/systemd/*.service; do
  units=$((units + 1))
  name="$(basename "$source")"
  mkdir -p "$tmp/units"
  sed -e "s#/usr/bin/boravak#$replacement#g" "$source" >"$tmp/units/$name"
  if ! grep -q -F "ExecStart=$in_unit " "$tmp/units/$name"; then
    echo "FAIL - $name: no ExecStart=/usr/bin/boravak … line to point at the binary"
    failed=$((failed + 1))
  elif verify_unit "$tmp/units/$name"; then
    echo "ok   - $name"
  else
    echo "FAIL - $name"
    failed=$((failed + 1))
  fi
done
if [[ $units -eq 0 ]]; then
  echo "FAIL - no units in $repo/deploy/systemd"
  exit 1
fi

# The check itself must see a mistake: a unit with a misspelt setting has to fail it.
mkdir -p "$tmp/broken"
sed -e "s#/usr/bin/boravak#$replacement#g" -e 's/^ProtectHome=yes$/ProtectHomme=yes/' \
  "$repo/deploy/systemd/boravak.service" >"$tmp/broken/boravak.service"
if verify_unit "$tmp/broken/boravak.service" >/dev/null; then
  echo "FAIL - a misspelt setting (ProtectHomme=) went unnoticed, so this test sees nothing"
  failed=$((failed + 1))
else
  echo "ok   - a misspelt setting is caught"
fi

if [[ $failed -ne 0 ]]; then
  echo "$failed failed"
  exit 1
fi
echo "all $units units verified"
