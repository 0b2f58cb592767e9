#!/usr/bin/env python3
"""The HTTP API of `boravak serve` against docs/api.md (Python 3 standard library only).

    tests/server/api_test.py BINARY [unittest arguments, e.g. -v or ProfileTest]

Starts `BINARY serve --listen 127.0.0.1:PORT --db sqlite:TMP/db.sqlite` (rules from
$BORAVAK_RULES, default the repository's rules/), waits for "listening on http://127.0.0.1:PORT"
on stderr and GET /v1/health, runs the tests with http.client and stops the server. Two more
servers are started for the rate limit (--rate-limit 5) and the slow client (--header-timeout 1).
The main server gets --rate-limit 100000, so that the other tests never meet the limit, and
--access-log, so that the log test has a log to read.

The stay answers are compared with `BINARY batch` and `BINARY stay`, the plan and slips with
`BINARY permit plan` and `BINARY permit slip`: the API must give the same answers as the CLI.
"""
import base64
import concurrent.futures
import datetime
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import (RULES_DIR, Server, SchemaChecker, binary_from_argv, call, environment,  # noqa: E402
                       load_openapi, parse_raw_answer, raw_exchange)

BINARY, UNITTEST_ARGS = binary_from_argv(__doc__)
TMP = tempfile.mkdtemp(prefix="boravak-api-test-")
MAIN = None
ANSWERS = []          # (method, path, Answer) of every request made through api()
SENSITIVE = set()     # secrets, trip dates, names and notes sent to profile routes: never in the log
SECRETS = []
JSON_TYPE = "application/json"
RO = {"kind": "rolling", "limit": 90, "window": 180}


def setUpModule():
    global MAIN
    MAIN = Server(BINARY, "sqlite:" + os.path.join(TMP, "db.sqlite"), ["--rate-limit", "100000", "--access-log"],
                  name="main", workdir=TMP)
    MAIN.start()


def tearDownModule():
    if MAIN is not None:
        MAIN.stop()


def api(method, path, body=None, secret=None, headers=None, content_type=None, port=None, timeout=60):
    answer = call(port or MAIN.port, method, path, body=body, secret=secret, headers=headers,
                  content_type=content_type, timeout=timeout)
    ANSWERS.append((method, path, answer))
    return answer


def cli(*args, stdin=None, binary_input=False):
    run = subprocess.run([BINARY, *args], input=stdin, capture_output=True, env=environment(), timeout=120,
                         text=not binary_input)
    if run.returncode != 0:
        raise AssertionError("`boravak %s` failed (%d): %s" % (" ".join(args), run.returncode, run.stderr))
    return run.stdout


def batch_answers(lines):
    out = cli("batch", stdin="".join(line + "\n" for line in lines))
    return [json.loads(line) for line in out.splitlines()]


def strip_id(value):
    return {k: v for k, v in value.items() if k != "id"}


class ApiCase(unittest.TestCase):
    maxDiff = 4000

    def assertStatus(self, answer, status, what=""):
        self.assertEqual(answer.status, status, "%s: expected %d, got %s" % (what, status, answer.describe()))

    def assertJsonAnswer(self, answer, status=200, what=""):
        self.assertStatus(answer, status, what)
        ct = (answer.header("Content-Type") or "").lower().replace(" ", "")
        self.assertEqual(ct, "application/json;charset=utf-8",
                         "%s: Content-Type %r, docs/api.md says application/json; charset=utf-8" %
                         (what, answer.header("Content-Type")))
        try:
            return answer.json()
        except ValueError as e:
            self.fail("%s: the body is not JSON (%s): %r" % (what, e, answer.body[:300]))

    def assertError(self, answer, status, code, path=None, what=""):
        """A failure per docs/api.md: the status, JSON {"error":{"code","message","path"}}."""
        what = what or "%d %s" % (status, code)
        self.assertStatus(answer, status, what)
        self.assertEqual(answer.media_type(), JSON_TYPE, "%s: a failure must be JSON, got %r: %r" %
                         (what, answer.header("Content-Type"), answer.body[:200]))
        body = answer.json()
        self.assertIsInstance(body, dict, what)
        self.assertIn("error", body, "%s: no `error` object in %r" % (what, body))
        err = body["error"]
        for key in ("code", "message", "path"):
            self.assertIn(key, err, "%s: error has no %r: %r" % (what, key, body))
            self.assertIsInstance(err[key], str, "%s: error.%s is not text: %r" % (what, key, body))
        self.assertEqual(err["code"], code, "%s: %r" % (what, body))
        self.assertTrue(err["message"].strip(), "%s: empty message" % what)
        if path is not None:
            if isinstance(path, (tuple, list)):
                self.assertIn(err["path"], path, "%s: %r" % (what, body))
            else:
                self.assertEqual(err["path"], path, "%s: %r" % (what, body))
        return body


# ------------------------------------------------------------------------------------- health

class HealthTest(ApiCase):
    def test_health(self):
        body = self.assertJsonAnswer(api("GET", "/v1/health"), what="GET /v1/health")
        self.assertEqual(body.get("status"), "ok", body)
        self.assertEqual(body.get("store"), "sqlite", body)
        self.assertIsInstance(body.get("schema_version"), int, body)

    def test_openapi_document_is_the_repository_file(self):
        body = self.assertJsonAnswer(api("GET", "/v1/openapi.json"), what="GET /v1/openapi.json")
        self.assertEqual(body, load_openapi(), "GET /v1/openapi.json differs from api/openapi.json")


# ---------------------------------------------------------------------------------- stay check

WORKED = [  # ../shared/contracts/stay-engine.md, "Worked examples", plus the per-entry example
    ({"id": "worked-1", "regime": RO, "on": "2012-03-15", "stays": [
        {"entry": "2011-10-27", "exit": "2011-11-06"}, {"entry": "2011-12-28", "exit": "2012-01-09"},
        {"entry": "2012-03-06", "exit": "2012-03-15"}]}, 34, "2012-05-21", None),
    ({"id": "worked-2", "regime": RO, "on": "2012-08-01", "stays": [
        {"entry": "2011-10-27", "exit": "2011-11-06"}, {"entry": "2011-12-28", "exit": "2012-01-09"},
        {"entry": "2012-03-06", "exit": "2012-05-21"}]}, 77, "2012-08-13", None),
    ({"id": "worked-3", "regime": RO, "on": "2012-06-22", "stays": [
        {"entry": "2011-08-14", "exit": "2011-08-30"}, {"entry": "2011-12-15", "exit": "2012-06-22"}]},
     180, None, "2012-03-14"),
    ({"id": "worked-4", "regime": RO, "on": "2012-06-10", "stays": [
        {"entry": "2011-06-13", "exit": "2011-08-13"}, {"entry": "2011-10-13", "exit": "2011-11-14"}]},
     0, "2012-09-07", "2011-11-10"),
    ({"id": "per-entry", "regime": {"kind": "per_entry", "limit": 30}, "on": "2026-02-10", "stays": [
        {"entry": "2026-01-01", "exit": "2026-01-30"}, {"entry": "2026-01-30"}]}, 12, "2026-02-28", None),
]
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


