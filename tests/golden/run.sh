#!/usr/bin/env bash
# Golden tests: a family plan, its payment slips and the appointment e-mail in every language
# (en, ru, uk, sr, sr-Cyrl), compared with reviewed files in tests/golden/<lang>/.
# After a deliberate change, review the difference and run with UPDATE_GOLDEN=1 to accept it.
set -euo pipefail
boravak="$1"
golden="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
passed=0

family=(-c RU --ground employment --city belgrade --age 38 --family spouse:36 --family child:11
        --family child:4 --last-entry 2026-11-01 --passport-expires 2030-01-31 --term-months 12 --on 2026-11-21)
spouse_in_person=(-c UA --ground study --in-person --city novi_sad --family child:8 --last-entry 2026-10-25 --on 2026-11-21)
renewal=(-c TR --ground real_estate --kind renewal --permit-expires 2027-01-31 --residence-since 2024-02-01 --on 2026-11-21)

for lang in en ru uk sr sr-Cyrl; do
  mkdir -p "$work/$lang"
  "$boravak" permit plan "${family[@]}" --lang "$lang" > "$work/$lang/plan_family.txt"
  "$boravak" permit plan "${renewal[@]}" --lang "$lang" > "$work/$lang/plan_renewal.txt"
  # Run in the work folder: without --out, the printable slips.pdf is written to the current one.
  (cd "$work/$lang" && "$boravak" permit slip "${spouse_in_person[@]}" --municipality 019 --payer "Olena Kovalenko, Novi Sad" --lang "$lang" > slips.txt)
  "$boravak" permit email "${spouse_in_person[@]}" --names "Olena Kovalenko:1990-04-12;Marko Kovalenko:2018-06-30" --lang "$lang" > "$work/$lang/email.txt"
  "$boravak" guide search --lang "$lang" beli karton > "$work/$lang/guide_search.txt" || true
  for f in "$work/$lang"/*.txt; do
    name="$lang/$(basename "$f")"
    if [ "${UPDATE_GOLDEN:-0}" = "1" ]; then
      mkdir -p "$golden/$lang"; cp "$f" "$golden/$name"; continue
    fi
    if [ ! -f "$golden/$name" ]; then
      echo "FAIL: $name has no golden file (run with UPDATE_GOLDEN=1 after reviewing it)"; failed=$((failed + 1)); continue
    fi
    if diff -u "$golden/$name" "$f" > "$work/diff.txt"; then
      passed=$((passed + 1))
    else
      echo "FAIL: $name differs from its golden file:"; head -40 "$work/diff.txt"; failed=$((failed + 1))
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
