#!/usr/bin/env bash
# Issue 5's reminder figures: with 1,000,000 scheduled reminders, how long finding the due ones
# takes (the sender's own query, on its partial index), on PostgreSQL and on SQLite; and the
# bot's memory with that table behind it, which must not grow with the table.
# Usage: bench/bot/reminders_bench.sh BUILD_DIR     (PostgreSQL: $BORAVAK_TEST_PG, else skipped)
set -euo pipefail
build=${1:?usage: reminders_bench.sh BUILD_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=${ROWS:-1000000}
query="SELECT id, chat_id, due_at, kind, payload, dedupe_key, attempts FROM reminders WHERE sent_at IS NULL AND next_attempt_at <= '2026-11-21T10:00:00Z' ORDER BY next_attempt_at LIMIT 1"
seed_select="SELECT 1 + g % 100000, '2027-01-01T00:00:00Z', 'last_day', '{\"args\":[\"2027-01-31\",1]}', 'bench:' || g,
  CASE WHEN g % 100 = 0 THEN '2026-11-20T08:00:00Z' ELSE '2027-01-01T08:00:00Z' END FROM generate_series(1, $rows) g"

echo "== SQLite, $rows reminders (1% due)"
BORAVAK_TELEGRAM_TOKEN=x timeout 5 "$build/boravak" chat --db "sqlite:$tmp/bench.sqlite" </dev/null >/dev/null 2>&1 || true
python3 - "$tmp/bench.sqlite" "$rows" "$query" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1]); rows = int(sys.argv[2]); query = sys.argv[3]
with db:
    db.executemany("INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at) VALUES (?,?,?,?,?,?)",
                   ((1 + g % 100000, "2027-01-01T00:00:00Z", "last_day", '{"args":["2027-01-31",1]}', "bench:%d" % g,
                     "2026-11-20T08:00:00Z" if g % 100 == 0 else "2027-01-01T08:00:00Z") for g in range(1, rows + 1)))
best = min((lambda t: (db.execute(query).fetchall(), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(20))
plan = db.execute("EXPLAIN QUERY PLAN " + query).fetchall()
print("due-reminder query: %.3f ms (best of 20); plan: %s" % (best * 1000, plan[-1][-1]))
PY

if [ -n "${BORAVAK_TEST_PG:-}" ]; then
  echo "== PostgreSQL, $rows reminders (1% due)"
  psql=$(ls /usr/lib/postgresql/*/bin/psql | tail -n 1)
  BORAVAK_TELEGRAM_TOKEN=x timeout 5 "$build/boravak" chat --db "$BORAVAK_TEST_PG" </dev/null >/dev/null 2>&1 || true
  "$psql" "$BORAVAK_TEST_PG" -qc "DELETE FROM reminders WHERE dedupe_key LIKE 'bench:%'"
  "$psql" "$BORAVAK_TEST_PG" -qc "INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at) $seed_select"
  "$psql" "$BORAVAK_TEST_PG" -qc "ANALYZE reminders"
  "$psql" "$BORAVAK_TEST_PG" -c "EXPLAIN (ANALYZE, TIMING) $query FOR UPDATE SKIP LOCKED" | grep -E "Index|Execution Time"
  "$psql" "$BORAVAK_TEST_PG" -qc "DELETE FROM reminders WHERE dedupe_key LIKE 'bench:%'"
else
  echo "(PostgreSQL skipped: set BORAVAK_TEST_PG, e.g. \$(scripts/ci-postgres.sh))"
fi
