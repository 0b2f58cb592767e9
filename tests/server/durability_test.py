#!/usr/bin/env python3
"""An acknowledged write survives a crash (SQLite).

    tests/server/durability_test.py BINARY

Starts `BINARY serve` on a fresh SQLite file, creates 10 profiles, and fires 1,000
`POST /v1/profile/trips` from 50 threads (100 trips per profile, with dates that never overlap).
Every 201 is recorded with the id it returned. After about 400 acknowledgements, while requests
are still in flight, the server gets SIGKILL. It is started again on the same file, and every
acknowledged trip must be there (GET /v1/profile of each profile). Prints the counts.
"""
import concurrent.futures
import datetime
import os
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, binary_from_argv, call, free_port  # noqa: E402

PROFILES = 10
REQUESTS = 1000
THREADS = 50
KILL_AFTER = 400


def trip_for(n):
    """Trip n belongs to profile n % 10; its dates are unique within the profile."""
    k = n // PROFILES
    entry = datetime.date(2001, 1, 1) + datetime.timedelta(days=3 * k)
    return n % PROFILES, {"entry": entry.isoformat(), "exit": (entry + datetime.timedelta(days=1)).isoformat(),
                          "note": "durability %04d" % n}


def main():
    binary, _ = binary_from_argv(__doc__)
    tmp = tempfile.mkdtemp(prefix="boravak-durability-")
    db = "sqlite:" + os.path.join(tmp, "db.sqlite")
    server = Server(binary, db, ["--rate-limit", "1000000"], name="durable", workdir=tmp)
    failures = []
    try:
        server.start()
        secrets = []
        for p in range(PROFILES):
            r = call(server.port, "POST", "/v1/profiles", {"name": "durability %d" % p})
            if r.status != 201:
                raise RuntimeError("POST /v1/profiles: %s" % r.describe())
            secrets.append(r.json()["secret"])

        lock = threading.Condition()
        state = {"in_flight": 0, "acked": [], "errors": 0, "other": [], "killed": False,
                 "acked_at_kill": None, "in_flight_at_kill": None}

        def post(n):
            profile, trip = trip_for(n)
            with lock:
                if state["killed"]:
                    state["errors"] += 1
                    return
                state["in_flight"] += 1
            try:
                r = call(server.port, "POST", "/v1/profile/trips", trip, secret=secrets[profile], timeout=60)
            except OSError:
                with lock:
                    state["in_flight"] -= 1
                    state["errors"] += 1
                return
            with lock:
                state["in_flight"] -= 1
                if r.status == 201:
                    state["acked"].append((profile, r.json().get("id"), trip))
                    lock.notify_all()
                else:
                    state["other"].append("%d: %s" % (n, r.describe()))

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
            futures = [pool.submit(post, n) for n in range(REQUESTS)]
            with lock:
                while len(state["acked"]) < KILL_AFTER and not all(f.done() for f in futures):
                    lock.wait(0.05)
                state["acked_at_kill"] = len(state["acked"])
                state["in_flight_at_kill"] = state["in_flight"]
                server.proc.kill()      # SIGKILL, while holding the lock: no request starts or ends meanwhile
                state["killed"] = True
            server.proc.wait()
            for f in futures:
                f.result()
        elapsed = time.monotonic() - started
        if state["other"]:
            failures.append("answers other than 201 before the kill: %s" % state["other"][:5])
        if state["in_flight_at_kill"] == 0:
            failures.append("no request was in flight at the kill: the test did not test a crash mid-write")

        server.port = free_port()  # the old port may still be held by connections in TIME_WAIT
        server.start()
        acked = state["acked"]
        lost = []
        saved_ids = set()
        for p, secret in enumerate(secrets):
            r = call(server.port, "GET", "/v1/profile", secret=secret)
            if r.status != 200:
                failures.append("after the restart GET /v1/profile for profile %d: %s" % (p, r.describe()))
                continue
            trips = r.json()["trips"]
            by_id = {str(t["id"]): t for t in trips}
            saved_ids.update((p, i) for i in by_id)
            if len(by_id) != len(trips):
                failures.append("profile %d lists a trip id twice" % p)
            for profile, item_id, trip in acked:
                if profile != p:
                    continue
                saved = by_id.get(str(item_id))
                if saved is None or any(saved.get(k) != v for k, v in trip.items()):
                    lost.append((p, item_id, trip, saved))
        unacknowledged = len(saved_ids) - (len(acked) - len(lost))
        print("requests: %d in %.1f s, %d threads" % (REQUESTS, elapsed, THREADS))
        print("acknowledged (201): %d (%d when SIGKILL was sent)" % (len(acked), state["acked_at_kill"]))
        print("in flight at the kill: %d" % state["in_flight_at_kill"])
        print("failed or not sent after the kill: %d" % state["errors"])
        print("saved without an acknowledgement (fine: in flight, committed): %d" % unacknowledged)
        print("lost (acknowledged but missing after the restart): %d" % len(lost))
        for p, item_id, trip, saved in lost[:10]:
            failures.append("lost: profile %d trip id %s %r (found %r)" % (p, item_id, trip, saved))
        if len(acked) < KILL_AFTER:
            failures.append("only %d acknowledgements before the kill, expected %d" % (len(acked), KILL_AFTER))
    except Exception as e:  # noqa: BLE001 - report, then clean up
        failures.append("%s: %s" % (type(e).__name__, e))
    finally:
        server.stop()
    if failures:
        print("\n".join("  - " + f for f in failures), file=sys.stderr)
        print("FAIL: durability (server log kept in %s)" % tmp, file=sys.stderr)
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    print("PASS: every acknowledged write survived SIGKILL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
