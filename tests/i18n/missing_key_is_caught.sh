#!/usr/bin/env bash
# The catalog check must fail when one language loses one key (so it can fail at all).
set -euo pipefail
src="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/i18n"
# Drop the first real entry of the Ukrainian permit catalog.
python3 - "$work/i18n/uk/permit.po" <<'PY'
import re, sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read()
entries = text.split("\n\n")
entries.pop(1)
open(p, "w", encoding="utf-8").write("\n\n".join(entries))
PY
if python3 "$(dirname "$0")/check_catalogs.py" "$work/i18n" > "$work/out.txt"; then
  echo "FAIL: the check passed although a Ukrainian key was removed"; exit 1
fi
grep -q "is missing" "$work/out.txt" || { echo "FAIL: the check did not name the missing key"; cat "$work/out.txt"; exit 1; }
echo "ok: a missing key is reported: $(grep -m1 'is missing' "$work/out.txt")"