# -------------------------------------------------------------------------------- public routes

PERSON = {"citizenship": "RU", "on": "2026-11-21", "stamps": "+2026-08-01 -2026-09-10 +2026-10-20"}
PERSON_STAYS = {"citizenship": "RU", "on": "2026-11-21",
                "stays": [{"entry": "2026-08-01", "exit": "2026-09-10"}, {"entry": "2026-10-20"}]}
SITUATION = {"citizenship": "RU", "ground": "employment", "city": "belgrade", "age": 38,
             "family": [{"relation": "spouse", "age": 36}, {"relation": "child", "age": 5}],
             "last_entry": "2026-11-01"}
SLIP_SITUATION = {"citizenship": "UA", "ground": "study", "city": "novi_sad", "in_person": True}
SLIP_REQUEST = {"situation": SLIP_SITUATION, "payer": "Olena K, Novi Sad", "municipality": "019", "non_cash": False}


def normal_stays(stays):
    return [{"entry": s["entry"], "exit": s.get("exit")} for s in stays]


def write_json(name, value):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        json.dump(value, f)
    return path


def has_cyrillic(text):
    return re.search("[\u0400-\u04FF]", text) is not None


class PublicRoutesTest(ApiCase):
    def test_stay_report_is_the_cli_report_plus_stays(self):
        body = self.assertJsonAnswer(api("POST", "/v1/stay/report", PERSON), what="POST /v1/stay/report")
        cli_report = json.loads(cli("stay", "-c", "RU", "--stamps", PERSON["stamps"], "--on", PERSON["on"],
                                    "--json", "--explain"))
        self.assertIn("stays", body)
        self.assertEqual(normal_stays(body["stays"]), normal_stays(PERSON_STAYS["stays"]))
        if "stays" not in cli_report:
            body = {k: v for k, v in body.items() if k != "stays"}
        self.assertEqual(body, cli_report, "the report differs from `boravak stay --json --explain`")
        same = self.assertJsonAnswer(api("POST", "/v1/stay/report", PERSON_STAYS), what="report from stays")
        first = self.assertJsonAnswer(api("POST", "/v1/stay/report", PERSON), what="report from stamps")
        self.assertEqual(same, first, "stays and the same stamps give different reports")

    def test_stay_report_uses_the_contract_codes(self):
        for stays, code, path in [
                ([{"entry": "2026-03-10", "exit": "2026-03-01"}], "exit_before_entry", "stays[0].exit"),
                ([{"entry": "2026-03-01", "exit": "2026-03-10"}, {"entry": "2026-03-05"}], "overlapping_stays",
                 "stays[1].entry"),
                ([{"entry": "2026-03-01"}, {"entry": "2026-04-05"}], "open_stay_not_last", None)]:
            with self.subTest(code):
                answer = api("POST", "/v1/stay/report", {"citizenship": "RU", "on": "2026-05-01", "stays": stays})
                body = self.assertError(answer, 422, code, what="a report with %s" % code)
                self.assertTrue(body["error"]["path"].startswith("stays["), body)
                if path:
                    self.assertEqual(body["error"]["path"], path)
        self.assertError(api("POST", "/v1/stay/report", {"citizenship": "ZZ", "on": "2026-05-01", "stays": []}),
                         422, "unknown_citizenship", path="citizenship", what="citizenship ZZ")
        self.assertError(api("POST", "/v1/stay/report", {"citizenship": "AF", "on": "2026-05-01", "stays": []}),
                         422, "visa_required", path="citizenship", what="citizenship AF")

    def test_stay_report_refuses_stays_and_stamps_together(self):
        both = dict(PERSON_STAYS, stamps=PERSON["stamps"])
        self.assertError(api("POST", "/v1/stay/report", both), 422, "invalid_value", path=("stays", "stamps"),
                         what="stays and stamps together")

    def test_visarun(self):
        person = dict(PERSON, city="novi_sad")
        body = self.assertJsonAnswer(api("POST", "/v1/visarun", person), what="POST /v1/visarun")
        run = body.get("visarun")
        self.assertIsInstance(run, dict, body.keys())
        for key in ("latest_exit", "earliest_return", "crossings"):
            self.assertIn(key, run)
        self.assertTrue(run["crossings"], "no crossings from Novi Sad")
        for c in run["crossings"]:
            for key in ("name", "neighbour", "neighbour_name", "may_enter", "note"):
                self.assertIn(key, c, c)
            self.assertIsInstance(c["may_enter"], bool)
        report = self.assertJsonAnswer(api("POST", "/v1/stay/report", person), what="report with city")
        self.assertEqual({k: v for k, v in body.items() if k != "visarun"}, report,
                         "POST /v1/visarun is not the stay report plus `visarun`")

    def test_visarun_needs_a_city(self):
        self.assertError(api("POST", "/v1/visarun", PERSON), 422, "missing_field", path="city",
                         what="visarun without city")

    def test_permit_plan_in_russian_is_the_cli_plan(self):
        body = self.assertJsonAnswer(api("POST", "/v1/permit/plan?lang=ru&on=2026-11-05", SITUATION),
                                     what="permit plan ru")
        expected = json.loads(cli("permit", "plan", "--situation", write_json("situation.json", SITUATION),
                                  "--json", "--lang", "ru", "--on", "2026-11-05"))
        self.assertEqual(body.get("on"), "2026-11-05")
        self.assertEqual(body.get("language"), "ru")
        self.assertTrue(has_cyrillic(json.dumps(body["steps"], ensure_ascii=False)), "steps are not in Russian")
        self.assertEqual(body, expected, "POST /v1/permit/plan?lang=ru differs from `boravak permit plan --json`")
        english = self.assertJsonAnswer(api("POST", "/v1/permit/plan", SITUATION), what="permit plan en")
        self.assertEqual(english.get("language"), "en")
        self.assertError(api("POST", "/v1/permit/plan?on=2026-13-01", SITUATION), 422, "invalid_date", path="on",
                         what="plan?on=2026-13-01")

    def test_permit_plan_refuses_unknown_fields(self):
        answer = api("POST", "/v1/permit/plan", dict(SITUATION, groud="study"))
        self.assertError(answer, 422, "invalid_value", what="situation with a typo")

    def test_deadlines_calendar(self):
        answer = api("POST", "/v1/permit/deadlines.ics?lang=en", SITUATION)
        self.assertStatus(answer, 200, "deadlines.ics")
        self.assertEqual(answer.media_type(), "text/calendar", answer.header("Content-Type"))
        text = answer.body.decode("utf-8")
        self.assertTrue(text.startswith("BEGIN:VCALENDAR"), text[:100])
        self.assertIn("BEGIN:VEVENT", text)
        self.assertIn("BEGIN:VALARM", text, "docs/api.md: deadlines with alarms")
        self.assertTrue(text.rstrip("\r\n").endswith("END:VCALENDAR"), text[-100:])
        for stamp in re.findall(r"^DTSTAMP[;:][^\r\n]*", text, re.M):
            self.assertRegex(stamp, r"^DTSTAMP:\d{8}T\d{6}Z$", "an RFC 5545 DTSTAMP is a UTC date-time")

    def slips(self):
        return self.assertJsonAnswer(api("POST", "/v1/permit/slips?lang=en&on=2026-11-05", SLIP_REQUEST),
                                     what="slips")

    def test_slips_match_the_cli(self):
        body = self.slips()
        self.assertIsInstance(body.get("slips"), list, body)
        self.assertIsInstance(body.get("notes"), list, body)
        self.assertTrue(body["slips"], "an in-person study permit has fees to pay")
        for slip in body["slips"]:
            for key in ("person", "fee", "amount", "currency", "account", "model", "reference", "purpose",
                        "payment_code", "payload", "qr_svg"):
                self.assertIn(key, slip, slip)
            self.assertTrue(slip["payload"].startswith("K:PR|V:01|"), slip["payload"])
            self.assertIn("<svg", slip["qr_svg"])
        text = cli("permit", "slip", "--situation", write_json("slip-situation.json", SLIP_SITUATION),
                   "--municipality", "019", "--payer", "Olena K, Novi Sad", "--on", "2026-11-05")
        expected = re.findall(r"NBS IPS QR code: (.*)", text)
        self.assertEqual([s["payload"] for s in body["slips"]], expected,
                         "the slips' QR payloads differ from `boravak permit slip`")

    def test_slip_images(self):
        count = len(self.slips()["slips"])
        svg = api("POST", "/v1/permit/slips/1.svg", SLIP_REQUEST)
        self.assertStatus(svg, 200, "slip 1 svg")
        self.assertEqual(svg.media_type(), "image/svg+xml", svg.header("Content-Type"))
        self.assertIn(b"<svg", svg.body[:500])
        png = api("POST", "/v1/permit/slips/%d.png" % count, SLIP_REQUEST)
        self.assertStatus(png, 200, "slip %d png" % count)
        self.assertEqual(png.media_type(), "image/png", png.header("Content-Type"))
        self.assertEqual(png.body[:8], b"\x89PNG\r\n\x1a\n", "PNG magic bytes")

    def test_grounds(self):
        answer = api("GET", "/v1/permit/grounds?lang=en")
        body = self.assertJsonAnswer(answer, what="grounds")
        listed = [line.split("\t") for line in cli("permit", "grounds").splitlines() if "\t" in line]
        text = answer.body.decode("utf-8")
        for ground_id, name in listed:
            self.assertIn('"%s"' % ground_id, text, "ground %s is missing" % ground_id)
            self.assertIn(json.dumps(name, ensure_ascii=False)[1:-1], json.dumps(body, ensure_ascii=False))
        self.assertIn("documents", text, "docs/api.md: the grounds with their documents")
        russian = self.assertJsonAnswer(api("GET", "/v1/permit/grounds?lang=ru"), what="grounds ru")
        self.assertTrue(has_cyrillic(json.dumps(russian, ensure_ascii=False)), "grounds?lang=ru is not Russian")

    def test_fees(self):
        answer = api("GET", "/v1/fees?on=2026-11-21&lang=en")
        self.assertJsonAnswer(answer, what="fees")
        text = answer.body.decode("utf-8")
        for set_id in ("scale_2020", "list_2025", "portal_2026"):
            self.assertIn('"%s"' % set_id, text, "fee set %s is missing" % set_id)
        self.assertIn("welcometoserbia.gov.rs", text, "each set comes with its source")

    def test_guides_list_search_show(self):
        body = self.assertJsonAnswer(api("GET", "/v1/guides"), what="guides")
        self.assertIsInstance(body, list)
        ids = [g.get("id") for g in body]
        expected = [line.split("\t")[0] for line in cli("guide", "list").splitlines() if "\t" in line]
        self.assertEqual(sorted(ids), sorted(expected))
        for g in body:
            self.assertTrue(g.get("title") and g.get("summary"), g)
        found = self.assertJsonAnswer(api("GET", "/v1/guides?q=beli%20karton"), what="guide search")
        cli_order = [line.split("\t")[0].strip() for line in cli("guide", "search", "beli", "karton").splitlines()
                     if line.startswith("  ") and "\t" in line]
        self.assertEqual([g.get("id") for g in found], cli_order, "search results, best first")
        ru = self.assertJsonAnswer(api("GET", "/v1/guides?lang=ru&q=" + urllib.parse.quote("визаран")),
                                   what="guide search ru")
        self.assertEqual(ru[0].get("id"), "visa_run", ru)
        guide = self.assertJsonAnswer(api("GET", "/v1/guides/visa_run"), what="guide visa_run")
        for key in ("id", "title", "paragraphs", "sources", "rules"):
            self.assertIn(key, guide)
        self.assertEqual(guide["id"], "visa_run")
        self.assertTrue(guide["paragraphs"] and all(isinstance(p, str) and p for p in guide["paragraphs"]))
        shown = cli("guide", "show", "visa_run")
        for paragraph in guide["paragraphs"]:
            self.assertIn(paragraph, shown, "a paragraph `boravak guide show` does not have")
        for source in guide["sources"]:
            self.assertEqual(sorted(source), ["confidence", "confidence_text", "source"], source)
        self.assertEqual(guide["title"], "Visa runs: leaving Serbia to restart the count")
        self.assertIn("visarun/crossings.toml", json.dumps(guide["rules"]))
        guide_sr = self.assertJsonAnswer(api("GET", "/v1/guides/visa_run?lang=sr-Cyrl"), what="guide sr-Cyrl")
        self.assertTrue(has_cyrillic(guide_sr["title"]), guide_sr["title"])
        self.assertError(api("GET", "/v1/guides/no_such_guide"), 404, "not_found", what="unknown guide")

    def test_rules(self):
        body = self.assertJsonAnswer(api("GET", "/v1/rules"), what="rules")
        files = {entry.get("file") for entry in body}
        on_disk = {os.path.relpath(os.path.join(d, f), RULES_DIR)[:-5]
                   for d, _, names in os.walk(RULES_DIR) for f in names if f.endswith(".toml")}
        self.assertEqual(files, on_disk, "GET /v1/rules lists the files of rules/")
        for entry in body:
            self.assertTrue(entry.get("title"), entry)
        answer = api("GET", "/v1/rules/permit/fees")
        self.assertJsonAnswer(answer, what="rules/permit/fees")
        self.assertIn("portal_2026", answer.body.decode("utf-8"))
        self.assertIn("welcometoserbia.gov.rs", answer.body.decode("utf-8"))
        self.assertError(api("GET", "/v1/rules/permit/nothing"), 404, "not_found", what="unknown rules file")
        self.assertError(api("GET", "/v1/rules/..%2F..%2Fetc%2Fpasswd"), 404, "not_found", what="path escape")

    def test_countries(self):
        body = self.assertJsonAnswer(api("GET", "/v1/countries"), what="countries")
        by_code = {c.get("code"): c for c in body}
        with open(os.path.join(RULES_DIR, "countries.toml"), "rb") as f:
            names = tomllib.load(f)["countries"]
        self.assertEqual(set(by_code), set(names))
        self.assertEqual({k: by_code["RU"].get(k, "(absent)") for k in ("code", "name", "visa_free")},
                         {"code": "RU", "name": names["RU"], "visa_free": True}, "docs/api.md: {code, name, visa_free}")
        self.assertFalse(by_code["AF"]["visa_free"])
        dated = self.assertJsonAnswer(api("GET", "/v1/countries?on=2026-11-21"), what="countries?on=")
        self.assertEqual(len(dated), len(body))
        self.assertError(api("GET", "/v1/countries?on=2026-02-30"), 422, "invalid_date", path="on",
                         what="countries?on=2026-02-30")

    def test_cities(self):
        body = self.assertJsonAnswer(api("GET", "/v1/cities"), what="cities")
        with open(os.path.join(RULES_DIR, "visarun", "cities.toml"), "rb") as f:
            cities = tomllib.load(f)["city"]
        self.assertEqual(sorted(c.get("id") for c in body), sorted(c["id"] for c in cities))
        self.assertIn({"id": "belgrade", "name": "Belgrade"}, [{"id": c["id"], "name": c["name"]} for c in body])

    def test_texts(self):
        en = self.assertJsonAnswer(api("GET", "/v1/texts/en"), what="texts/en")
        cyr = self.assertJsonAnswer(api("GET", "/v1/texts/sr-Cyrl"), what="texts/sr-Cyrl")
        self.assertEqual(en.get("lang"), "en")
        self.assertEqual(cyr.get("lang"), "sr-Cyrl")
        self.assertIsInstance(en.get("texts"), dict)
        self.assertTrue(en["texts"], "the web page has no texts")
        self.assertTrue(all(k.startswith("web.") for k in en["texts"]), list(en["texts"])[:5])
        self.assertEqual(set(cyr["texts"]), set(en["texts"]), "every language has every web.* message")
        for body in (en, cyr):
            untranslated = sorted(k for k, v in body["texts"].items() if not v.strip() or v.strip() == "[%s]" % k)
            if untranslated:
                self.fail("%s: %d of %d texts are placeholders, e.g. %s" %
                          (body["lang"], len(untranslated), len(body["texts"]), untranslated[:3]))
        self.assertTrue(has_cyrillic("".join(cyr["texts"].values())), "sr-Cyrl texts are not in Cyrillic")


