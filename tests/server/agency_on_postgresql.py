#!/usr/bin/env python3
"""The agency workspace's tests (api_agency_test.py) on PostgreSQL: a throwaway cluster, then
the same tests with BORAVAK_TEST_DB pointing at it. Exits 77 (skip) without PostgreSQL.

    tests/server/agency_on_postgresql.py BINARY
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from postgres_test import SKIP, Cluster, find_bindir  # noqa: E402


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    bindir = find_bindir()
    if bindir is None:
        print("SKIP: PostgreSQL is not installed")
        return SKIP
    cluster = Cluster(bindir)
    try:
        url = cluster.start()
        env = dict(os.environ, BORAVAK_TEST_DB=url)
        here = os.path.dirname(os.path.abspath(__file__))
        return subprocess.run([sys.executable, os.path.join(here, "api_agency_test.py"), sys.argv[1]], env=env).returncode
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
