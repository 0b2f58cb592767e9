#!/usr/bin/env bash
# Differential test: random valid and invalid cases answered by the engine (`boravak batch`)
# and by the independent day-by-day Python oracle must agree on every field but the message.
# Usage: differential.sh BORAVAK_BINARY [COUNT] [SEED]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1"
count="${2:-20000}"
seed="${3:-20261121}"
cases="$(mktemp)"
trap 'rm -f "$cases"' EXIT
rules="$(cd "$here/../.." && pwd)/rules"
python3 "$here/random_cases.py" --seed "$seed" --count "$count" --citizenship > "$cases"
python3 "$here/compare.py" --cases "$cases" --cmd "$binary batch" --rules "$rules"
