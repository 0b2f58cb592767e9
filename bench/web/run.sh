#!/usr/bin/env bash
# The page's WebAssembly engine (issue 13), measured in one run against the same server:
#   1. its size: boravak-engine.wasm and .js, raw and after gzip -9 (target: under 2 MB);
#   2. loading it in headless Chromium with a cold cache (a fresh browser context each time):
#      fetch, compile and instantiate (createEngine), and the first answer, which also reads the
#      embedded rules and catalogs (target: load under 300 ms);
#   3. a warm answer of the stay report in the page, and the same report from the server
#      (POST /v1/stay/report from the same page), and their ratio.
# Usage: bench/web/run.sh BUILD_DIR   (RUNS, default 9, loads and answers per measurement)
set -euo pipefail
build=$(cd "${1:?usage: bench/web/run.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
wasm="$build/wasm/boravak-engine.wasm"
[ -f "$wasm" ] || { echo "no $wasm: build with emscripten (make)" >&2; exit 2; }
[ -d "$repo/tests/browser/node_modules/playwright-core" ] || (cd "$repo/tests/browser" && npm ci --no-audit --no-fund)

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
echo "engine size: wasm $(size "$wasm") B raw, $(gz "$wasm") B gzip -9; js $(size "${wasm%.wasm}.js") B raw, $(gz "${wasm%.wasm}.js") B gzip -9"
total=$(( $(gz "$wasm") + $(gz "${wasm%.wasm}.js") ))
echo "engine download (gzip -9, wasm + js): $total B (target < 2097152)"

tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/boravak" serve --listen "127.0.0.1:$port" --db "sqlite:$tmp/db.sqlite" --rate-limit 0 > "$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v1/health" > /dev/null && break; sleep 0.1; done
BORAVAK_URL="http://127.0.0.1:$port" NODE_PATH="$repo/tests/browser/node_modules" node "$here/wasm_load.mjs"
