#!/usr/bin/env python3
"""POST /v1/stay/check and /v1/stay/batch of `boravak serve` against `boravak batch` (Python 3
standard library only).

    tests/server/api_stay_test.py BINARY [unittest arguments, e.g. -v or BatchTest]

Starts `BINARY serve --listen 127.0.0.1:PORT --db sqlite:TMP/db.sqlite --rate-limit 100000
--access-log` (rules from $BORAVAK_RULES, default the repository's rules/; see apicase.py), waits
for "listening on http://127.0.0.1:PORT" on stderr and GET /v1/health, runs the tests with
http.client and stops the server. The stay check answers the contract's worked examples and more
valid and invalid cases as `boravak batch` does; a batch of 1,000 random lines (two of them bad)
comes back in order and byte for byte as `BINARY batch` writes it; an empty batch is empty. Every
answer must carry the security headers (checked when the server stops).
"""
import datetime
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apicase import (RO, WORKED, ApiCase, api, batch_answers, configure, main,  # noqa: E402
                     start_main_server, stop_main_server)
from serverlib import environment  # noqa: E402

BINARY, TMP, MAIN = configure(__doc__, "api-stay-test")
setUpModule = start_main_server
tearDownModule = stop_main_server


# ---------------------------------------------------------------------------------- stay check

MORE_VALID = [
    {"id": "ru-citizen", "citizenship": "RU", "stays": [{"entry": "2026-10-20"}], "on": "2026-11-10"},
    {"id": "us-plan-from", "citizenship": "US", "stays": [{"entry": "2026-01-10", "exit": "2026-03-05"}],
     "on": "2026-03-10", "plan": {"from": "2026-04-01", "length": 60}},
    {"id": "plan-entry", "regime": RO, "stays": [{"entry": "2026-01-10", "exit": "2026-03-05"}], "on": "2026-03-10",
     "plan": {"entry": "2026-04-01"}},
    {"id": "fixed-exempt", "regime": {"kind": "fixed", "limit": 90, "period_months": 6},
     "stays": [{"entry": "2026-01-10", "exit": "2026-03-05"}, {"entry": "2026-04-01"}], "on": "2026-05-01",
     "exempt": [{"from": "2026-02-01", "to": "2026-02-10"}], "valid_until": "2026-06-30"},
    {"id": "empty", "regime": {"kind": "fixed", "limit": 90, "period_days": 180}, "stays": [], "on": "2026-05-01"},
]
INVALID = [  # (case, code, path)
    ({"id": "bad-date", "regime": RO, "stays": [{"entry": "2026-01-01", "exit": "2026-02-30"}], "on": "2026-03-01"},
     "invalid_date", "stays[0].exit"),
    ({"id": "no-on", "regime": RO, "stays": []}, "missing_field", "on"),
    ({"id": "zero-limit", "regime": {"kind": "rolling", "limit": 0, "window": 180}, "stays": [], "on": "2026-01-01"},
     "invalid_value", "regime.limit"),
    ({"id": "backwards", "regime": RO, "stays": [{"entry": "2026-01-10", "exit": "2026-01-05"}], "on": "2026-03-01"},
     "exit_before_entry", "stays[0].exit"),
    ({"id": "unknown-country", "citizenship": "ZZ", "stays": [], "on": "2026-03-01"}, "unknown_citizenship",
     "citizenship"),
    ({"id": "visa", "citizenship": "AF", "stays": [], "on": "2026-03-01"}, "visa_required", "citizenship"),
    ({"id": "open-not-last", "regime": RO, "stays": [{"entry": "2026-01-01"}, {"entry": "2026-02-01"}],
      "on": "2026-03-01"}, "open_stay_not_last", None),
    ({"id": "plan-overlap", "citizenship": "RU", "stays": [{"entry": "2026-10-20"}], "on": "2026-11-10",
      "plan": {"from": "2026-12-01", "length": 20}}, "plan_overlaps_stays", "plan.from"),
]


class StayCheckTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        cases = [c for c, *_ in WORKED] + MORE_VALID + [c for c, *_ in INVALID]
        cls.expected = {a["id"]: a for a in batch_answers([json.dumps(c) for c in cases])}

    def check_case(self, case):
        answer = api("POST", "/v1/stay/check", case)
        expected = self.expected[case["id"]]
        if expected["ok"]:
            body = self.assertJsonAnswer(answer, 200, "stay check %s" % case["id"])
        else:
            self.assertError(answer, 422, expected["error"]["code"], what="stay check %s" % case["id"])
            body = answer.json()
        self.assertEqual(body, expected, "POST /v1/stay/check %s differs from `boravak batch`" % case["id"])
        return body

    def test_worked_examples(self):
        for case, used, last_legal, first_overstay in WORKED:
            with self.subTest(case["id"]):
                body = self.check_case(case)
                self.assertEqual(body["days_used"], used)
                self.assertEqual(body["last_legal_day"], last_legal)
                self.assertEqual(body["first_overstay_day"], first_overstay)

    def test_more_cases(self):
        for case in MORE_VALID:
            with self.subTest(case["id"]):
                self.assertTrue(self.check_case(case)["ok"])

    def test_invalid_cases(self):
        for case, code, path in INVALID:
            with self.subTest(case["id"]):
                body = self.check_case(case)
                self.assertEqual(body["ok"], False)
                self.assertEqual(body["id"], case["id"])
                self.assertEqual(body["error"]["code"], code)
                self.assertTrue(body["error"]["path"], "the contract error must name the field: %r" % body)
                if path:
                    self.assertEqual(body["error"]["path"], path)


