#!/usr/bin/env python3
"""The public routes of `boravak serve` against docs/api.md, the CLI and api/openapi.json (Python 3
standard library only).

    tests/server/api_routes_test.py BINARY [unittest arguments, e.g. -v or PublicRoutesTest]

Starts `BINARY serve --listen 127.0.0.1:PORT --db sqlite:TMP/db.sqlite --rate-limit 100000
--access-log` (rules from $BORAVAK_RULES, default the repository's rules/; see apicase.py), waits
for "listening on http://127.0.0.1:PORT" on stderr and GET /v1/health, runs the tests with
http.client and stops the server.

GET /v1/health, and GET /v1/openapi.json is the repository's api/openapi.json. The stay report is
compared with `BINARY stay`, the plan and slips with `BINARY permit plan` and `BINARY permit slip`,
the guides with `BINARY guide`: the API must give the same answers as the CLI. Also the visa run,
the deadlines calendar, slip images, grounds, fees, rules, countries, cities and texts. Every
JSON answer of a public route must fit its schema in api/openapi.json, and every answer must
carry the security headers (checked when the server stops).
"""
import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apicase import (PERSON, SITUATION, SLIP_REQUEST, SLIP_SITUATION, WORKED, ApiCase, api, cli,  # noqa: E402
                     configure, main, start_main_server, stop_main_server)
from serverlib import RULES_DIR, SchemaChecker, load_openapi  # noqa: E402

BINARY, TMP, MAIN = configure(__doc__, "api-routes-test")
setUpModule = start_main_server
tearDownModule = stop_main_server


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


# -------------------------------------------------------------------------------- public routes

# PERSON (apicase.py) with stays in place of its stamps.
PERSON_STAYS = {"citizenship": "RU", "on": "2026-11-21",
                "stays": [{"entry": "2026-08-01", "exit": "2026-09-10"}, {"entry": "2026-10-20"}]}


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
        answer = api("POST", "/v1/permit/deadlines.ics?lang=en&on=2026-11-05", SITUATION)
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
        cli_out = os.path.join(TMP, "cli-slips")
        os.makedirs(cli_out, exist_ok=True)
        text = cli("permit", "slip", "--situation", write_json("slip-situation.json", SLIP_SITUATION),
                   "--municipality", "019", "--payer", "Olena K, Novi Sad", "--on", "2026-11-05", "--out", cli_out)
        expected = re.findall(r"NBS IPS QR code: (.*)", text)
        self.assertEqual([s["payload"] for s in body["slips"]], expected,
                         "the slips' QR payloads differ from `boravak permit slip`")

    def test_printable_slips_pdf(self):
        """The PDF has the account as printed on a real slip, the amounts and the recipient as
        text, and each slip's QR code scans (zbarimg) to exactly the payload /v1/permit/slips
        gives; `permit slip --out DIR` writes the same slips to DIR/slips.pdf."""
        body = self.slips()
        answer = api("POST", "/v1/permit/slips.pdf?lang=en&on=2026-11-05", SLIP_REQUEST)
        self.assertStatus(answer, 200, "POST /v1/permit/slips.pdf")
        self.assertEqual(answer.header("Content-Type"), "application/pdf")
        self.assertTrue(answer.body.startswith(b"%PDF-"), answer.body[:20])
        pdf = os.path.join(TMP, "api-slips.pdf")
        with open(pdf, "wb") as f:
            f.write(answer.body)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("840-0000742221843-57", text, "the account as a paper slip prints it")
        self.assertIn("Republička administrativna taksa", text)
        for slip in body["slips"]:
            para = slip["amount"] * 100
            printed = "{:,}".format(para // 100).replace(",", ".") + ",%02d" % (para % 100)
            self.assertIn(printed, text, "the amount %s as printed" % printed)
        for reason in body["without_slip"]:
            self.assertIn(reason["fee_name"].split()[0], text, "a fee without a slip is named with its reason")
        # Every slip's QR code, from the pages as images, in the order of the slips.
        subprocess.run(["pdftoppm", "-r", "200", "-png", pdf, os.path.join(TMP, "slips-page")], check=True)
        decoded = []
        for page in sorted(p for p in os.listdir(TMP) if p.startswith("slips-page")):
            scan = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sbinary", os.path.join(TMP, page)],
                                  capture_output=True)
            # In binary mode zbarimg writes the codes of one page back to back: each starts "K:PR|".
            decoded += [code for code in re.split(r"(?=K:PR\|)", scan.stdout.decode("utf-8").strip()) if code]
        self.assertEqual(sorted(decoded), sorted(s["payload"] for s in body["slips"]))
        # The CLI writes the same slips.
        out = os.path.join(TMP, "cli-pdf")
        os.makedirs(out, exist_ok=True)
        cli("permit", "slip", "--situation", write_json("slip-situation-pdf.json", SLIP_SITUATION),
            "--municipality", "019", "--payer", "Olena K, Novi Sad", "--on", "2026-11-05", "--out", out)
        cli_text = subprocess.run(["pdftotext", "-layout", os.path.join(out, "slips.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout
        self.assertEqual(cli_text, text)

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
        for key in ("id", "title", "paragraphs", "sources"):
            self.assertIn(key, guide)
        self.assertNotIn("rules", guide, "people never see rules files")
        self.assertEqual(guide["id"], "visa_run")
        self.assertTrue(guide["paragraphs"] and all(isinstance(p, str) and p for p in guide["paragraphs"]))
        shown = cli("guide", "show", "visa_run")
        for paragraph in guide["paragraphs"]:
            self.assertIn(paragraph, shown, "a paragraph `boravak guide show` does not have")
        for cited in guide["sources"]:
            self.assertEqual(sorted(cited), ["checked", "confidence", "confidence_text", "sources", "text"], cited)
            for source in cited["sources"]:
                self.assertTrue(source["publisher"] and source["title"], source)
                self.assertTrue(source["url"].startswith("http"), source)
        self.assertEqual(guide["title"], "Visa runs: leaving Serbia to restart the count")
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
        self.assertIn("welcome_to_serbia_help", answer.body.decode("utf-8"))
        self.assertError(api("GET", "/v1/rules/permit/nothing"), 404, "not_found", what="unknown rules file")
        overview = self.assertJsonAnswer(api("GET", "/v1/sources?lang=ru&country=ua"), what="sources for UA")
        self.assertEqual([g["id"] for g in overview["groups"]], ["entry.UA"])
        lines = overview["groups"][0]["lines"]
        self.assertEqual(len(lines), 4, "two periods, each with its reading")
        for line in lines:
            self.assertTrue(has_cyrillic(line["text"]), line["text"])
            self.assertFalse(line["possibly_outdated"])
            for source in line["citation"]["sources"]:
                self.assertTrue(source["url"].startswith("http"), source)
        everything = self.assertJsonAnswer(api("GET", "/v1/sources"), what="all sources")
        ids = {g["id"] for g in everything["groups"]}
        self.assertTrue({"entry.RU", "counting", "visas", "registration", "fines", "permits", "fees"} <= ids, ids)
        self.assertNotIn(".toml", json.dumps(everything, ensure_ascii=False), "no file names")
        self.assertError(api("GET", "/v1/sources?country=zz"), 422, "unknown_citizenship", path="country",
                         what="unknown country")
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


ORDER = [HealthTest, PublicRoutesTest, ResponseShapesTest]

if __name__ == "__main__":
    sys.exit(main(ORDER, sys.modules[__name__],
                  "the public routes answer as docs/api.md says"))
