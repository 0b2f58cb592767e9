#!/usr/bin/env python3
"""Profiles of `boravak serve` against docs/api.md: their routes, isolation, secrets and a log
that keeps them private (Python 3 standard library only).

    tests/server/api_profiles_test.py BINARY [unittest arguments, e.g. -v or ProfileTest]

Starts `BINARY serve --listen 127.0.0.1:PORT --db sqlite:TMP/db.sqlite --rate-limit 100000
--access-log` (rules from $BORAVAK_RULES, default the repository's rules/; see apicase.py), waits
for "listening on http://127.0.0.1:PORT" on stderr and GET /v1/health, runs the tests with
http.client and stops the server.

A profile is created, filled, read, changed, exported and deleted; bad items are refused; its
status is the stay report for its trips (compared with `BINARY batch`); link codes are new and
valid 15 minutes; one profile cannot read or change another's items; a wrong, changed or missing
secret gets 401. Last, the server's log (--access-log) must hold none of the secrets, dates,
names and notes sent. Every answer must carry the security headers (checked when the server
stops).
"""
import base64
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from apicase import (SECRETS, SENSITIVE, ApiCase, api, batch_answers, cli, configure, main,  # noqa: E402
                     new_profile, start_main_server, stop_main_server)

BINARY, TMP, MAIN = configure(__doc__, "api-profiles-test")
setUpModule = start_main_server
tearDownModule = stop_main_server


# ------------------------------------------------------------------------------------ profiles

