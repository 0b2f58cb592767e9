#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster for the two-instance test (tests/server/postgres_test.py)
# and prints the database URL. CI runs it; on a developer's machine the test starts a
# throwaway cluster of its own when BORAVAK_TEST_PG is not set.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
[ -n "$version" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
pg_lsclusters -h | awk '{print $2}' | grep -qx main || pg_createcluster "$version" main >&2
pg_ctlcluster "$version" main start >&2 2>/dev/null || pg_ctlcluster "$version" main status >&2
port=$(pg_lsclusters -h | awk '$2 == "main" {print $3}')
runuser -u postgres -- psql -p "$port" -qtc "SELECT 1 FROM pg_roles WHERE rolname = 'boravak'" | grep -q 1 ||
  runuser -u postgres -- psql -p "$port" -qc "CREATE ROLE boravak LOGIN PASSWORD 'boravak'" >&2
runuser -u postgres -- psql -p "$port" -qtc "SELECT 1 FROM pg_database WHERE datname = 'boravak_ci'" | grep -q 1 ||
  runuser -u postgres -- createdb -p "$port" -O boravak boravak_ci >&2
echo "postgresql://boravak:boravak@127.0.0.1:$port/boravak_ci"