# ---------------------------------------------------------------------------- response shapes

class ResponseShapesTest(ApiCase):
    """Every JSON answer fits its schema in api/openapi.json (keeps the document honest)."""

    def test_answers_fit_the_document(self):
        checker = SchemaChecker(load_openapi())
        requests = [
            ("/v1/health", "GET", "/v1/health", None),
            ("/v1/texts/{lang}", "GET", "/v1/texts/ru", None),
            ("/v1/countries", "GET", "/v1/countries", None),
            ("/v1/cities", "GET", "/v1/cities", None),
            ("/v1/stay/check", "POST", "/v1/stay/check", WORKED[0][0]),
            ("/v1/stay/report", "POST", "/v1/stay/report", PERSON),
            ("/v1/visarun", "POST", "/v1/visarun", dict(PERSON, city="belgrade")),
            ("/v1/permit/plan", "POST", "/v1/permit/plan?lang=uk", SITUATION),
            ("/v1/permit/slips", "POST", "/v1/permit/slips", SLIP_REQUEST),
            ("/v1/permit/grounds", "GET", "/v1/permit/grounds", None),
            ("/v1/fees", "GET", "/v1/fees?on=2026-11-21", None),
            ("/v1/guides", "GET", "/v1/guides", None),
            ("/v1/guides", "GET", "/v1/guides?q=permit", None),
            ("/v1/guides/{id}", "GET", "/v1/guides/beli_karton", None),
            ("/v1/rules", "GET", "/v1/rules", None),
            ("/v1/rules/{file}", "GET", "/v1/rules/countries", None),
            ("/v1/rules/{folder}/{file}", "GET", "/v1/rules/stay/regimes", None),
        ]
        problems = []
        for template, method, path, body in requests:
            answer = api(method, path, body)
            if answer.status != 200:
                problems.append("%s %s: %s" % (method, path, answer.describe()))
                continue
            try:
                value = answer.json()
            except ValueError:
                problems.append("%s %s: not JSON" % (method, path))
                continue
            for p in checker.check(value, checker.schema_for(template, method, 200))[:8]:
                problems.append("%s %s: %s" % (method, path, p))
        fees = api("GET", "/v1/fees?on=2026-11-21").json()
        try:
            marked = [s["id"] for s in fees["sets"] if s.get("in_force")]
            if marked != ["portal_2026"]:
                problems.append("GET /v1/fees?on=2026-11-21 marks %r in force, expected ['portal_2026']" % marked)
        except (TypeError, KeyError) as e:
            problems.append("GET /v1/fees: cannot find the marked set (%s)" % e)
        if problems:
            self.fail("answers that do not fit api/openapi.json:\n  " + "\n  ".join(problems))


