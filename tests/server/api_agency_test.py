#!/usr/bin/env python3
"""The agency workspace of `boravak serve` against docs/contracts/agency-api.md (Python 3
standard library only).

    tests/server/api_agency_test.py BINARY [unittest arguments]

An agency is created; its owner adds staff and a viewer; a generated CSV of clients (BOM, `;`,
DD.MM.YYYY dates, rows in any order, bad rows) is imported; every dashboard number is compared
with `BINARY batch` on the same people (the contract's independent reference), and so are the
order and the filters; a client is read and deleted; its PDF report reads back (pdftotext) with
the name, the days used and the last legal day; roles are enforced; another agency's client is
404 exactly like a missing one; a revoked secret, a rotated one and a deleted agency stop working
at once; the calendar feed is an iCalendar file; the log holds none of the names sent.
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apicase import SENSITIVE, ApiCase, api, batch_answers, configure, main, start_main_server, stop_main_server  # noqa: E402

BINARY, TMP, MAIN = configure(__doc__, "api-agency-test")
setUpModule = start_main_server
tearDownModule = stop_main_server

ON = "2026-12-05"
COUNTRIES = ["RU", "UA", "BY", "US", "DE", "CN", "TR", "GB", "KZ", "IN"]


def new_agency(test, name="Agency"):
    body = test.assertJsonAnswer(api("POST", "/v1/agencies", {"name": name}), 201, "POST /v1/agencies")
    test.assertEqual(body.get("agency"), {"name": name})
    SENSITIVE.add(body["secret"])
    return body["secret"]


def generated_clients(count, seed=7):
    """People with trips that never overlap: (client, name, citizenship, trips, permit)."""
    rng = random.Random(seed)
    on = datetime.date.fromisoformat(ON)
    people = []
    for i in range(count):
        trips = []
        day = on - datetime.timedelta(days=rng.randint(200, 500))
        for _ in range(rng.randint(1, 8)):
            day += datetime.timedelta(days=rng.randint(1, 40))
            if day > on:
                break
            length = rng.randint(0, 60)
            exit_ = day + datetime.timedelta(days=length)
            if exit_ >= on and rng.random() < 0.5:
                trips.append((day, None))
                break
            trips.append((day, exit_))
            day = exit_ + datetime.timedelta(days=1)
        permit = None
        if rng.random() < 0.1:
            start = on - datetime.timedelta(days=rng.randint(10, 300))
            permit = ("employment", start, start + datetime.timedelta(days=rng.randint(100, 600)))
        people.append(("C-%04d" % i, "Client Nº%d Đorđe" % i, COUNTRIES[i % len(COUNTRIES)], trips, permit))
    return people


def csv_text(people, separator=";", dotted=True, shuffle=True):
    def day(d):
        return d.strftime("%d.%m.%Y") if dotted else d.isoformat()
    rows = []
    for client, name, citizenship, trips, permit in people:
        for entry, exit_ in trips:
            cells = [client, '"%s"' % name, citizenship.lower(), day(entry), day(exit_) if exit_ else ""]
            cells += [permit[0], day(permit[1]), day(permit[2])] if permit else ["", "", ""]
            rows.append(separator.join(cells))
    if shuffle:
        random.Random(3).shuffle(rows)
    header = separator.join(["Client", "NAME", "citizenship", "entry", "exit", "permit_ground", "permit_from", "permit_until"])
    return "\ufeff" + header + "\r\n" + "\r\n".join(rows) + "\r\n"


def batch_case(client, citizenship, trips, permit):
    case = {"id": client, "citizenship": citizenship, "on": ON,
            "stays": [{"entry": e.isoformat(), **({"exit": x.isoformat()} if x else {})} for e, x in sorted(trips)]}
    if permit:
        case["exempt"] = [{"from": permit[1].isoformat(), "to": permit[2].isoformat()}]
    return case


class AgencyTest(ApiCase):
    def test_import_dashboard_matches_batch(self):
        owner = new_agency(self, "Relocation One")
        people = generated_clients(300)
        for p in people[:5]:
            SENSITIVE.add(p[1])
        answer = api("POST", "/v1/agency/clients/import", csv_text(people), secret=owner, content_type="text/csv")
        body = self.assertJsonAnswer(answer, 200, "import")
        self.assertEqual(body["errors"], [], body["errors"][:3])
        self.assertEqual(body["clients"], len(people))
        self.assertEqual(body["trips"], sum(len(p[3]) for p in people))

        board = self.assertJsonAnswer(api("GET", "/v1/agency/dashboard?on=" + ON, secret=owner), 200, "dashboard")
        self.assertEqual(board["on"], ON)
        rows = {r["client"]: r for r in board["clients"]}
        self.assertEqual(len(rows), len(people))
        expected = batch_answers([json.dumps(batch_case(c, cz, t, p)) for c, _, cz, t, p in people])
        for want in expected:
            got = rows[want["id"]]
            if not want["ok"]:
                self.assertEqual(got["status"], "error", got)
                self.assertEqual(got["next"], {"kind": "fix_data", "date": None})
                continue
            for key in ("present", "days_used", "days_left", "last_legal_day", "first_overstay_day", "overstay_days"):
                self.assertEqual(got[key], want[key], "%s %s: dashboard %r, batch %r" % (want["id"], key, got[key], want[key]))
            self.assertEqual(got["past_overstay"], want["overstay_days"] > 0)
            status = ("away" if not want["present"] else "overstay" if want["last_legal_day"] is None else
                      "leave_soon" if want["last_legal_day"] <= (datetime.date.fromisoformat(ON) + datetime.timedelta(days=14)).isoformat()
                      else "present")
            self.assertEqual(got["status"], status, got)
        # The order: overstay by first day; leave_soon and present by last legal day; away; error;
        # ties by the reference's bytes.
        def key(r):
            group = {"overstay": 0, "leave_soon": 1, "present": 1, "away": 2, "error": 3}[r["status"]]
            day = r["first_overstay_day"] if r["status"] == "overstay" else r["last_legal_day"] if group == 1 else None
            return (group, day is None, day or "", r["client"].encode("utf-8"))
        self.assertEqual([r["client"] for r in board["clients"]], [r["client"] for r in sorted(board["clients"], key=key)])
        # The filter and the CSV form.
        soon = self.assertJsonAnswer(api("GET", "/v1/agency/dashboard?on=%s&status=overstay,leave_soon" % ON, secret=owner), 200)
        self.assertTrue(all(r["status"] in ("overstay", "leave_soon") for r in soon["clients"]))
        self.assertEqual(len(soon["clients"]), sum(1 for r in board["clients"] if r["status"] in ("overstay", "leave_soon")))
        csv_answer = api("GET", "/v1/agency/dashboard?on=%s&format=csv" % ON, secret=owner)
        self.assertStatus(csv_answer, 200, "csv")
        self.assertTrue(csv_answer.header("Content-Type").startswith("text/csv"))
        lines = csv_answer.body.decode("utf-8").strip().split("\r\n")
        self.assertEqual(len(lines), 1 + len(people))
        self.assertEqual(lines[1].split(",")[0], board["clients"][0]["client"])
        self.assertError(api("GET", "/v1/agency/dashboard?status=lost", secret=owner), 422, "invalid_value", "status")

        # One client read back, its report as PDF text, then deleted.
        client, name, citizenship, trips, permit = people[0]
        got = self.assertJsonAnswer(api("GET", "/v1/agency/clients/" + client, secret=owner), 200)
        self.assertEqual(got["client"], client)
        self.assertEqual(got["name"], name)
        self.assertEqual(got["citizenship"], citizenship)
        self.assertEqual([(t["entry"], t["exit"]) for t in got["trips"]],
                         [(e.isoformat(), x.isoformat() if x else None) for e, x in sorted(trips)])
        pdf = api("GET", "/v1/agency/clients/%s/report.pdf?on=%s&lang=en" % (client, ON), secret=owner)
        self.assertStatus(pdf, 200, "report.pdf")
        self.assertEqual(pdf.header("Content-Type"), "application/pdf")
        self.assertTrue(pdf.body.startswith(b"%PDF"))
        if shutil.which("pdftotext"):
            folder = tempfile.mkdtemp(dir=TMP)
            path = os.path.join(folder, "r.pdf")
            with open(path, "wb") as f:
                f.write(pdf.body)
            text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
            row = rows[client]
            self.assertIn(name, text)
            self.assertIn("Days used: %d" % row["days_used"], text)
            if row["last_legal_day"]:
                d = datetime.date.fromisoformat(row["last_legal_day"])
                self.assertIn("%d %s %d" % (d.day, d.strftime("%B"), d.year), text)
                self.assertIn(row["last_legal_day"], text)  # also in ISO form, in every language
        self.assertStatus(api("DELETE", "/v1/agency/clients/" + client, secret=owner), 204, "delete client")
        self.assertError(api("GET", "/v1/agency/clients/" + client, secret=owner), 404, "not_found")

    def test_bad_rows_are_listed_and_their_client_kept(self):
        owner = new_agency(self)
        good = "client,name,citizenship,entry,exit\nA-1,Ana,RU,2026-11-01,2026-11-10\n"
        self.assertEqual(self.assertJsonAnswer(api("POST", "/v1/agency/clients/import", good, secret=owner, content_type="text/csv"))["clients"], 1)
        bad = ("entry,citizenship,name,client,exit,unknown\n"
               "2026-11-01,RU,Ana,A-1,2026-11-20\n"          # line 2: fine, but A-1 has a bad row below
               "2026-12-01,RU,Ana,A-1,2026-11-30\n"          # line 3: exit before entry
               "31.02.2026,RU,Bo,B-1,\n"                     # line 4: no such date
               "2026-10-01,XX,Cy,C-1,\n"                     # line 5: unknown country
               "2026-10-01,US,,D-1,\n"                       # line 6: no name
               "2026-10-01,US,Ed,E-1,2026-10-05\n")          # line 7: fine
        body = self.assertJsonAnswer(api("POST", "/v1/agency/clients/import", bad, secret=owner, content_type="text/csv"))
        self.assertEqual([(e["line"], e["field"], e["code"]) for e in body["errors"]],
                         [(3, "exit", "exit_before_entry"), (4, "entry", "invalid_date"), (5, "citizenship", "unknown_citizenship"),
                          (6, "name", "missing_field")])
        self.assertTrue(all(e["message"].strip() for e in body["errors"]))
        self.assertEqual((body["clients"], body["trips"]), (1, 1))
        a1 = self.assertJsonAnswer(api("GET", "/v1/agency/clients/A-1", secret=owner))
        self.assertEqual(a1["trips"], [{"entry": "2026-11-01", "exit": "2026-11-10"}], "A-1 is not changed")
        # Bytes that are not UTF-8 (a list saved in another encoding) are replaced, not refused or
        # crashed on; a last line without its line break is still read, with its own line number.
        raw = b"client,name,citizenship,entry\nU-1,Bad\xffName,RU,2026-11-01\nU-2,Ok,RU,2026-13-01"
        body = self.assertJsonAnswer(api("POST", "/v1/agency/clients/import", raw, secret=owner, content_type="text/csv"))
        self.assertEqual(body["clients"], 1)
        self.assertEqual([(e["line"], e["field"]) for e in body["errors"]], [(3, "entry")])
        self.assertEqual(self.assertJsonAnswer(api("GET", "/v1/agency/clients/U-1", secret=owner))["name"], "Bad\ufffdName")
        missing = self.assertJsonAnswer(api("POST", "/v1/agency/clients/import", "client,name\nA,B\n", secret=owner, content_type="text/csv"))
        self.assertEqual(sorted(e["field"] for e in missing["errors"]), ["citizenship", "entry"])
        self.assertEqual(missing["clients"], 0)

    def test_roles_and_isolation(self):
        owner = new_agency(self, "Firm A")
        other = new_agency(self, "Firm B")
        staff = self.assertJsonAnswer(api("POST", "/v1/agency/staff", {"name": "Sam", "role": "staff"}, secret=owner), 201)
        viewer = self.assertJsonAnswer(api("POST", "/v1/agency/staff", {"name": "Vi", "role": "viewer"}, secret=owner), 201)
        self.assertEqual(staff["member"]["role"], "staff")
        csv = "client,name,citizenship,entry\nK-1,Kim,RU,2026-11-20\n"
        self.assertError(api("POST", "/v1/agency/clients/import", csv, secret=viewer["secret"], content_type="text/csv"), 403, "forbidden")
        self.assertJsonAnswer(api("POST", "/v1/agency/clients/import", csv, secret=staff["secret"], content_type="text/csv"))
        self.assertJsonAnswer(api("GET", "/v1/agency/dashboard", secret=viewer["secret"]))
        self.assertError(api("POST", "/v1/agency/staff", {"name": "X", "role": "staff"}, secret=staff["secret"]), 403, "forbidden")
        self.assertError(api("GET", "/v1/agency/audit", secret=viewer["secret"]), 403, "forbidden")
        # Another agency's client is 404, exactly like one that does not exist.
        theirs = api("GET", "/v1/agency/clients/K-1", secret=other)
        nobody = api("GET", "/v1/agency/clients/NOBODY", secret=other)
        self.assertError(theirs, 404, "not_found")
        self.assertEqual(theirs.json(), nobody.json())
        self.assertError(api("DELETE", "/v1/agency/clients/K-1", secret=other), 404, "not_found")
        self.assertEqual(self.assertJsonAnswer(api("GET", "/v1/agency/dashboard", secret=other))["clients"], [])
        # The audit: who changed what, newest first.
        events = self.assertJsonAnswer(api("GET", "/v1/agency/audit", secret=owner))["events"]
        self.assertEqual(events[0]["action"], "client.import")
        self.assertEqual(events[0]["member"], "Sam")
        self.assertEqual(events[0]["client"], "K-1")
        # A removed member's secret stops at once; so does a rotated owner's.
        self.assertStatus(api("DELETE", "/v1/agency/staff/%d" % staff["member"]["id"], secret=owner), 204)
        self.assertError(api("GET", "/v1/agency/dashboard", secret=staff["secret"]), 401, "unauthorized")
        rotated = self.assertJsonAnswer(api("POST", "/v1/agency/rotate", secret=owner), 201)["secret"]
        self.assertError(api("GET", "/v1/agency/dashboard", secret=owner), 401, "unauthorized")
        export = api("GET", "/v1/agency/export", secret=rotated)
        data = self.assertJsonAnswer(export, 200)
        self.assertRegex(export.header("Content-Disposition") or "", r"^attachment\b")
        self.assertEqual([c["client"] for c in data["clients"]], ["K-1"])
        # The calendar feed of every client's deadlines.
        feed = self.assertJsonAnswer(api("POST", "/v1/agency/calendar-feed", secret=rotated), 201)["url"]
        ics = api("GET", feed)
        self.assertStatus(ics, 200, "feed")
        self.assertIn(b"BEGIN:VCALENDAR", ics.body)
        self.assertIn(b"Kim", ics.body)
        self.assertStatus(api("DELETE", "/v1/agency/calendar-feed", secret=rotated), 204)
        self.assertStatus(api("GET", feed), 404, "revoked feed")
        # The whole agency goes, and its secrets with it.
        self.assertStatus(api("DELETE", "/v1/agency", secret=rotated), 204)
        self.assertError(api("GET", "/v1/agency/dashboard", secret=rotated), 401, "unauthorized")
        self.assertError(api("GET", "/v1/agency/dashboard", secret=viewer["secret"]), 401, "unauthorized")
        self.assertError(api("GET", "/v1/agency/dashboard"), 401, "unauthorized")


if __name__ == "__main__":
    sys.exit(main([AgencyTest], sys.modules[__name__], "the agency workspace follows docs/contracts/agency-api.md"))
