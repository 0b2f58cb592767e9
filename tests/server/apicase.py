"""Shared by the API test scripts tests/server/api_*_test.py (Python 3 standard library only).

- configure(): reads BINARY from the command line, makes the script's temporary folder and the
  main server: `BINARY serve --db sqlite:TMP/db.sqlite --rate-limit 100000 --access-log` (the
  high limit so that the tests never meet it, the access log so that there is a log to read).
- start_main_server() and stop_main_server() are each script's setUpModule and tearDownModule.
  stop_main_server() also checks the security headers of every answer api() got in the script
  (see header_problems), so that every route's answers are checked, whichever script asked.
- api() makes a request to the main server and records the answer in ANSWERS; cli() and
  batch_answers() run the CLI, whose answers the API must match.
- ApiCase: unittest.TestCase with assertStatus, assertJsonAnswer and assertError (docs/api.md).
- new_profile(): creates a profile; its secret goes to SECRETS and SENSITIVE.
- Sample requests used by more than one script: RO, WORKED, PERSON, SITUATION, SLIP_REQUEST.
- main(): runs the script's test classes in order (or the ones named on the command line).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from serverlib import Server, binary_from_argv, call, environment

BINARY = None
UNITTEST_ARGS = []
TMP = None
MAIN = None
ANSWERS = []          # (method, path, Answer) of every request made through api()
SENSITIVE = set()     # secrets, trip dates, names and notes sent to profile routes: never in the log
SECRETS = []
JSON_TYPE = "application/json"


def configure(usage, name):
    """Returns (BINARY, TMP, MAIN); MAIN is started by start_main_server()."""
    global BINARY, UNITTEST_ARGS, TMP, MAIN
    BINARY, UNITTEST_ARGS = binary_from_argv(usage)
    TMP = tempfile.mkdtemp(prefix="boravak-%s-" % name)
    # $BORAVAK_TEST_DB runs the same tests on another store (a PostgreSQL URL).
    db = os.environ.get("BORAVAK_TEST_DB") or "sqlite:" + os.path.join(TMP, "db.sqlite")
    MAIN = Server(BINARY, db, ["--rate-limit", "100000", "--access-log"], name="main", workdir=TMP)
    return BINARY, TMP, MAIN


def start_main_server():
    MAIN.start()


def stop_main_server():
    if MAIN is not None:
        MAIN.stop()
    problems = answers_header_problems(ANSWERS)
    if problems:
        raise AssertionError("%d answers lack security headers (first of each kind):\n  %s" %
                             (len(problems), "\n  ".join(problems[:40])))


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


def new_profile(test, settings=None):
    answer = api("POST", "/v1/profiles", settings if settings is not None else None)
    body = test.assertJsonAnswer(answer, 201, "POST /v1/profiles")
    secret = body.get("secret", "")
    test.assertGreaterEqual(len(secret), 43, "the secret has %d characters" % len(secret))
    test.assertRegex(secret, r"^[A-Za-z0-9_-]+$", "a secret that goes into a URL fragment is URL-safe")
    SECRETS.append(secret)
    SENSITIVE.add(secret)
    return secret, body


# ------------------------------------------------------------------------------- security headers

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


def answers_header_problems(answers):
    """header_problems of (method, path, Answer) triples, the first of each kind per status."""
    problems = []
    seen = set()
    for method, path, answer in answers:
        headers = {k.lower(): v for k, v in answer.headers}
        for p in header_problems(method, path, headers):
            key = p.split(": ", 1)[-1] + "@" + str(answer.status)
            if key not in seen:
                seen.add(key)
                problems.append("%s (status %d)" % (p, answer.status))
    return problems


# ------------------------------------------------------------------------------- sample requests

RO = {"kind": "rolling", "limit": 90, "window": 180}
WORKED = [  # docs/contracts/stay-engine.md, "Worked examples", plus the per-entry example
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
PERSON = {"citizenship": "RU", "on": "2026-11-21", "stamps": "+2026-08-01 -2026-09-10 +2026-10-20"}
SITUATION = {"citizenship": "RU", "ground": "employment", "city": "belgrade", "age": 38,
             "family": [{"relation": "spouse", "age": 36}, {"relation": "child", "age": 5}],
             "last_entry": "2026-11-01"}
SLIP_SITUATION = {"citizenship": "UA", "ground": "study", "city": "novi_sad", "in_person": True}
SLIP_REQUEST = {"situation": SLIP_SITUATION, "payer": "Olena K, Novi Sad", "municipality": "019", "non_cash": False}


def main(order, module, passed):
    """Runs the classes of `order` (or the tests named on the command line); the exit status."""
    names = [a for a in UNITTEST_ARGS if not a.startswith("-")]
    verbosity = 2 if "-v" in UNITTEST_ARGS else 1
    loader = unittest.TestLoader()
    if names:
        suite = loader.loadTestsFromNames(names, module)
    else:
        suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in order)
    result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    if result.wasSuccessful():
        shutil.rmtree(TMP, ignore_errors=True)
        print("PASS: " + passed)
        return 0
    print("FAIL: %d failure(s), %d error(s); server logs kept in %s" %
          (len(result.failures), len(result.errors), TMP), file=sys.stderr)
    return 1