# --------------------------------------------------------------------------------------- batch

def random_case(rng, n):
    kinds = [RO, {"kind": "per_entry", "limit": 30}, {"kind": "fixed", "limit": 90, "period_months": 6},
             {"kind": "fixed", "limit": 90, "period_days": 180}]
    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(300))
    stays = []
    for k in range(rng.randrange(0, 7)):
        entry = day + datetime.timedelta(days=rng.randrange(0 if k else 0, 40))
        length = rng.randrange(0, 60)
        exit_ = entry + datetime.timedelta(days=length)
        stays.append({"entry": entry.isoformat(), "exit": exit_.isoformat()})
        day = exit_
    on = day + datetime.timedelta(days=rng.randrange(-10, 60))
    case = {"id": "b%04d" % n, "stays": stays, "on": on.isoformat()}
    if rng.random() < 0.3:
        case["citizenship"] = rng.choice(["RU", "US", "CN", "TR", "UA", "BY", "GB"])
    else:
        case["regime"] = rng.choice(kinds)
    if stays and rng.random() < 0.3:
        del stays[-1]["exit"]
    if rng.random() < 0.15:
        case["exempt"] = [{"from": stays[0]["entry"], "to": stays[0]["entry"]}] if stays else []
    if rng.random() < 0.2:
        start = (on + datetime.timedelta(days=rng.randrange(1, 100))).isoformat()
        case["plan"] = rng.choice([{"entry": start}, {"from": start, "length": rng.randrange(1, 120)}])
    return json.dumps(case, separators=(",", ":"))


class BatchTest(ApiCase):
    def test_thousand_lines_in_order_same_as_cli(self):
        rng = random.Random(20261121)
        lines = [random_case(rng, n) for n in range(1000)]
        lines[500] = "this line is not JSON {"
        lines[700] = json.dumps({"id": "b0700", "regime": RO, "stays": [{"entry": "2026-02-31"}], "on": "2026-03-01"})
        body = "".join(line + "\n" for line in lines).encode()
        answer = api("POST", "/v1/stay/batch", body, content_type="application/x-ndjson")
        self.assertStatus(answer, 200, "POST /v1/stay/batch")
        self.assertEqual(answer.media_type(), "application/x-ndjson", answer.header("Content-Type"))
        out = answer.body.decode("utf-8").splitlines()
        self.assertEqual(len(out), 1000, "1,000 lines in, %d out" % len(out))
        results = [json.loads(line) for line in out]
        for n, r in enumerate(results):
            self.assertEqual(r["id"], None if n == 500 else "b%04d" % n, "line %d is out of order" % n)
        self.assertEqual(results[500]["ok"], False)
        self.assertEqual(results[500]["error"]["code"], "invalid_json")
        self.assertEqual(results[700]["error"]["code"], "invalid_date")
        self.assertEqual(results[700]["error"]["path"], "stays[0].entry")
        self.assertTrue(results[501]["ok"] or results[501]["error"]["code"] != "invalid_json",
                        "the run must go on after a bad line")
        self.assertGreater(sum(1 for r in results if r["ok"]), 800, "most generated cases are valid")
        expected = subprocess.run([BINARY, "batch"], input=body, capture_output=True, env=environment(),
                                  timeout=120).stdout
        if answer.body != expected:
            first = next((n for n, (a, b) in enumerate(zip(answer.body.splitlines(), expected.splitlines()))
                          if a != b), None)
            self.fail("POST /v1/stay/batch differs from `boravak batch` byte for byte (%d vs %d bytes); first "
                      "differing line %s:\n  server: %r\n  cli:    %r" %
                      (len(answer.body), len(expected), first,
                       answer.body.splitlines()[first] if first is not None else answer.body[-80:],
                       expected.splitlines()[first] if first is not None else expected[-80:]))

    def test_empty_batch(self):
        answer = api("POST", "/v1/stay/batch", b"", content_type="application/x-ndjson")
        self.assertStatus(answer, 200, "empty batch")
        self.assertEqual(answer.body, b"")


ORDER = [StayCheckTest, BatchTest]

if __name__ == "__main__":
    sys.exit(main(ORDER, sys.modules[__name__],
                  "POST /v1/stay/check and /v1/stay/batch answer as `boravak batch` does"))