# -------------------------------------------------------------------------------------- errors

class ErrorsTest(ApiCase):
    def test_unknown_route(self):
        self.assertError(api("GET", "/v1/no/such/route"), 404, "not_found", path="", what="unknown route")
        self.assertError(api("POST", "/v1/nothing", {}), 404, "not_found", what="unknown route, POST")

    def test_missing_static_file_is_json(self):
        self.assertError(api("GET", "/static/no-such-file.js"), 404, "not_found", what="missing static file")

    def test_wrong_method(self):
        for method, path in (("DELETE", "/v1/health"), ("GET", "/v1/stay/check"), ("PUT", "/v1/profiles")):
            answer = api(method, path)
            self.assertError(answer, 405, "method_not_allowed", what="%s %s" % (method, path))
            self.assertTrue(answer.header("Allow"), "%s %s: a 405 names the allowed methods in Allow" %
                            (method, path))

    def test_malformed_json(self):
        for path in ("/v1/stay/report", "/v1/permit/plan", "/v1/profiles"):
            self.assertError(api("POST", path, '{"citizenship": "RU", '), 400, "invalid_json", path="",
                             what="malformed JSON to %s" % path)
        # /v1/stay/check: docs/api.md allows two readings (400 invalid_json, or 422 with the contract's line
        # for "an invalid case", which is what `boravak batch` writes for a line that is not JSON).
        answer = api("POST", "/v1/stay/check", '{"citizenship": "RU", ')
        self.assertIn(answer.status, (400, 422), answer.describe())
        body = self.assertError(answer, answer.status, "invalid_json", path="", what="malformed JSON to stay/check")
        if answer.status == 422:
            self.assertEqual(body, batch_answers(['{"citizenship": "RU", '])[0])

    def test_body_too_large(self):
        filler = "x" * (70 * 1024)
        body = json.dumps({"citizenship": "RU", "on": "2026-11-21", "stamps": "+2026-11-01", "city": filler})
        for path in ("/v1/stay/report", "/v1/profiles"):
            request = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Content-Length: %d\r\nConnection: close\r\n\r\n" % (path, len(body))).encode() + body.encode()
            status, headers, data = parse_raw_answer(raw_exchange(MAIN.port, request))
            self.assertEqual(status, 413, "a 70 KiB body to %s: %r" % (path, data[:200]))
            self.assertTrue(headers.get("content-type", "").startswith(JSON_TYPE), headers)
            self.assertEqual(json.loads(data)["error"]["code"], "body_too_large")

    def test_bad_date(self):
        person = {"citizenship": "RU", "on": "2026-03-10", "stays": [{"entry": "2026-02-30"}]}
        self.assertError(api("POST", "/v1/stay/report", person), 422, "invalid_date", path="stays[0].entry",
                         what="report with 2026-02-30")
        self.assertError(api("GET", "/v1/fees?on=2026-13-01"), 422, "invalid_date", path="on", what="fees?on=")

    def test_unsupported_media_type(self):
        self.assertError(api("POST", "/v1/stay/report", json.dumps(PERSON), content_type="text/plain"), 415,
                         "unsupported_media_type", what="a person sent as text/plain")


