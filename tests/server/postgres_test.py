#!/usr/bin/env python3
"""Two servers on one PostgreSQL database see the same profiles.

    tests/server/postgres_test.py BINARY
    BORAVAK_TEST_PG=postgresql://user@host:port/db tests/server/postgres_test.py BINARY

Uses $BORAVAK_TEST_PG when set. Otherwise starts a throwaway cluster with the newest
/usr/lib/postgresql/*/bin (initdb as the `postgres` user when run as root), and exits 77 (skip)
only when no PostgreSQL binaries exist. Starts two `BINARY serve` instances on the database,
creates a profile on A, adds trips through A and B in turn and concurrently, and checks that both
answer with the same profile, that a change on one is seen on the other, and that another
profile's secret gets 404 (and a made-up one 401) on both. Stops everything at the end.
"""
import base64
import concurrent.futures
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, binary_from_argv, call, free_port  # noqa: E402

SKIP = 77


class Cluster:
    """A throwaway PostgreSQL cluster listening on 127.0.0.1 and a socket in its own directory."""

    def __init__(self, bindir):
        self.bindir = bindir
        self.tmp = tempfile.mkdtemp(prefix="boravak-pg-")
        self.data = os.path.join(self.tmp, "data")
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        self.started = False

    def run(self, *args):
        cmd = [os.path.join(self.bindir, args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError("%s failed (%d):\n%s%s" % (" ".join(cmd), r.returncode, r.stdout, r.stderr))
        return r.stdout

    def start(self):
        if self.as_postgres:
            shutil.chown(self.tmp, "postgres", "postgres")
        self.run("initdb", "-D", self.data, "-U", "boravak", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off" % (self.port, self.tmp)
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.tmp, "postgres.log"), "-o", options, "-w",
                 "start")
        self.started = True
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "boravak", "boravak_test")
        return "postgresql://boravak@127.0.0.1:%d/boravak_test" % self.port

    def stop(self):
        if self.started:
            try:
                self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
            except Exception as e:  # noqa: BLE001
                print("warning: stopping PostgreSQL: %s" % e, file=sys.stderr)
        shutil.rmtree(self.tmp, ignore_errors=True)


def find_bindir():
    def version(path):
        try:
            return float(path.split("/")[4])
        except (IndexError, ValueError):
            return 0.0
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    return os.path.dirname(found[-1]) if found else None


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, ok, message):
        if not ok:
            self.failures.append(message)
        return ok

    def status(self, answer, status, what):
        return self.expect(answer.status == status, "%s: expected %d, got %s" % (what, status, answer.describe()))

    def error(self, answer, status, code, what):
        if not self.status(answer, status, what):
            return
        try:
            got = answer.json()["error"]["code"]
        except (ValueError, KeyError, TypeError):
            got = None
        self.expect(got == code, "%s: error code %r, expected %r" % (what, got, code))


def trip(n):
    entry = datetime.date(2005, 1, 1) + datetime.timedelta(days=4 * n)
    return {"entry": entry.isoformat(), "exit": (entry + datetime.timedelta(days=2)).isoformat(),
            "note": "pg trip %d" % n}