def strip_id(value):
    return {k: v for k, v in value.items() if k != "id"}


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
                                                 "city": "novi_sad", "pending_since": None, "pending_kind": "first",
                                                 "plan": None, "remind_days": []}})
        # The bot's reminder days: kept farthest first, each once; out of range or too many refused.
        leads = self.assertJsonAnswer(api("PATCH", "/v1/profile", {"remind_days": [7, 30, 7, 1]}, secret=secret),
                                      200, "PATCH remind_days")
        self.assertEqual(leads["settings"]["remind_days"], [30, 7, 1])
        for bad in ([0], [366], list(range(1, 10)), ["7"], 7):
            self.assertError(api("PATCH", "/v1/profile", {"remind_days": bad}, secret=secret), 422, "invalid_value",
                             path="remind_days", what="remind_days %r" % (bad,))
        self.assertEqual(self.profile(secret)["settings"]["remind_days"], [30, 7, 1])
        back = self.assertJsonAnswer(api("PATCH", "/v1/profile", {"remind_days": []}, secret=secret), 200, "PATCH []")
        self.assertEqual(back["settings"]["remind_days"], [])
        # A saved plan is the planner's situation; one the planner cannot read is refused.
        plan = {"citizenship": "RU", "ground": "employment", "city": "belgrade"}
        saved = self.assertJsonAnswer(api("PATCH", "/v1/profile", {"plan": plan}, secret=secret), 200, "PATCH plan")
        self.assertEqual(saved["settings"]["plan"], plan)
        self.assertError(api("PATCH", "/v1/profile", {"plan": {"citizenship": "RU", "colour": "red"}}, secret=secret),
                         422, "invalid_value", path="plan.colour", what="a plan with an unknown field")
        self.assertEqual(self.profile(secret)["settings"]["plan"], plan)
        settings = self.assertJsonAnswer(api("PATCH", "/v1/profile", {"plan": None}, secret=secret), 200, "PATCH plan null")
        self.assertIsNone(settings["settings"]["plan"])
        self.assertEqual(self.profile(secret)["settings"], settings["settings"])
        # The export is the profile, as an attachment.
        export = api("GET", "/v1/profile/export", secret=secret)
        body = self.assertJsonAnswer(export, 200, "GET /v1/profile/export")
        self.assertRegex(export.header("Content-Disposition") or "", r"^attachment\b")
        self.assertEqual(body, self.profile(secret))

    def test_a_collection_is_read_in_pages(self):
        secret, _ = new_profile(self)
        ids = []
        for day in range(1, 6):
            r = api("POST", "/v1/profile/trips", {"entry": "2024-03-%02d" % day, "exit": "2024-03-%02d" % day, "note": ""},
                    secret=secret)
            ids.append(self.assertJsonAnswer(r, 201, "POST trips")["id"])
        first = self.assertJsonAnswer(api("GET", "/v1/profile/trips?limit=2", secret=secret), 200, "page 1")
        self.assertEqual([i["id"] for i in first["items"]], ids[:2])
        self.assertEqual(first["next_after"], ids[1])
        rest = self.assertJsonAnswer(api("GET", "/v1/profile/trips?limit=200&after=%d" % ids[1], secret=secret), 200, "page 2")
        self.assertEqual([i["id"] for i in rest["items"]], ids[2:])
        self.assertIsNone(rest["next_after"])
        self.assertError(api("GET", "/v1/profile/trips?limit=201", secret=secret), 422, "invalid_value", "limit")
        self.assertEqual(api("GET", "/v1/profile/trips").status, 401)

    def test_a_calendar_feed_holds_the_last_legal_day_until_revoked(self):
        # A Russian with an open trip that began three days ago: the feed's last legal day is the
        # one `boravak stay` gives for the same entry today.
        secret, _ = new_profile(self, {"citizenship": "RU", "lang": "ru"})
        today = datetime.date.fromisoformat(json.loads(cli("stay", "-c", "RU", "--stamps", "+2026-11-20", "--json"))["on"])
        entry = (today - datetime.timedelta(days=3)).isoformat()
        self.assertJsonAnswer(api("POST", "/v1/profile/trips", {"entry": entry, "exit": None, "note": ""}, secret=secret), 201, "trip")
        report = json.loads(cli("stay", "-c", "RU", "--stamps", "+" + entry, "--json"))
        last = report["result"]["last_legal_day"]
        made = self.assertJsonAnswer(api("POST", "/v1/profile/calendar-feed", secret=secret), 201, "feed")
        url = made["url"]
        self.assertRegex(url, r"^/v1/calendar/[A-Za-z0-9_-]{43}\.ics$")
        SENSITIVE.add(url.split("/")[-1][:-4])
        feed = api("GET", url)
        self.assertEqual(feed.status, 200, feed.body[:200])
        self.assertTrue(feed.header("content-type").startswith("text/calendar"), feed.header("content-type"))
        text = feed.body.decode("utf-8")
        self.assertIn("DTSTART;VALUE=DATE:" + last.replace("-", ""), text)
        self.assertIn("BEGIN:VEVENT", text)
        self.assertNotIn("your last legal day", text, "in the profile's language, Russian")
        # Another token for the same feed, then both revoked.
        second = self.assertJsonAnswer(api("POST", "/v1/profile/calendar-feed", secret=secret), 201, "feed 2")["url"]
        self.assertNotEqual(second, url)
        self.assertEqual(api("DELETE", "/v1/profile/calendar-feed", secret=secret).status, 204)
        self.assertError(api("GET", url), 404, "not_found")
        self.assertError(api("GET", second), 404, "not_found")
        self.assertEqual(api("POST", "/v1/profile/calendar-feed").status, 401)

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
        # The report's result is the contract's result line for the same case (without id and ok).
        self.assertEqual(body["result"], {k: v for k, v in expected.items() if k not in ("id", "ok")})
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

    def test_a_new_profile_never_shows_a_deleted_ones_answer(self):
        """SQLite gives the id of a deleted last profile to the next new one, and its version
        climbs the same way: the kept GET /v1/profile answer must still never cross over."""
        gone, _ = new_profile(self, {"citizenship": "RU"})
        add_item(self, gone, "trips", {"entry": "2026-09-01", "exit": "2026-09-05", "note": "the deleted person's"})
        self.profile(gone)  # kept by the cache
        self.assertStatus(api("DELETE", "/v1/profile", secret=gone), 204, "DELETE /v1/profile")
        fresh, _ = new_profile(self, {"citizenship": "RU"})
        add_item(self, fresh, "trips", {"entry": "2026-10-20", "exit": None, "note": ""})
        trips = self.profile(fresh)["trips"]
        self.assertEqual([t["entry"] for t in trips], ["2026-10-20"], trips)
        self.assertNotIn("the deleted person's", json.dumps(trips))


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


ORDER = [ProfileTest, LogPrivacyTest]

if __name__ == "__main__":
    sys.exit(main(ORDER, sys.modules[__name__],
                  "profiles are as docs/api.md says, and private"))
