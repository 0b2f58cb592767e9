"""The oracle refuses bad input as the contract's "Errors" section says: the code, the path, and
a message, with the id echoed once it was read.

Run: python3 -m unittest discover -s tests/oracle -v
"""

import json
import os
import subprocess
import sys
import unittest

import reference as R
from test_reference import ROLLING_90_180, OracleTestCase


class Validation(OracleTestCase):
    GOOD = {"id": "v", "regime": ROLLING_90_180,
            "stays": [{"entry": "2026-01-01", "exit": "2026-01-05"}], "on": "2026-01-10"}

    def with_(self, **changes):
        c = json.loads(json.dumps(self.GOOD))
        for key, value in changes.items():
            if value is ...:
                del c[key]
            else:
                c[key] = value
        return c

    def test_the_good_case_is_accepted(self):
        self.ok(self.GOOD)

    def test_lines_that_are_not_a_json_object_are_invalid_json_with_null_id(self):
        for line in ["not json", "[1, 2]", '"text"', "42", '{"id": "x",', "", "NaN",
                     '{"id": "x", "on": NaN}']:
            with self.subTest(line):
                r = self.error(line, "invalid_json", "")
                self.assertIsNone(r["id"])

    def test_missing_id_is_missing_field_and_a_number_id_is_invalid_value_echoed_as_given(self):
        r = self.error(self.with_(id=...), "missing_field", "id")
        self.assertIsNone(r["id"])
        r = self.error(self.with_(id=5), "invalid_value", "id")
        self.assertEqual(r["id"], 5)

    def test_missing_regime_and_citizenship_is_missing_field_at_regime(self):
        self.error(self.with_(regime=...), "missing_field", "regime")

    def test_citizenship_without_regime_is_skipped_by_the_oracle(self):
        r = R.evaluate(self.with_(regime=..., citizenship="RU"))
        self.assertEqual(r, {"id": "v", "skip": True})

    def test_citizenship_is_not_looked_at_when_regime_is_given(self):
        r = self.ok(self.with_(citizenship=12345))
        self.assertEqual(r["regime"], ROLLING_90_180)

    def test_unknown_keys_are_ignored(self):
        c = self.with_(extra={"a": 1})
        c["regime"] = dict(ROLLING_90_180, note="x", period_days=5)
        c["stays"][0]["country"] = "RS"
        r = self.ok(c)
        self.assertEqual(r["regime"], ROLLING_90_180)

    def test_regime_field_errors_have_exact_codes_and_paths(self):
        cases = [
            ("not an object", "invalid_value", "regime"),
            ({"limit": 90, "window": 180}, "missing_field", "regime.kind"),
            ({"kind": "weekly", "limit": 90}, "unknown_regime", "regime.kind"),
            ({"kind": "Rolling", "limit": 90, "window": 180}, "unknown_regime", "regime.kind"),
            ({"kind": "rolling", "window": 180}, "missing_field", "regime.limit"),
            ({"kind": "rolling", "limit": 90}, "missing_field", "regime.window"),
            ({"kind": "rolling", "limit": 0, "window": 180}, "invalid_value", "regime.limit"),
            ({"kind": "rolling", "limit": -1, "window": 180}, "invalid_value", "regime.limit"),
            ({"kind": "rolling", "limit": 1000001, "window": 180}, "invalid_value",
             "regime.limit"),
            ({"kind": "rolling", "limit": 90.0, "window": 180}, "invalid_value",
             "regime.limit"),
            ({"kind": "rolling", "limit": True, "window": 180}, "invalid_value",
             "regime.limit"),
            ({"kind": "rolling", "limit": "90", "window": 180}, "invalid_value",
             "regime.limit"),
            ({"kind": "rolling", "limit": 90, "window": 0}, "invalid_value", "regime.window"),
            ({"kind": "per_entry"}, "missing_field", "regime.limit"),
            ({"kind": "fixed", "limit": 90, "period_days": 0}, "invalid_value",
             "regime.period_days"),
            ({"kind": "fixed", "limit": 90, "period_months": 2.5}, "invalid_value",
             "regime.period_months"),
            ({"kind": "fixed", "limit": 90, "period_days": 180, "period_months": 6},
             "invalid_value", "regime.period_months"),
            ({"kind": "fixed", "limit": 90, "period_days": 0, "period_months": 6},
             "invalid_value", "regime.period_months"),
            ({"kind": "fixed", "limit": 90}, "missing_field", "regime.period_days"),
            ({"kind": "fixed", "limit": 90, "period_days": None}, "invalid_value",
             "regime.period_days"),
            ({"kind": None, "limit": 90}, "invalid_value", "regime.kind"),
            ({"kind": 5, "limit": 90}, "invalid_value", "regime.kind"),
            ({"kind": "rolling", "limit": None, "window": 180}, "invalid_value",
             "regime.limit"),
        ]
        for regime, code, path in cases:
            with self.subTest(regime=regime):
                self.error(self.with_(regime=regime), code, path)

    def test_the_largest_allowed_integer_is_accepted(self):
        self.ok(self.with_(regime={"kind": "rolling", "limit": 1000000, "window": 1000000}))

    def test_stay_errors_have_exact_codes_and_paths(self):
        cases = [
            (..., "missing_field", "stays"),
            ({"entry": "2026-01-01"}, "invalid_value", "stays"),
            (["2026-01-01"], "invalid_value", "stays[0]"),
            ([{"exit": "2026-01-01"}], "missing_field", "stays[0].entry"),
            ([{"entry": "2026-02-30"}], "invalid_date", "stays[0].entry"),
            ([{"entry": "2026-01-01", "exit": "2026-13-01"}], "invalid_date", "stays[0].exit"),
            ([{"entry": "2026-01-05", "exit": "2026-01-04"}], "exit_before_entry",
             "stays[0].exit"),
            ([{"entry": "2026-01-01"}, {"entry": "2026-01-05"}], "open_stay_not_last",
             "stays[0].exit"),
            ([{"entry": "2026-01-01", "exit": "2026-01-05"},
              {"entry": "2026-01-04", "exit": "2026-01-06"}], "overlapping_stays",
             "stays[1].entry"),
            ([{"entry": "2026-02-01", "exit": "2026-02-05"},
              {"entry": "2026-01-01", "exit": "2026-01-03"}], "overlapping_stays",
             "stays[1].entry"),
        ]
        for stays, code, path in cases:
            with self.subTest(stays=stays):
                self.error(self.with_(stays=stays), code, path)

    def test_an_empty_stay_list_is_valid(self):
        r = self.ok(self.with_(stays=[]))
        self.assertFalse(r["present"])
        self.assertEqual(r["days_used"], 0)

    def test_a_stays_own_problems_come_before_its_overlap_with_the_previous_stay(self):
        # stays[1] both overlaps stays[0] and ends before it starts: exit_before_entry first.
        self.error(self.with_(stays=[{"entry": "2026-01-01", "exit": "2026-01-10"},
                                     {"entry": "2026-01-05", "exit": "2026-01-03"}]),
                   "exit_before_entry", "stays[1].exit")

    def test_an_earlier_stay_problem_comes_before_a_later_stays_bad_date(self):
        self.error(self.with_(stays=[{"entry": "2026-01-01", "exit": "2026-01-10"},
                                     {"entry": "2026-01-05", "exit": "2026-01-12"},
                                     {"entry": "2026-02-30"}]),
                   "overlapping_stays", "stays[1].entry")

    def test_date_strings_must_be_strict_real_dates_in_1900_to_2200(self):
        good = ["1900-01-01", "2200-12-31", "2024-02-29"]
        bad = ["2026-02-30", "2025-02-29", "2026-2-03", "26-02-03", "2026-02-03T00:00",
               " 2026-02-03", "2026/02/03", "1899-12-31", "2201-01-01", "2026-00-10",
               "2026-01-00", "", "२०२६-०१-०१"]
        for text in good:
            with self.subTest(text):
                self.ok(self.with_(on=text))
        for text in bad:
            with self.subTest(text):
                self.error(self.with_(on=text), "invalid_date", "on")

    def test_a_missing_on_is_missing_field(self):
        self.error(self.with_(on=...), "missing_field", "on")

    def test_exempt_errors_have_exact_codes_and_paths(self):
        cases = [
            ({"from": "2026-01-01", "to": "2026-01-02"}, "invalid_value", "exempt"),
            ([5], "invalid_value", "exempt[0]"),
            ([{"to": "2026-01-02"}], "missing_field", "exempt[0].from"),
            ([{"from": "2026-01-02"}], "missing_field", "exempt[0].to"),
            ([{"from": "2026-01-01", "to": "2026-01-02"}, {"from": "2026-04-31",
                                                          "to": "2026-05-01"}],
             "invalid_date", "exempt[1].from"),
            ([{"from": "2026-01-03", "to": "2026-01-02"}], "invalid_value", "exempt[0].to"),
        ]
        for exempt, code, path in cases:
            with self.subTest(exempt=exempt):
                self.error(self.with_(exempt=exempt), code, path)

    def test_valid_until_must_be_a_real_date(self):
        self.error(self.with_(valid_until="2026-06-31"), "invalid_date", "valid_until")

    def test_plan_errors_have_exact_codes_and_paths(self):
        cases = [
            ("2026-03-01", "invalid_value", "plan"),
            ({}, "missing_field", "plan.entry"),
            ({"length": 3}, "missing_field", "plan.entry"),
            ({"entry": "2026-03-32"}, "invalid_date", "plan.entry"),
            ({"from": "2026-03-32", "length": 3}, "invalid_date", "plan.from"),
            ({"from": "2026-03-01"}, "missing_field", "plan.length"),
            ({"from": "2026-03-01", "length": 0}, "invalid_value", "plan.length"),
            ({"from": "2026-03-01", "length": "3"}, "invalid_value", "plan.length"),
            ({"entry": "2026-03-01", "from": "2026-03-01", "length": 3}, "invalid_value",
             "plan"),
            ({"entry": "2026-13-01", "from": "2026-03-01", "length": 3}, "invalid_value",
             "plan"),
            ({"from": "2026-03-01", "length": None}, "invalid_value", "plan.length"),
        ]
        for plan, code, path in cases:
            with self.subTest(plan=plan):
                self.error(self.with_(plan=plan), code, path)

    def test_null_means_not_given_for_exit_exempt_valid_until_and_plan(self):
        c = self.with_(exempt=None, valid_until=None, plan=None)
        c["stays"] = [{"entry": "2026-01-01", "exit": None}]
        r = self.ok(c)
        self.assertTrue(r["present"])  # the stay is open, so it covers on
        self.assertNotIn("plan", r)

    def test_null_elsewhere_is_a_value_of_the_wrong_type(self):
        self.error(self.with_(id=None), "invalid_value", "id")
        self.error(self.with_(regime=None), "invalid_value", "regime")
        self.error(self.with_(stays=None), "invalid_value", "stays")
        self.error(self.with_(on=None), "invalid_value", "on")
        self.error(self.with_(stays=[None]), "invalid_value", "stays[0]")
        self.error(self.with_(stays=[{"entry": None}]), "invalid_value", "stays[0].entry")
        self.error(self.with_(exempt=[{"from": None, "to": "2026-01-01"}]), "invalid_value",
                   "exempt[0].from")

    def test_a_date_that_is_not_a_string_is_invalid_value(self):
        self.error(self.with_(on=20260110), "invalid_value", "on")

    def test_plan_entry_ignores_a_length(self):
        r = self.ok(self.with_(plan={"entry": "2026-03-01", "length": 0}))
        self.assertIn("max_stay", r["plan"])

    def test_errors_are_reported_in_field_order(self):
        # bad regime, bad stays, bad on, bad exempt, bad valid_until, bad plan: regime wins
        c = self.with_(regime={"kind": "rolling", "limit": 0, "window": 1},
                       stays=[{"entry": "x"}], on="x", exempt="x", valid_until="x", plan="x")
        self.error(c, "invalid_value", "regime.limit")
        c["regime"] = ROLLING_90_180
        self.error(c, "invalid_date", "stays[0].entry")
        c["stays"] = []
        self.error(c, "invalid_date", "on")
        c["on"] = "2026-01-01"
        self.error(c, "invalid_value", "exempt")
        c["exempt"] = []
        self.error(c, "invalid_date", "valid_until")
        c["valid_until"] = "2026-12-31"
        self.error(c, "invalid_value", "plan")

    def test_field_errors_come_before_plan_overlaps_stays(self):
        c = self.with_(stays=[{"entry": "2026-01-01"}], valid_until="2026-02-30",
                       plan={"entry": "2026-03-01"})
        self.error(c, "invalid_date", "valid_until")

    def test_the_id_is_echoed_on_errors_after_id(self):
        r = self.error(self.with_(on="2026-02-30"), "invalid_date", "on")
        self.assertEqual(r["id"], "v")


class CommandLine(unittest.TestCase):
    def test_the_command_line_answers_one_line_per_input_line_in_order(self):
        lines = [json.dumps(Validation.GOOD), "garbage",
                 json.dumps(dict(Validation.GOOD, id="w", on="2026-02-30"))]
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.py")
        out = subprocess.run([sys.executable, script], input="\n".join(lines) + "\n",
                             capture_output=True, text=True, check=True).stdout
        results = [json.loads(x) for x in out.splitlines()]
        self.assertEqual([r["id"] for r in results], ["v", None, "w"])
        self.assertEqual([r["ok"] for r in results], [True, False, False])


if __name__ == "__main__":
    unittest.main()