# ------------------------------------------------------------------------------------ profiles

def new_profile(test, settings=None):
    answer = api("POST", "/v1/profiles", settings if settings is not None else None)
    body = test.assertJsonAnswer(answer, 201, "POST /v1/profiles")
    secret = body.get("secret", "")
    test.assertGreaterEqual(len(secret), 43, "the secret has %d characters" % len(secret))
    test.assertRegex(secret, r"^[A-Za-z0-9_-]+$", "a secret that goes into a URL fragment is URL-safe")
    SECRETS.append(secret)
    SENSITIVE.add(secret)
    return secret, body


def add_item(test, secret, collection, item, status=201):
    """Adds an item (sent with all its fields) and checks the answer is the item plus its id."""
    for key, value in item.items():
        if key in ("entry", "exit", "from", "until", "birth_date", "on", "note", "name") and value:
            SENSITIVE.add(value)
    answer = api("POST", "/v1/profile/" + collection, item, secret=secret)
    body = test.assertJsonAnswer(answer, status, "POST /v1/profile/%s" % collection)
    test.assertIn("id", body, body)
    test.assertEqual(documented(body), item, "the saved item is what was sent")
    return body


ITEM_STAMPS = ("created", "updated")  # not in docs/api.md; the server adds them, the document lists them


def documented(item):
    """An item without its id and time stamps."""
    return {k: v for k, v in item.items() if k != "id" and k not in ITEM_STAMPS}


def items_by_id(profile):
    return {(c, str(i["id"])): i for c in ("trips", "permits", "family", "reminders") for i in profile.get(c, [])}


class ProfileHelpers(ApiCase):
    def fill(self, tag, year):
        secret, created = new_profile(self, {"name": "Owner %s" % tag, "citizenship": "RU", "lang": "en",
                                             "city": "belgrade"})
        trips = [add_item(self, secret, "trips", {"entry": "%d-03-02" % year, "exit": "%d-03-20" % year,
                                                  "note": "trip one of %s" % tag}),
                 add_item(self, secret, "trips", {"entry": "%d-05-04" % year, "exit": None, "note": ""})]
        permits = [add_item(self, secret, "permits", {"ground": "employment", "from": "%d-06-01" % year,
                                                      "until": "%d-05-31" % (year + 1), "note": "work %s" % tag})]
        family = [add_item(self, secret, "family", {"relation": "child", "name": "Child of %s" % tag,
                                                    "birth_date": "2018-04-0%d" % (year % 9 + 1),
                                                    "citizenship": "RU"})]
        reminders = [add_item(self, secret, "reminders", {"kind": "renewal", "on": "%d-03-01" % (year + 1),
                                                          "note": "renew %s" % tag,
                                                          "family_id": family[0]["id"]})]
        return secret, created, {"trips": trips, "permits": permits, "family": family, "reminders": reminders}

    def profile(self, secret, what="GET /v1/profile"):
        return self.assertJsonAnswer(api("GET", "/v1/profile", secret=secret), 200, what)


