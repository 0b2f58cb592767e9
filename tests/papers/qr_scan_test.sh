#!/usr/bin/env bash
# Our payment QR codes scan: zbarimg (Debian's zbar-tools) must read back, from the PNG and from
# the SVG (rasterised by rsvg-convert), exactly the payload the slip printed. The payload must
# also match, field by field, the account on the MUP's page "Uplate za privremeni boravak"
# (840-742221843-57 → 840000074222184357) and the model 97 reference 41-019 on the Voždovac
# municipality's page.
set -euo pipefail
boravak="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; echo "  expected: $3"; echo "  actual:   $2"; fi; }

# A family filing in person in Belgrade (study ground, children in person), paid in cash.
"$boravak" permit slip -c RU --ground study --in-person --family child:8 --city belgrade \
  --municipality vozdovac --payer "Ivan Petrov, Bulevar oslobođenja 1, Beograd" --on 2026-11-21 \
  --out "$work" > "$work/slips.txt"

payloads=$(grep -o 'K:PR|.*' "$work/slips.txt")
count=$(printf '%s\n' "$payloads" | wc -l)
check "six slips: application, permit and card fees for each of two people" "$count" "6"

first=$(printf '%s\n' "$payloads" | head -1)
check "application-fee payload follows the NBS format" "$first" \
  "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD430,00|P:Ivan Petrov, Bulevar oslobođenja 1, Beograd|SF:153|S:Taksa na podnesak - boravak|RO:9741019"

for png in "$work"/slip-*.png; do
  stem="${png%.png}"
  # The payload printed for this image is on the line before "QR code written to <stem>.svg".
  expected=$(grep -B1 "$stem.svg" "$work/slips.txt" | head -1 | sed 's/^[^:]*: //')
  decoded=$(zbarimg --quiet --raw -Sbinary "$png" 2>/dev/null)
  check "PNG $(basename "$png") scans to its payload" "$decoded" "$expected"
  rsvg-convert -w 600 -b white "$stem.svg" -o "$stem-from-svg.png"
  decoded_svg=$(zbarimg --quiet --raw -Sbinary "$stem-from-svg.png" 2>/dev/null)
  check "SVG $(basename "$stem").svg scans to its payload" "$decoded_svg" "$expected"
done

# A wrong municipality code (letters) is refused with a clear message and no images.
if "$boravak" permit slip -c RU --ground study --in-person --municipality 01A --on 2026-11-21 --out "$work/bad" > "$work/bad.txt" 2>&1; then
  failed=$((failed + 1)); echo "FAIL: a reference with a letter was accepted"
else
  check "a bad reference names the municipality code" "$(grep -c -- "“01A”" "$work/bad.txt")" "1"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
