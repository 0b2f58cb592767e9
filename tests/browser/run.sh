#!/bin/sh
# Browser tests of the web page: starts `boravak serve` on a free port with a fresh SQLite file,
# waits for /v1/health, runs tests/browser/*.test.mjs in Debian's Chromium (playwright-core,
# never a downloaded browser) and exits with their status. Usage: run.sh BUILD_DIR
set -eu

BUILD_DIR=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
BIN="$BUILD_DIR/boravak"
[ -x "$BIN" ] || { echo "run.sh: no $BIN" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "run.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "run.sh: node is missing (apt-get install nodejs npm)" >&2; exit 2; }

# The pinned playwright-core states the oldest Node.js it runs on (engines.node in
# package-lock.json, ">=18" for 1.61.1, Debian 12's own nodejs). Say so plainly rather than
# let playwright fail later with its own message.
if ! node -e '
  const lock = require(process.argv[1]);
  const pw = lock.packages["node_modules/playwright-core"];
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec((pw.engines || {}).node || ">=0");
  if (!m) { console.error("run.sh: cannot read engines.node of playwright-core " + pw.version); process.exit(1); }
  const want = m.slice(1).map((x) => Number(x || 0));
  const have = process.versions.node.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if (have[i] > want[i]) process.exit(0);
    if (have[i] < want[i]) {
      console.error("run.sh: Node.js " + process.version + " is too old: playwright-core " + pw.version +
        " (tests/browser/package.json) needs Node.js " + pw.engines.node + ". Install a newer nodejs," +
        " or pin a playwright-core whose engines.node accepts this one.");
      process.exit(1);
    }
  }' "$HERE/package-lock.json"; then
  exit 2
fi

# Installs playwright-core and axe-core when one is missing or is not the version
# package-lock.json pins.
if ! node -e '
  const lock = require(process.argv[1]).packages;
  for (const name of ["playwright-core", "axe-core"]) {
    let have = null;
    try { have = require(process.argv[2] + "/node_modules/" + name + "/package.json").version; } catch {}
    if (have !== lock["node_modules/" + name].version) process.exit(1);
  }' "$HERE/package-lock.json" "$HERE"; then
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/boravak-browser.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
"$BIN" serve --listen "127.0.0.1:$PORT" --db "sqlite:$TMP/db.sqlite" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

export BORAVAK_URL="http://127.0.0.1:$PORT"
if ! node -e "
  const until = Date.now() + 30000;
  (async () => {
    while (Date.now() < until) {
      try { if ((await fetch(process.env.BORAVAK_URL + '/v1/health')).ok) process.exit(0); } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    process.exit(1);
  })();"; then
  echo "run.sh: the server did not answer /v1/health within 30 s:" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi

# One test file at a time: each starts its own Chromium, and the machine may be small.
STATUS=0
node --test --test-concurrency=1 "$HERE"/*.test.mjs || STATUS=$?
if [ "$STATUS" -ne 0 ]; then
  echo "--- server log ---" >&2
  tail -n 50 "$TMP/server.log" >&2
fi
exit "$STATUS"