class ProfileTest(ProfileHelpers):
    def test_create_fill_read_change(self):
        secret, created, items = self.fill("Ana", 2023)
        self.assertIn(secret, created.get("link", ""), "the link carries the secret in its fragment")
        self.assertTrue(created["link"].startswith("/#p="), created.get("link"))
        self.assertEqual(created["profile"]["settings"]["name"], "Owner Ana")
        profile = self.profile(secret)
        for key in ("settings", "trips", "permits", "family", "reminders", "created", "updated"):
            self.assertIn(key, profile)
        for collection, saved in items.items():
            self.assertEqual(sorted(json.dumps(i, sort_keys=True) for i in profile[collection]),
                             sorted(json.dumps(i, sort_keys=True) for i in saved), collection)
        # PUT replaces, DELETE removes.
        trip = items["trips"][1]
        changed = {"entry": "2023-05-04", "exit": "2023-05-30", "note": "back home"}
        SENSITIVE.add("back home")
        put = self.assertJsonAnswer(api("PUT", "/v1/profile/trips/%s" % trip["id"], changed, secret=secret),
                                    200, "PUT trip")
        self.assertEqual(put.get("id"), trip["id"])
        self.assertEqual(documented(put), changed)
        self.assertIn(put, self.profile(secret)["trips"])
        deleted = api("DELETE", "/v1/profile/trips/%s" % trip["id"], secret=secret)
        self.assertStatus(deleted, 204, "DELETE trip")
        self.assertEqual(deleted.body, b"")
        self.assertNotIn(trip["id"], [t["id"] for t in self.profile(secret)["trips"]])
        self.assertError(api("DELETE", "/v1/profile/trips/%s" % trip["id"], secret=secret), 404, "not_found",
                         what="DELETE a deleted trip")
        # PATCH settings keeps the fields left out.
        settings = self.assertJsonAnswer(api("PATCH", "/v1/profile", {"city": "novi_sad", "lang": "ru"},
                                             secret=secret), 200, "PATCH /v1/profile")
        self.assertEqual(settings, {"settings": {"name": "Owner Ana", "citizenship": "RU", "lang": "ru",
                                                 "city": "novi_sad"}})
        self.assertEqual(self.profile(secret)["settings"], settings["settings"])
        # The export is the profile, as an attachment.
        export = api("GET", "/v1/profile/export", secret=secret)
        body = self.assertJsonAnswer(export, 200, "GET /v1/profile/export")
        self.assertRegex(export.header("Content-Disposition") or "", r"^attachment\b")
        self.assertEqual(body, self.profile(secret))

    def test_validation(self):
        secret, _ = new_profile(self)
        trip = {"entry": "2023-02-03", "exit": None, "note": ""}
        member = {"relation": "spouse", "name": "X", "birth_date": "1990-01-01", "citizenship": "RU"}
        for collection, item, code, path, what in [
                ("trips", dict(trip, entry="2023-02-30"), "invalid_date", "entry", "trip with 2023-02-30"),
                ("trips", dict(trip, note="n" * 201), "invalid_value", "note", "a note of 201 characters"),
                ("trips", {"exit": None, "note": "no entry"}, "missing_field", "entry", "trip without entry"),
                ("family", dict(member, relation="cousin"), "invalid_value", "relation", "relation cousin"),
                ("family", dict(member, name="n" * 101), "invalid_value", "name", "a name of 101 characters"),
                ("reminders", {"kind": "party", "on": "2023-01-01", "note": "", "family_id": None}, "invalid_value",
                 "kind", "reminder kind party")]:
            with self.subTest(what):
                self.assertError(api("POST", "/v1/profile/" + collection, item, secret=secret), 422, code,
                                 path=path, what=what)
        self.assertError(api("POST", "/v1/profile/pets", {"name": "Rex"}, secret=secret), 404, "not_found",
                         what="unknown collection")
        self.assertError(api("GET", "/v1/profile/status?on=2023-13-45", secret=secret), 422, "invalid_date",
                         path="on", what="status?on=bad")
        self.assertEqual(self.profile(secret)["trips"], [])

    def test_status_is_the_stay_report_for_the_trips(self):
        secret, _ = new_profile(self, {"citizenship": "RU"})
        add_item(self, secret, "trips", {"entry": "2026-07-03", "exit": "2026-07-29", "note": ""})
        add_item(self, secret, "trips", {"entry": "2026-10-23", "exit": None, "note": ""})
        body = self.assertJsonAnswer(api("GET", "/v1/profile/status?on=2026-11-10", secret=secret), 200,
                                     "GET /v1/profile/status")
        case = {"id": "status", "citizenship": "RU", "on": "2026-11-10",
                "stays": [{"entry": "2026-07-03", "exit": "2026-07-29"}, {"entry": "2026-10-23"}]}
        expected = batch_answers([json.dumps(case)])[0]
        self.assertEqual(strip_id(body["applied"]["result"]), strip_id(expected))
        self.assertEqual(body["on"], "2026-11-10")

    def test_link_code(self):
        secret, _ = new_profile(self)
        before = datetime.datetime.now(datetime.timezone.utc)
        answers = [api("POST", "/v1/profile/link-code", secret=secret) for _ in range(2)]
        codes = []
        for answer in answers:
            body = self.assertJsonAnswer(answer, 201, "POST /v1/profile/link-code")
            self.assertEqual(len(body.get("code", "")), 8, body)
            SENSITIVE.add(body["code"])
            codes.append(body["code"])
            try:
                expires = datetime.datetime.fromisoformat(body["expires_at"])
            except (KeyError, ValueError) as e:
                self.fail("expires_at is not an ISO 8601 date-time: %r (%s)" % (body.get("expires_at"), e))
            if expires.tzinfo is None:
                self.fail("expires_at has no time zone: %r" % body["expires_at"])
            minutes = (expires - before).total_seconds() / 60
            self.assertTrue(14 <= minutes <= 16.5, "the code is valid 15 minutes, expires_at says %.1f" % minutes)
        self.assertNotEqual(codes[0], codes[1], "each code is new")

    def test_isolation(self):
        secret_a, _, items_a = self.fill("Alpha", 2021)
        secret_b, _, items_b = self.fill("Beta", 2022)
        snapshot_a = self.profile(secret_a, "A before")
        replacement = {"trips": {"entry": "2020-01-01", "exit": "2020-01-02", "note": "stolen"},
                       "permits": {"ground": "study", "from": "2020-01-01", "until": "2020-12-31", "note": "stolen"},
                       "family": {"relation": "spouse", "name": "stolen", "birth_date": "1990-01-01",
                                  "citizenship": "UA"},
                       "reminders": {"kind": "custom", "on": "2020-01-01", "note": "stolen", "family_id": None}}
        missing = {}
        for collection, ours in replacement.items():
            missing[collection] = api("PUT", "/v1/profile/%s/no-such-item-9999999" % collection, ours,
                                      secret=secret_a)
            self.assertError(missing[collection], 404, "not_found", what="PUT a %s that does not exist" % collection)
        for collection, saved in items_a.items():
            for item in saved:
                url = "/v1/profile/%s/%s" % (collection, item["id"])
                with self.subTest(collection=collection, id=item["id"]):
                    read = api("GET", url, secret=secret_b)
                    self.assertIn(read.status, (404, 405), "B reads A's %s: %s" % (collection, read.describe()))
                    self.assertNotIn(b"Alpha", read.body)
                    put = api("PUT", url, replacement[collection], secret=secret_b)
                    self.assertError(put, 404, "not_found", what="B replaces A's %s" % collection)
                    self.assertEqual(put.status, missing[collection].status)
                    self.assertError(api("DELETE", url, secret=secret_b), 404, "not_found",
                                     what="B deletes A's %s" % collection)
                    other = "permits" if collection == "trips" else "trips"
                    self.assertError(api("PUT", "/v1/profile/%s/%s" % (other, item["id"]), replacement[other],
                                         secret=secret_a), 404, "not_found",
                                     what="A's %s id used under /%s" % (collection, other))
        # B may not point a reminder at A's family member.
        sneaky = api("POST", "/v1/profile/reminders", {"kind": "custom", "on": "2022-01-01", "note": "x",
                                                       "family_id": items_a["family"][0]["id"]}, secret=secret_b)
        self.assertIn(sneaky.status, (404, 422), "B links a reminder to A's family member: %s" % sneaky.describe())
        self.assertEqual(self.profile(secret_a, "A after"), snapshot_a, "A's profile changed")
        b = self.profile(secret_b, "B after")
        self.assertNotIn("Alpha", json.dumps(b))
        self.assertEqual(set(items_by_id(b)), {(c, str(i["id"])) for c, v in items_b.items() for i in v})

    def test_secrets(self):
        secret, _ = new_profile(self)
        routes = [("GET", "/v1/profile", None), ("PATCH", "/v1/profile", {"name": "x"}),
                  ("GET", "/v1/profile/export", None), ("GET", "/v1/profile/status", None),
                  ("POST", "/v1/profile/link-code", None),
                  ("POST", "/v1/profile/trips", {"entry": "2020-01-01"}),
                  ("PUT", "/v1/profile/trips/1", {"entry": "2020-01-01"}), ("DELETE", "/v1/profile/trips/1", None),
                  ("DELETE", "/v1/profile", None)]
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        flipped = secret[:20] + alphabet[(alphabet.index(secret[20]) + 1) % len(alphabet)] + secret[21:]
        random_secret = base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")
        for label, headers in (("no secret", {}),
                               ("random secret", {"Authorization": "Bearer " + random_secret}),
                               ("one character changed", {"Authorization": "Bearer " + flipped}),
                               ("secret with a suffix", {"Authorization": "Bearer " + secret + "A"}),
                               ("empty bearer", {"Authorization": "Bearer "}),
                               ("not bearer", {"Authorization": "Basic " + secret})):
            for method, path, body in routes:
                with self.subTest(label=label, route="%s %s" % (method, path)):
                    self.assertError(api(method, path, body, headers=headers), 401, "unauthorized",
                                     what="%s %s with %s" % (method, path, label))
        self.profile(secret, "the right secret still works")

    def test_delete_profile(self):
        secret, _ = new_profile(self, {"name": "Doomed"})
        add_item(self, secret, "trips", {"entry": "2024-02-02", "exit": "2024-02-09", "note": "gone soon"})
        code = self.assertJsonAnswer(api("POST", "/v1/profile/link-code", secret=secret), 201, "link code")
        SENSITIVE.add(code["code"])
        answer = api("DELETE", "/v1/profile", secret=secret)
        self.assertStatus(answer, 204, "DELETE /v1/profile")
        self.assertEqual(answer.body, b"")
        self.assertError(api("GET", "/v1/profile", secret=secret), 401, "unauthorized", what="after DELETE")
        self.assertError(api("DELETE", "/v1/profile", secret=secret), 401, "unauthorized", what="DELETE twice")