def scenario(a, b, c):
    servers = {"A": a, "B": b}
    for name, s in servers.items():
        r = call(s.port, "GET", "/v1/health")
        c.status(r, 200, "GET /v1/health on %s" % name)
        if r.status == 200:
            c.expect(r.json().get("store") == "postgresql", "%s reports store %r" % (name, r.json().get("store")))

    r = call(a.port, "POST", "/v1/profiles", {"name": "Shared", "citizenship": "RU"})
    if not c.status(r, 201, "POST /v1/profiles on A"):
        return
    secret = r.json()["secret"]

    created = {}

    def add(n, server_name):
        r = call(servers[server_name].port, "POST", "/v1/profile/trips", trip(n), secret=secret)
        if c.status(r, 201, "POST trip %d on %s" % (n, server_name)):
            created[n] = r.json()["id"]

    for n in range(10):                       # in turn
        add(n, "A" if n % 2 == 0 else "B")
    with concurrent.futures.ThreadPoolExecutor(20) as pool:   # and at the same time
        list(pool.map(lambda n: add(n, "A" if n % 2 == 0 else "B"), range(10, 50)))

    def profiles():
        ra = call(a.port, "GET", "/v1/profile", secret=secret)
        rb = call(b.port, "GET", "/v1/profile", secret=secret)
        c.status(ra, 200, "GET /v1/profile on A")
        c.status(rb, 200, "GET /v1/profile on B")
        if ra.status == 200 and rb.status == 200:
            pa, pb = ra.json(), rb.json()
            c.expect(pa == pb, "A and B answer with different profiles:\n A: %s\n B: %s" %
                     (json.dumps(pa)[:600], json.dumps(pb)[:600]))
            return pa
        return None

    pa = profiles()
    if pa is not None:
        ids = {str(t["id"]) for t in pa["trips"]}
        c.expect(ids == {str(i) for i in created.values()},
                 "the profile holds %d trips, %d were acknowledged" % (len(ids), len(created)))
        c.expect(len(ids) == 50, "50 trips expected, got %d" % len(ids))

    # A change on one is seen on the other.
    r = call(b.port, "PATCH", "/v1/profile", {"city": "nis"}, secret=secret)
    c.status(r, 200, "PATCH /v1/profile on B")
    r = call(a.port, "GET", "/v1/profile", secret=secret)
    if r.status == 200:
        c.expect(r.json()["settings"].get("city") == "nis", "A does not see B's PATCH: %r" % r.json()["settings"])
    victim = created.get(3)
    r = call(b.port, "DELETE", "/v1/profile/trips/%s" % victim, secret=secret)
    c.status(r, 204, "DELETE a trip on B")
    r = call(a.port, "GET", "/v1/profile", secret=secret)
    if r.status == 200:
        c.expect(str(victim) not in {str(t["id"]) for t in r.json()["trips"]}, "A still lists the trip B deleted")
    c.error(call(a.port, "DELETE", "/v1/profile/trips/%s" % victim, secret=secret), 404, "not_found",
            "DELETE on A of the trip B deleted")
    changed = dict(trip(4), note="changed on A")
    r = call(a.port, "PUT", "/v1/profile/trips/%s" % created.get(4), changed, secret=secret)
    c.status(r, 200, "PUT a trip on A")
    r = call(b.port, "GET", "/v1/profile", secret=secret)
    if r.status == 200:
        seen = [t for t in r.json()["trips"] if str(t["id"]) == str(created.get(4))]
        c.expect(seen and seen[0].get("note") == "changed on A", "B does not see A's PUT: %r" % seen)
    profiles()

    # Isolation on both.
    r = call(b.port, "POST", "/v1/profiles", {"name": "Other"})
    if not c.status(r, 201, "POST /v1/profiles on B"):
        return
    other = r.json()["secret"]
    random_secret = base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")
    target = created.get(5)
    for name, s in servers.items():
        c.error(call(s.port, "PUT", "/v1/profile/trips/%s" % target, trip(99), secret=other), 404, "not_found",
                "another profile PUTs the trip on %s" % name)
        c.error(call(s.port, "DELETE", "/v1/profile/trips/%s" % target, secret=other), 404, "not_found",
                "another profile DELETEs the trip on %s" % name)
        r = call(s.port, "GET", "/v1/profile", secret=other)
        if c.status(r, 200, "GET the other profile on %s" % name):
            c.expect(r.json()["trips"] == [], "the other profile sees trips on %s: %r" % (name, r.json()["trips"]))
        c.error(call(s.port, "GET", "/v1/profile", secret=random_secret), 401, "unauthorized",
                "a made-up secret on %s" % name)
        c.error(call(s.port, "GET", "/v1/profile"), 401, "unauthorized", "no secret on %s" % name)
    pa2 = profiles()
    if pa2 is not None:
        c.expect(any(str(t["id"]) == str(target) and {k: t.get(k) for k in trip(5)} == trip(5) for t in pa2["trips"]),
                 "the trip the other profile tried to change was changed or lost")

    # A profile deleted on A is gone on B.
    c.status(call(a.port, "DELETE", "/v1/profile", secret=other), 204, "DELETE the other profile on A")
    c.error(call(b.port, "GET", "/v1/profile", secret=other), 401, "unauthorized", "B after the delete on A")


def main():
    binary, _ = binary_from_argv(__doc__)
    url = os.environ.get("BORAVAK_TEST_PG")
    cluster = None
    if not url:
        bindir = find_bindir()
        if bindir is None:
            print("SKIP: no PostgreSQL binaries under /usr/lib/postgresql/*/bin and BORAVAK_TEST_PG is not set")
            return SKIP
        cluster = Cluster(bindir)
    c = Checks()
    a = b = None
    try:
        if cluster is not None:
            url = cluster.start()
            print("PostgreSQL %s on port %d" % (os.path.basename(os.path.dirname(cluster.bindir)), cluster.port))
        workdir = tempfile.mkdtemp(prefix="boravak-pg-servers-")
        a = Server(binary, url, ["--rate-limit", "1000000"], name="pg-a", workdir=workdir).start()
        b = Server(binary, url, ["--rate-limit", "1000000"], name="pg-b", workdir=workdir).start()
        print("servers A on %d and B on %d" % (a.port, b.port))
        scenario(a, b, c)
    except Exception as e:  # noqa: BLE001 - report, then clean up
        c.failures.append("%s: %s" % (type(e).__name__, e))
    finally:
        for s in (a, b):
            if s is not None:
                s.stop()
        if cluster is not None:
            cluster.stop()
    if c.failures:
        print("\n".join("  - " + f for f in c.failures), file=sys.stderr)
        if a is not None:
            print("server logs in %s" % a.workdir, file=sys.stderr)
        print("FAIL: two servers on one PostgreSQL database (%d problem(s))" % len(c.failures), file=sys.stderr)
        return 1
    print("PASS: two servers on one PostgreSQL database agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
