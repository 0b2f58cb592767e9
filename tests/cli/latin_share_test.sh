#!/bin/sh
# A Cyrillic answer reads as Cyrillic: under 3% of its words in Latin letters, not counting
# addresses, codes, proper names, the Serbian e-mail and the slips (tests/cli/latin_share.py).
# Every command is run in Russian, Ukrainian and Serbian Cyrillic. Usage: latin_share_test.sh BORAVAK
set -u
boravak="$1"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/boravak-latin.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0
run() {  # run NAME -- COMMAND...
  name="$1"; shift; shift
  for lang in ru uk sr-Cyrl; do
    "$@" --lang "$lang" >"$tmp/out" 2>&1
    if result=$(python3 "$here/latin_share.py" <"$tmp/out"); then
      echo "ok   $lang $name: $result"
    else
      echo "FAIL $lang $name: $result"; failed=$((failed + 1))
    fi
  done
}
run "two readings" -- "$boravak" stay -c US --stamps "+2026-06-01 -2026-08-01 +2026-11-01" --on 2026-12-05
run "an overstay" -- "$boravak" stay -c RU --stamps "+2026-09-01" --on 2026-12-06 --explain
run "a pending application" -- "$boravak" stay -c RU --stamps "+2026-09-01" --pending-since 2026-09-20 --on 2026-12-06
run "a visa holder's stay" -- "$boravak" stay -c IN --document-expires 2026-12-20 --stamps "+2026-11-01" --on 2026-12-06
run "a visa run" -- "$boravak" visarun -c RU --stamps "+2026-11-01" --on 2026-12-05 --city subotica
run "a family's permit plan" -- "$boravak" permit plan -c RU --ground employment --city belgrade --family spouse:36 \
  --family child:11 --last-entry 2026-11-20 --on 2026-12-06
run "the rules of one country" -- "$boravak" rules -c UA
run "the fees" -- "$boravak" permit fees --on 2026-12-06
run "a refusal" -- "$boravak" stay -c RU --stamps "+2026-03-01 +2026-03-05" --on 2026-03-20
run "a guide" -- "$boravak" guide show beli_karton
echo "$failed failed"
[ "$failed" -eq 0 ]