class LogPrivacyTest(ProfileHelpers):
    """Runs after the other profile tests: their secrets and data, and a workflow with marked data,
    must not reach the server's log (stderr and stdout)."""

    def test_log_holds_no_secret_date_or_body(self):
        marks = {"name": "Zorana Logtestova", "trip_entry": "2019-03-17", "trip_exit": "2019-04-02",
                 "note": "note-marker-7c1f9", "family": "Mirko Logtestov", "birth": "2012-06-29",
                 "reminder": "remind-marker-55ab", "remind_on": "2019-05-23", "renamed": "Zora Renamed"}
        SENSITIVE.update(marks.values())
        secret, _ = new_profile(self, {"name": marks["name"], "citizenship": "RU", "lang": "en", "city": "nis"})
        trip = add_item(self, secret, "trips", {"entry": marks["trip_entry"], "exit": marks["trip_exit"],
                                                "note": marks["note"]})
        fam = add_item(self, secret, "family", {"relation": "child", "name": marks["family"],
                                                "birth_date": marks["birth"], "citizenship": "RU"})
        add_item(self, secret, "reminders", {"kind": "custom", "on": marks["remind_on"], "note": marks["reminder"],
                                             "family_id": fam["id"]})
        api("PATCH", "/v1/profile", {"name": marks["renamed"]}, secret=secret)
        api("PUT", "/v1/profile/trips/%s" % trip["id"], {"entry": marks["trip_entry"], "exit": marks["trip_exit"],
                                                         "note": marks["note"]}, secret=secret)
        api("GET", "/v1/profile/export", secret=secret)
        api("GET", "/v1/profile/status?on=2019-04-01", secret=secret)
        code = api("POST", "/v1/profile/link-code", secret=secret).json().get("code")
        if code:
            SENSITIVE.add(code)
        api("POST", "/v1/profile/trips", {"entry": "2019-02-30", "note": marks["note"]}, secret=secret)  # a 422
        api("POST", "/v1/profile/trips", '{"note": "' + marks["note"] + '", ', secret=secret)  # a 400
        api("GET", "/v1/profile", secret=secret[:-1] + ("A" if secret[-1] != "A" else "B"))  # a 401
        time.sleep(0.5)
        log = MAIN.log()
        self.assertIn("/v1/profile", log, "with --access-log the log names the routes; it shows none, so this "
                                          "test would prove nothing")
        leaks = []
        for value in sorted(SENSITIVE):
            if len(value) >= 6 and value in log:
                leaks.append(value)
        for s in SECRETS:
            windows = {s[i:i + 12] for i in range(0, len(s) - 11)}
            if any(w in log for w in windows) and s not in leaks:
                leaks.append("part of secret %s..." % s[:4])
        if leaks:
            lines = [line for line in log.splitlines() if any(v[:12] in line for v in leaks)][:10]
            self.fail("the server log holds private data: %r\nfor example:\n  %s" % (leaks[:10], "\n  ".join(lines)))


# ------------------------------------------------------------------------------ headers and limits

SECURITY_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
                    "x-frame-options": "DENY"}


