#!/usr/bin/env python3
"""Profiles for bench/server/run.sh (Python 3 standard library only).

  profiles.py fill PORT TRIPS
      Creates profile A with TRIPS trips (entry and exit a day apart, three days between trips,
      so they never overlap), or as many as a profile may hold when that is fewer, and profile B
      (citizenship RU, five trips), over keep-alive connections. Prints one JSON line:
      {"a": SECRET, "b": SECRET, "trips": SAVED, "trips_asked": TRIPS, "full": BOOL, ...}.

  profiles.py probe PORT SECRET PATH COUNT PAUSE_MS [SECONDS]
      COUNT sequential GETs of PATH with that secret on one keep-alive connection, PAUSE_MS
      between them, stopping early after SECONDS. Prints one JSON line with the count, the
      non-200 answers and p50/p90/p99/max in milliseconds (time from sending the request to the
      last byte of the answer).
"""
import datetime
import http.client
import json
import sys
import threading
import time


class Client:
    """One keep-alive connection that reconnects when the server closes it."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, method, path, body=None, secret=None):
        headers = {}
        if body is not None:
            body = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if secret:
            headers["Authorization"] = "Bearer " + secret
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, data
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def create(client, settings):
    status, data = client.request("POST", "/v1/profiles", settings)
    if status != 201:
        sys.exit("POST /v1/profiles answered %d %r" % (status, data[:200]))
    return json.loads(data)["secret"]


def is_full(status, data):
    """The answer when a profile holds the most items it may (app/profile_service.h)."""
    try:
        error = json.loads(data)["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return status == 422 and error.get("code") == "invalid_value" and error.get("path") == ""


def add_trips(port, secret, first, count, errors, full):
    client = Client(port)
    start = datetime.date(2000, 1, 1)
    for i in range(first, first + count):
        if full.is_set():
            return
        entry = start + datetime.timedelta(days=3 * i)
        trip = {"entry": entry.isoformat(), "exit": (entry + datetime.timedelta(days=1)).isoformat(), "note": ""}
        status, data = client.request("POST", "/v1/profile/trips", trip, secret)
        if is_full(status, data):
            full.set()
            return
        if status != 201:
            errors.append("POST /v1/profile/trips answered %d %r" % (status, data[:200]))
            return


def fill(port, trips):
    started = time.perf_counter()
    client = Client(port)
    a = create(client, {})
    b = create(client, {"citizenship": "RU"})
    errors, full = [], threading.Event()
    add_trips(port, b, 0, 5, errors, threading.Event())
    # Two connections, so the store thread is never idle while Python builds the next request.
    half = trips // 2
    workers = [threading.Thread(target=add_trips, args=(port, a, 0, half, errors, full)),
               threading.Thread(target=add_trips, args=(port, a, half, trips - half, errors, full))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        sys.exit(errors[0])
    status, data = client.request("GET", "/v1/profile", secret=a)
    saved = len(json.loads(data).get("trips", [])) if status == 200 else -1
    if saved != trips and not (full.is_set() and saved > 0):
        sys.exit("profile A holds %d trips, not %d (GET /v1/profile answered %d)" % (saved, trips, status))
    print(json.dumps({"a": a, "b": b, "trips": saved, "trips_asked": trips, "full": full.is_set(), "answer_bytes": len(data),
                      "seconds": round(time.perf_counter() - started, 2)}))


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    # Nearest rank, like wrk's own percentiles.
    rank = max(1, min(len(sorted_values), int(-(-p * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def probe(port, secret, path, count, pause_ms, seconds):
    client = Client(port)
    client.request("GET", path, secret=secret)  # connects; not counted
    deadline = time.monotonic() + seconds
    times, bad = [], 0
    while len(times) < count and time.monotonic() < deadline:
        t0 = time.perf_counter()
        status, _ = client.request("GET", path, secret=secret)
        times.append((time.perf_counter() - t0) * 1000)
        bad += status != 200
        time.sleep(pause_ms / 1000)
    times.sort()
    out = {"count": len(times), "non200": bad}
    for p in (50, 90, 99):
        out["p%d_ms" % p] = round(percentile(times, p), 3) if times else None
    out["max_ms"] = round(times[-1], 3) if times else None
    print(json.dumps(out))


def main(argv):
    if len(argv) >= 3 and argv[0] == "fill":
        fill(int(argv[1]), int(argv[2]))
    elif len(argv) >= 6 and argv[0] == "probe":
        probe(int(argv[1]), argv[2], argv[3], int(argv[4]), float(argv[5]), float(argv[6]) if len(argv) > 6 else 1e9)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