def header_problems(method, path, headers):
    """headers: dict with lower-case names."""
    problems = []
    if not headers.get("content-security-policy"):
        problems.append("no Content-Security-Policy")
    for name, value in SECURITY_HEADERS.items():
        if (headers.get(name) or "").strip().lower() != value.lower():
            problems.append("%s is %r, not %r" % (name, headers.get(name), value))
    if path.split("?")[0].startswith("/v1/profile"):
        if "no-store" not in (headers.get("cache-control") or "").lower():
            problems.append("Cache-Control is %r, not no-store" % headers.get("cache-control"))
    return ["%s %s: %s" % (method, path, p) for p in problems]


class SecurityHeadersTest(ApiCase):
    def test_every_answer(self):
        secret, _ = new_profile(self)
        trip = api("POST", "/v1/profile/trips", {"entry": "2020-06-06"}, secret=secret).json()
        for method, path, body, sec in [
                ("GET", "/v1/health", None, None), ("GET", "/v1/no/such/route", None, None),
                ("DELETE", "/v1/health", None, None), ("POST", "/v1/stay/check", "{", None),
                ("POST", "/v1/stay/check", {"id": "x"}, None),
                ("POST", "/v1/stay/batch", WORKED[0][0], None),
                ("POST", "/v1/permit/deadlines.ics", SITUATION, None),
                ("POST", "/v1/permit/slips/1.png", SLIP_REQUEST, None),
                ("POST", "/v1/permit/slips/1.svg", SLIP_REQUEST, None),
                ("GET", "/", None, None),
                ("GET", "/v1/profile", None, None), ("GET", "/v1/profile", None, secret),
                ("PUT", "/v1/profile/trips/%s" % trip.get("id"), {"entry": "2020-06-07"}, secret),
                ("DELETE", "/v1/profile/trips/%s" % trip.get("id"), None, secret),
                ("GET", "/v1/profile/export", None, secret)]:
            api(method, path, body, secret=sec)
        request = ("POST /v1/stay/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 70000\r\nConnection: close\r\n\r\n").encode() + b" " * 70000
        status, headers, _ = parse_raw_answer(raw_exchange(MAIN.port, request))
        problems = header_problems("POST", "/v1/stay/report (70000 bytes)", headers)
        seen = set()
        for method, path, answer in ANSWERS:
            headers = {k.lower(): v for k, v in answer.headers}
            for p in header_problems(method, path, headers):
                key = p.split(": ", 1)[-1] + "@" + str(answer.status)
                if key not in seen:
                    seen.add(key)
                    problems.append("%s (status %d)" % (p, answer.status))
        if problems:
            self.fail("%d answers lack security headers (first of each kind):\n  %s" %
                      (len(problems), "\n  ".join(problems[:40])))


class RateLimitTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BINARY, "sqlite:" + os.path.join(TMP, "rate.sqlite"), ["--rate-limit", "5"],
                            name="rate", workdir=TMP).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_burst_gets_429(self):
        time.sleep(1.5)  # the readiness checks of start() took tokens; let the bucket fill up again

        def one(_):
            return call(self.server.port, "GET", "/v1/cities", timeout=30)
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            answers = list(pool.map(one, range(50)))
        ok = [a for a in answers if a.status == 200]
        limited = [a for a in answers if a.status == 429]
        other = [a.describe() for a in answers if a.status not in (200, 429)]
        self.assertFalse(other, other[:3])
        self.assertTrue(limited, "50 requests at once with --rate-limit 5 got no 429")
        self.assertGreaterEqual(len(ok), 5, "the burst equals the rate: at least 5 answered")
        self.assertLessEqual(len(ok), 15, "%d of 50 answered at a limit of 5 per second" % len(ok))
        waits = []
        for a in limited:
            self.assertError(a, 429, "rate_limited")
            retry = a.header("Retry-After")
            self.assertIsNotNone(retry, "a 429 without Retry-After")
            self.assertRegex(retry.strip(), r"^[1-9][0-9]*$", "Retry-After in whole seconds")
            waits.append(int(retry))
            self.assertEqual(header_problems("GET", "/v1/cities", {k.lower(): v for k, v in a.headers}), [])
        time.sleep(max(waits) + 0.2)
        self.assertStatus(call(self.server.port, "GET", "/v1/cities"), 200, "after waiting Retry-After")


class SlowClientTest(ApiCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BINARY, "sqlite:" + os.path.join(TMP, "slow.sqlite"), ["--header-timeout", "1"],
                            name="slow", workdir=TMP).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_half_a_request_line_is_cut_off(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        try:
            s.sendall(b"GET /v1/heal")
            started = time.monotonic()
            data = b""
            closed = False
            while time.monotonic() - started < 8:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    closed = True
                    break
                except socket.timeout:
                    break
                if not chunk:
                    closed = True
                    break
                data += chunk
            elapsed = time.monotonic() - started
        finally:
            s.close()
        self.assertTrue(closed, "the server kept a stalled connection open for %.1f s" % elapsed)
        self.assertLessEqual(elapsed, 3.0, "closed after %.1f s with --header-timeout 1" % elapsed)
        if data:  # an answer before closing is allowed, if it is a JSON failure
            status, headers, body = parse_raw_answer(data)
            self.assertIn(status, (400, 408), data[:200])
            self.assertIn("code", json.loads(body)["error"])
        self.assertStatus(call(self.server.port, "GET", "/v1/health"), 200, "the server still answers")

    def test_many_stalled_connections_do_not_block_others(self):
        sockets = []
        try:
            for _ in range(20):
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                s.sendall(b"POST /v1/stay/check HTTP/1.1\r\nHost: x\r\n")
                sockets.append(s)
            started = time.monotonic()
            self.assertStatus(call(self.server.port, "GET", "/v1/health", timeout=5), 200, "while 20 clients stall")
            self.assertLess(time.monotonic() - started, 2.0)
        finally:
            for s in sockets:
                s.close()


ORDER = [HealthTest, StayCheckTest, BatchTest, PublicRoutesTest, ResponseShapesTest, ErrorsTest, ProfileTest,
         LogPrivacyTest, SecurityHeadersTest, RateLimitTest, SlowClientTest]


def main():
    names = [a for a in UNITTEST_ARGS if not a.startswith("-")]
    verbosity = 2 if "-v" in UNITTEST_ARGS else 1
    loader = unittest.TestLoader()
    if names:
        suite = loader.loadTestsFromNames(names, sys.modules[__name__])
    else:
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in ORDER)
    result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    if result.wasSuccessful():
        shutil.rmtree(TMP, ignore_errors=True)
        print("PASS: the API answers as docs/api.md says")
        return 0
    print("FAIL: %d failure(s), %d error(s); server logs kept in %s" %
          (len(result.failures), len(result.errors), TMP), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
