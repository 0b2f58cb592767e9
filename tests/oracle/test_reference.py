"""Tests that the reference oracle (reference.py) answers as the contract and the semantics page
say. Expected values here were worked out by hand (see the comments), or come from the
contract's worked examples and the example inputs of the European Commission's short-stay
calculator page script.

Run: python3 -m unittest discover -s tests/oracle -v
"""

import json
import os
import subprocess
import sys
import unittest
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as R  # noqa: E402

ROLLING_90_180 = {"kind": "rolling", "limit": 90, "window": 180}


def stays_of(*ranges):
    """stays_of(("2026-01-01", "2026-01-05"), ("2026-02-01", None)) -> contract stays."""
    out = []
    for entry, exit_ in ranges:
        out.append({"entry": entry} if exit_ is None else {"entry": entry, "exit": exit_})
    return out


def case(regime, stays, on, **extra):
    c = {"id": "t", "regime": regime, "stays": stays, "on": on}
    c.update(extra)
    return c


def ddmmyy(text):
    """Seed-vector dates are dd/mm/yy with yy meaning 20yy."""
    dd, mm, yy = text.split("/")
    return f"20{yy}-{mm}-{dd}"


def seed_stays(text):
    return [{"entry": ddmmyy(a), "exit": ddmmyy(b)}
            for a, b in (part.split("-") for part in text.split(";"))]


class OracleTestCase(unittest.TestCase):
    def ok(self, c):
        r = R.evaluate(c)
        self.assertTrue(r.get("ok"), r)
        return r

    def error(self, c, code, path):
        r = R.evaluate(c) if not isinstance(c, str) else R.evaluate_line(c)
        self.assertIs(r.get("ok"), False, r)
        self.assertEqual((r["error"]["code"], r["error"]["path"]), (code, path), r)
        self.assertTrue(r["error"]["message"])
        return r


class ContractWorkedExamples(OracleTestCase):
    """The five worked examples at the end of the contract."""

    def test_eu_row1_three_stays_checked_on_last_day_uses_34_and_may_stay_until_21_may(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2011-10-27", "2011-11-06"),
                                                  ("2011-12-28", "2012-01-09"),
                                                  ("2012-03-06", "2012-03-15")), "2012-03-15"))
        self.assertEqual(r["days_used"], 34)
        self.assertEqual(r["days_left"], 56)
        self.assertEqual(r["last_legal_day"], "2012-05-21")
        self.assertIsNone(r["first_overstay_day"])
        self.assertEqual(r["overstay_days"], 0)
        self.assertTrue(r["present"])

    def test_eu_row2_absent_person_has_77_days_and_may_stay_until_13_august(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2011-10-27", "2011-11-06"),
                                                  ("2011-12-28", "2012-01-09"),
                                                  ("2012-03-06", "2012-05-21")), "2012-08-01"))
        self.assertEqual(r["days_used"], 77)
        self.assertFalse(r["present"])
        self.assertEqual(r["last_legal_day"], "2012-08-13")
        self.assertIsNone(r["first_overstay_day"])

    def test_eu_row3_long_stay_uses_180_has_no_legal_day_and_first_overstays_14_march(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2011-08-14", "2011-08-30"),
                                                  ("2011-12-15", "2012-06-22")), "2012-06-22"))
        self.assertEqual(r["days_used"], 180)
        self.assertEqual(r["days_left"], 0)
        self.assertIsNone(r["last_legal_day"])
        self.assertEqual(r["first_overstay_day"], "2012-03-14")
        # 2012-03-14 .. 2012-06-22 inclusive are all violations: 18 + 30 + 31 + 22 days.
        self.assertEqual(r["overstay_days"], 101)

    def test_eu_row4_old_overstay_is_reported_although_nothing_is_used_now(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2011-06-13", "2011-08-13"),
                                                  ("2011-10-13", "2011-11-14")), "2012-06-10"))
        self.assertEqual(r["days_used"], 0)
        self.assertEqual(r["last_legal_day"], "2012-09-07")
        self.assertEqual(r["first_overstay_day"], "2011-11-10")
        self.assertEqual(r["overstay_days"], 5)  # 10..14 November 2011

    def test_per_entry_shared_day_is_day_one_of_the_new_stay(self):
        r = self.ok(case({"kind": "per_entry", "limit": 30},
                         stays_of(("2026-01-01", "2026-01-30"), ("2026-01-30", None)),
                         "2026-02-10"))
        self.assertEqual(r["days_used"], 12)
        self.assertEqual(r["last_legal_day"], "2026-02-28")
        self.assertEqual(r["overstay_days"], 0)
        self.assertEqual(r["regime"], {"kind": "per_entry", "limit": 30})


# The EC short-stay calculator's example inputs, with our own day-by-day answers: (name, stays,
# check date, days in window, first overstay day or None, last legal day or None).
SEED_VECTORS = [
    ("KOM 1.1", "27/10/11-06/11/11;28/12/11-09/01/12;06/03/12-15/03/12", "15/03/12", 34, None,
     "21/05/12"),
    ("KOM 1.2", "27/10/11-06/11/11;28/12/11-09/01/12;06/03/12-10/05/12", "10/05/12", 79, None,
     "21/05/12"),
    ("KOM 1.3", "27/10/11-06/11/11;28/12/11-09/01/12;06/03/12-21/05/12", "21/05/12", 90, None,
     "21/05/12"),
    ("KOM 1.4", "27/10/11-06/11/11;28/12/11-09/01/12;06/03/12-21/05/12", "01/08/12", 77, None,
     "13/08/12"),
    ("KOM 2.1", "14/08/11-30/08/11;15/12/11-01/02/12", "01/02/12", 66, None, "13/03/12"),
    ("KOM 2.2", "14/08/11-30/08/11;15/12/11-25/02/12", "26/02/12", 73, None, "13/03/12"),
    ("KOM 2.3", "14/08/11-30/08/11;15/12/11-13/03/12", "14/03/12", 90, None, None),
    ("KOM 2.4", "14/08/11-30/08/11;15/12/11-22/06/12", "22/06/12", 180, "14/03/12", None),
    ("KOM 3", "01/01/12-15/01/12;15/02/12-30/04/12", "30/06/12", 89, "30/04/12", "13/07/12"),
    ("KOM 4", "14/08/11-30/08/11;15/12/11-14/03/12", "10/06/12", 91, "14/03/12", None),
    ("KOM 5", "01/01/12-15/01/12;15/02/12-30/04/12", "12/08/12", 76, "30/04/12", "09/11/12"),
    ("Overstay 1", "14/08/11-30/08/11;15/10/11-10/06/12", "10/06/12", 180, "27/12/11", None),
    ("Overstay 2", "13/06/11-13/08/11;13/10/11-14/11/11", "10/06/12", 0, "10/11/11", "07/09/12"),
    ("Overstay 3", "20/09/11-20/12/11;19/03/12-16/06/12", "17/06/12", 90, "19/12/11", None),
]


class SeedVectors(OracleTestCase):
    """The EC calculator's example inputs with our own day-by-day answers."""

    def test_every_seed_vector_gives_the_listed_days_first_overstay_and_last_legal_day(self):
        for name, stays, on, days, first, last in SEED_VECTORS:
            with self.subTest(name):
                r = self.ok(case(ROLLING_90_180, seed_stays(stays), ddmmyy(on)))
                self.assertEqual(r["days_used"], days)
                self.assertEqual(r["first_overstay_day"], first and ddmmyy(first))
                self.assertEqual(r["last_legal_day"], last and ddmmyy(last))

    def test_kom_1_4_unsorted_is_refused_as_overlapping_stays_at_the_first_out_of_order_stay(self):
        # The stamps sorted into pairs but the pairs listed newest first.
        stays = seed_stays("06/03/12-21/05/12;28/12/11-09/01/12;27/10/11-06/11/11")
        self.error(case(ROLLING_90_180, stays, "2012-08-01"), "overlapping_stays",
                   "stays[1].entry")

    def test_unsorted_2_with_an_entry_that_has_no_exit_is_open_stay_not_last(self):
        # +27/10/11 -06/11/11, +28/12/11 (no exit), +05/01/12 -09/01/12, +06/03/12 -10/05/12
        stays = [{"entry": "2011-10-27", "exit": "2011-11-06"}, {"entry": "2011-12-28"},
                 {"entry": "2012-01-05", "exit": "2012-01-09"},
                 {"entry": "2012-03-06", "exit": "2012-05-10"}]
        self.error(case(ROLLING_90_180, stays, "2012-05-10"), "open_stay_not_last",
                   "stays[1].exit")

    def test_inconsistance_1_with_a_reversed_stay_is_exit_before_entry(self):
        stays = [{"entry": "2011-09-20", "exit": "2011-12-20"},
                 {"entry": "2012-06-16", "exit": "2012-03-19"}]
        self.error(case(ROLLING_90_180, stays, "2012-06-17"), "exit_before_entry",
                   "stays[1].exit")

    def test_inconsistance_2_reports_the_first_problem_a_missing_entry(self):
        stays = [{"entry": "2011-09-20", "exit": "2011-12-20"}, {"exit": "2012-06-16"},
                 {"entry": "2012-06-20"}, {"entry": "2012-07-28", "exit": "2012-07-22"}]
        self.error(case(ROLLING_90_180, stays, "2012-06-17"), "missing_field", "stays[1].entry")

    def test_the_test_example_allows_a_repeated_one_day_stay_but_not_the_unsorted_one(self):
        # 14/08/13 entered twice (two one-day stays sharing that day: allowed), 10/09..20/09,
        # then 01/09/13 after it (out of order).
        stays = stays_of(("2013-08-14", "2013-08-14"), ("2013-08-14", "2013-08-14"),
                         ("2013-09-10", "2013-09-20"), ("2013-09-01", "2013-09-01"))
        self.error(case(ROLLING_90_180, stays, "2013-10-10"), "overlapping_stays",
                   "stays[3].entry")
        r = self.ok(case(ROLLING_90_180, stays[:3], "2013-10-10"))
        self.assertEqual(r["days_used"], 12)  # the shared day counts once: 1 + 11


class RollingDetails(OracleTestCase):
    def test_a_day_shared_by_two_stays_counts_once_for_rolling(self):
        r = self.ok(case({"kind": "rolling", "limit": 5, "window": 10},
                         stays_of(("2026-01-01", "2026-01-03"), ("2026-01-03", "2026-01-05")),
                         "2026-01-05"))
        self.assertEqual(r["days_used"], 5)
        self.assertEqual(r["overstay_days"], 0)
        # hypothetical: day 6 of stay in a 10-day window on 2026-01-06
        self.assertEqual(r["last_legal_day"], "2026-01-05")

    def test_limit_at_least_window_never_runs_out_so_last_legal_day_is_the_cap(self):
        r = self.ok(case({"kind": "rolling", "limit": 10, "window": 10},
                         stays_of(("2026-01-01", None)), "2026-03-01"))
        self.assertEqual(r["last_legal_day"], "9999-12-31")
        self.assertEqual(r["days_used"], 10)
        self.assertEqual(r["days_left"], 0)

    def test_window_of_one_million_days_reaches_before_year_one_without_failing(self):
        r = self.ok(case({"kind": "rolling", "limit": 3, "window": 1000000},
                         stays_of(("1900-01-01", "1900-01-02")), "1900-01-05"))
        self.assertEqual(r["days_used"], 2)
        self.assertEqual(r["last_legal_day"], "1900-01-05")  # 1900-01-06 would be day 4

    def test_stays_after_on_are_ignored_for_days_used_but_not_for_present_or_overstay(self):
        # on 2026-01-02 inside the first stay; the later stay is in the future.
        r = self.ok(case({"kind": "rolling", "limit": 2, "window": 10},
                         stays_of(("2026-01-01", "2026-01-03"), ("2026-01-05", "2026-01-09")),
                         "2026-01-02"))
        self.assertTrue(r["present"])
        self.assertEqual(r["days_used"], 2)
        self.assertEqual(r["overstay_days"], 0)  # 2026-01-03 is a violation but after on
        # the recorded exit is ignored: staying on, 2026-01-03 would be the third day
        self.assertEqual(r["last_legal_day"], "2026-01-02")


class FixedPeriods(OracleTestCase):
    def test_fixed_period_days_restart_at_first_counted_day_after_the_period_ends(self):
        # limit 5 in 10 days. Period 1 = Jan 1..Jan 10; its counted days are Jan 1,2,3,8,9,10,
        # so Jan 10 is the 6th (a violation). Period 2 starts Jan 11 (next counted day).
        regime = {"kind": "fixed", "limit": 5, "period_days": 10}
        r = self.ok(case(regime, stays_of(("2026-01-01", "2026-01-03"),
                                          ("2026-01-08", "2026-01-12")), "2026-01-12"))
        self.assertEqual(r["regime"], regime)
        self.assertEqual(r["days_used"], 2)  # Jan 11, Jan 12
        self.assertEqual(r["days_left"], 3)
        self.assertEqual(r["overstay_days"], 1)
        self.assertEqual(r["first_overstay_day"], "2026-01-10")
        # staying on: period 2 = Jan 11..Jan 20, its 6th day is Jan 16
        self.assertEqual(r["last_legal_day"], "2026-01-15")

    def test_fixed_days_used_is_zero_when_no_period_contains_on(self):
        regime = {"kind": "fixed", "limit": 5, "period_days": 10}
        r = self.ok(case(regime, stays_of(("2026-01-01", "2026-01-02"),
                                          ("2026-02-05", "2026-02-06")), "2026-01-20"))
        self.assertEqual(r["days_used"], 0)
        self.assertEqual(r["days_left"], 5)
        # staying from Jan 20: a new period starts Jan 20, its 6th day is Jan 25
        self.assertEqual(r["last_legal_day"], "2026-01-24")

    def test_period_months_from_31_august_ends_27_february_after_clamping(self):
        # 2026-08-31 + 6 months = 2027-02-28 (clamped), so period 1 is 2026-08-31..2027-02-27.
        regime = {"kind": "fixed", "limit": 90, "period_months": 6}
        stays = stays_of(("2026-08-31", "2026-09-09"))
        r = self.ok(case(regime, stays, "2027-02-27"))
        self.assertEqual(r["days_used"], 10)
        r = self.ok(case(regime, stays, "2027-02-28"))
        self.assertEqual(r["days_used"], 0)

    def test_period_months_last_legal_day_counts_in_the_next_period(self):
        # On 2027-02-27 (last day of period 1, 11th counted day); staying on, period 2 starts
        # 2027-02-28 and its 91st day is 2027-02-28 + 90 days = 2027-05-29.
        regime = {"kind": "fixed", "limit": 90, "period_months": 6}
        r = self.ok(case(regime, stays_of(("2026-08-31", "2026-09-09")), "2027-02-27"))
        self.assertEqual(r["last_legal_day"], "2027-05-28")
        self.assertEqual(r["regime"], regime)

    def test_fixed_90_in_6_months_from_first_entry_allows_90_days_then_not_the_91st(self):
        regime = {"kind": "fixed", "limit": 90, "period_months": 6}
        r = self.ok(case(regime, stays_of(("2026-01-15", None)), "2026-04-14"))
        self.assertEqual(r["days_used"], 90)  # Jan 15..Apr 14: 17 + 28 + 31 + 14
        self.assertEqual(r["last_legal_day"], "2026-04-14")
        r = self.ok(case(regime, stays_of(("2026-01-15", None)), "2026-04-20"))
        self.assertEqual(r["overstay_days"], 6)
        self.assertEqual(r["first_overstay_day"], "2026-04-15")
        self.assertIsNone(r["last_legal_day"])

    def test_fixed_limit_equal_to_the_period_length_never_runs_out(self):
        r = self.ok(case({"kind": "fixed", "limit": 7, "period_days": 7},
                         stays_of(("2026-01-01", None)), "2026-06-01"))
        self.assertEqual(r["last_legal_day"], "9999-12-31")

    def test_fixed_one_month_with_limit_30_first_fails_in_a_31_day_month(self):
        # Periods Feb 1..Feb 28 (28 days), Mar 1..Mar 31 (31 days): Mar 31 is day 31.
        r = self.ok(case({"kind": "fixed", "limit": 30, "period_months": 1},
                         stays_of(("2026-02-01", None)), "2026-02-01"))
        self.assertEqual(r["last_legal_day"], "2026-03-30")

    def test_fixed_one_month_with_limit_31_never_runs_out(self):
        r = self.ok(case({"kind": "fixed", "limit": 31, "period_months": 1},
                         stays_of(("2026-02-01", None)), "2026-02-01"))
        self.assertEqual(r["last_legal_day"], "9999-12-31")


class PerEntryDetails(OracleTestCase):
    def test_per_entry_shared_day_restarts_the_count_so_no_overstay(self):
        regime = {"kind": "per_entry", "limit": 3}
        r = self.ok(case(regime, stays_of(("2026-01-01", "2026-01-04"),
                                          ("2026-01-04", "2026-01-06")), "2026-01-06"))
        self.assertEqual(r["overstay_days"], 0)
        self.assertEqual(r["days_used"], 3)
        self.assertEqual(r["days_left"], 0)
        self.assertEqual(r["last_legal_day"], "2026-01-06")

    def test_per_entry_without_a_shared_day_the_fourth_day_is_an_overstay(self):
        regime = {"kind": "per_entry", "limit": 3}
        r = self.ok(case(regime, stays_of(("2026-01-01", "2026-01-04"),
                                          ("2026-01-05", "2026-01-06")), "2026-01-06"))
        self.assertEqual(r["overstay_days"], 1)
        self.assertEqual(r["first_overstay_day"], "2026-01-04")
        self.assertEqual(r["days_used"], 2)

    def test_per_entry_days_used_is_zero_when_absent_and_staying_starts_a_new_entry(self):
        r = self.ok(case({"kind": "per_entry", "limit": 30},
                         stays_of(("2026-01-01", "2026-01-30")), "2026-02-10"))
        self.assertFalse(r["present"])
        self.assertEqual(r["days_used"], 0)
        self.assertEqual(r["last_legal_day"], "2026-03-11")  # Feb 10 + 29 days

    def test_per_entry_on_a_shared_day_with_later_stay_in_record_uses_the_later_stay(self):
        # on is the shared day: the later stay owns it, its day 1.
        r = self.ok(case({"kind": "per_entry", "limit": 30},
                         stays_of(("2026-01-01", "2026-01-20"), ("2026-01-20", "2026-01-25")),
                         "2026-01-20"))
        self.assertEqual(r["days_used"], 1)
        self.assertEqual(r["last_legal_day"], "2026-02-18")  # Jan 20 + 29


class ExemptDays(OracleTestCase):
    def test_exempt_days_are_not_counted(self):
        r = self.ok(case({"kind": "rolling", "limit": 3, "window": 10},
                         stays_of(("2026-01-01", "2026-01-06")), "2026-01-06",
                         exempt=[{"from": "2026-01-02", "to": "2026-01-03"}]))
        self.assertEqual(r["days_used"], 4)  # Jan 1, 4, 5, 6
        self.assertEqual(r["overstay_days"], 1)
        self.assertEqual(r["first_overstay_day"], "2026-01-06")

    def test_an_exempt_day_after_the_limit_was_passed_is_never_a_violation(self):
        # counted Jan 1, 2, 3 -> Jan 3 is the 3rd > 2; Jan 4, 5 are exempt: lawful under another
        # right (an application filed after an overstay, say), so only Jan 3 is a violation. On
        # Jan 5 the person is lawful, and the first counted day after the exempt range, Jan 6,
        # would be over the limit: Jan 5 is the last legal day.
        r = self.ok(case({"kind": "rolling", "limit": 2, "window": 10},
                         stays_of(("2026-01-01", "2026-01-05")), "2026-01-05",
                         exempt=[{"from": "2026-01-04", "to": "2026-01-05"}]))
        self.assertEqual(r["days_used"], 3)
        self.assertEqual(r["overstay_days"], 1)
        self.assertEqual(r["first_overstay_day"], "2026-01-03")
        self.assertEqual(r["last_legal_day"], "2026-01-05")

    def test_exempt_days_after_valid_until_are_not_violations_either(self):
        # valid_until Jan 3; Jan 4..6 exempt: the first violation is the counted Jan 7.
        r = self.ok(case({"kind": "per_entry", "limit": 30},
                         stays_of(("2026-01-01", None)), "2026-01-05",
                         exempt=[{"from": "2026-01-04", "to": "2026-01-06"}], valid_until="2026-01-03"))
        self.assertEqual(r["overstay_days"], 0)
        self.assertEqual(r["last_legal_day"], "2026-01-06")

    def test_a_future_exempt_range_extends_the_last_legal_day(self):
        # rolling 3/10, present from Jan 1 (open); Jan 4..Jan 10 exempt. Counted days are
        # Jan 1, 2, 3, 11, 12, ...: [Jan 2, Jan 11], [Jan 3, Jan 12], [Jan 4, Jan 13] hold 3
        # each; [Jan 5, Jan 14] holds Jan 11..14 = 4, so Jan 14 is the first violation.
        r = self.ok(case({"kind": "rolling", "limit": 3, "window": 10},
                         stays_of(("2026-01-01", None)), "2026-01-02",
                         exempt=[{"from": "2026-01-04", "to": "2026-01-10"}]))
        self.assertEqual(r["last_legal_day"], "2026-01-13")

    def test_exempt_days_do_not_start_a_fixed_period(self):
        # Jan 1..Jan 5 exempt; first counted day Jan 6 starts the period Jan 6..Jan 15.
        r = self.ok(case({"kind": "fixed", "limit": 3, "period_days": 10},
                         stays_of(("2026-01-01", None)), "2026-01-08",
                         exempt=[{"from": "2026-01-01", "to": "2026-01-05"}]))
        self.assertEqual(r["days_used"], 3)
        self.assertEqual(r["last_legal_day"], "2026-01-08")

    def test_overlapping_exempt_ranges_are_simply_a_union(self):
        r = self.ok(case({"kind": "per_entry", "limit": 10},
                         stays_of(("2026-01-01", "2026-01-10")), "2026-01-10",
                         exempt=[{"from": "2026-01-02", "to": "2026-01-05"},
                                 {"from": "2026-01-04", "to": "2026-01-06"}]))
        self.assertEqual(r["days_used"], 5)  # Jan 1, 7, 8, 9, 10


class ValidUntil(OracleTestCase):
    def test_valid_until_caps_the_last_legal_day(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2026-03-01", None)), "2026-03-10",
                         valid_until="2026-03-20"))
        self.assertEqual(r["last_legal_day"], "2026-03-20")
        self.assertEqual(r["overstay_days"], 0)

    def test_days_after_valid_until_are_overstays_and_on_itself_gives_null(self):
        r = self.ok(case(ROLLING_90_180, stays_of(("2026-03-01", None)), "2026-03-25",
                         valid_until="2026-03-20"))
        self.assertEqual(r["overstay_days"], 5)
        self.assertEqual(r["first_overstay_day"], "2026-03-21")
        self.assertIsNone(r["last_legal_day"])
        self.assertEqual(r["days_used"], 25)  # counting is unchanged by valid_until

    def test_valid_until_caps_the_cap_when_limit_never_runs_out(self):
        r = self.ok(case({"kind": "rolling", "limit": 10, "window": 10},
                         stays_of(("2026-03-01", None)), "2026-03-10",
                         valid_until="2030-01-01"))
        self.assertEqual(r["last_legal_day"], "2030-01-01")

    def test_valid_until_in_a_fixed_months_case_beyond_the_walked_days(self):
        r = self.ok(case({"kind": "fixed", "limit": 31, "period_months": 1},
                         stays_of(("2026-03-01", None)), "2026-03-10",
                         valid_until="2028-06-15"))
        self.assertEqual(r["last_legal_day"], "2028-06-15")

    def test_valid_until_limits_the_planned_stay(self):
        r = self.ok(case(ROLLING_90_180, [], "2026-03-01", valid_until="2026-03-20",
                         plan={"entry": "2026-03-18"}))
        self.assertEqual(r["plan"], {"max_stay": 3})
        r = self.ok(case(ROLLING_90_180, [], "2026-03-01", valid_until="2026-03-20",
                         plan={"entry": "2026-03-21"}))
        self.assertEqual(r["plan"], {"max_stay": 0})

    def test_valid_until_makes_a_long_plan_impossible(self):
        r = self.ok(case(ROLLING_90_180, [], "2026-03-01", valid_until="2026-03-20",
                         plan={"from": "2026-03-01", "length": 21}))
        self.assertEqual(r["plan"], {"earliest_entry": None})
        r = self.ok(case(ROLLING_90_180, [], "2026-03-01", valid_until="2026-03-20",
                         plan={"from": "2026-03-01", "length": 20}))
        self.assertEqual(r["plan"], {"earliest_entry": "2026-03-01"})


class Plans(OracleTestCase):
    # History: 2026-01-01..2026-03-01 is 31 + 28 + 1 = 60 days.
    HISTORY = stays_of(("2026-01-01", "2026-03-01"))

    def test_plan_entry_max_stay_is_days_until_the_first_violation(self):
        # from Mar 10 the count is 60 + k on the k-th day; k = 31 (Apr 9) is over 90.
        r = self.ok(case(ROLLING_90_180, self.HISTORY, "2026-03-01",
                         plan={"entry": "2026-03-10"}))
        self.assertEqual(r["plan"], {"max_stay": 30})

    def test_plan_entry_is_zero_when_the_entry_day_itself_is_a_violation(self):
        r = self.ok(case({"kind": "rolling", "limit": 60, "window": 180}, self.HISTORY,
                         "2026-03-01", plan={"entry": "2026-03-10"}))
        self.assertEqual(r["plan"], {"max_stay": 0})

    def test_plan_entry_never_running_out_is_capped_at_9999_12_31(self):
        r = self.ok(case({"kind": "rolling", "limit": 180, "window": 180}, [], "2026-03-01",
                         plan={"entry": "2026-04-01"}))
        expected = (date(9999, 12, 31) - date(2026, 4, 1)).days + 1
        self.assertEqual(r["plan"], {"max_stay": expected})

    def test_plan_from_finds_the_first_entry_allowing_the_whole_length(self):
        # A 40-day stay ending on t needs at most 50 history days in [t-179, t]:
        # t >= 2026-07-09, so E >= 2026-05-31 (and E = May 30 gives 91 on Jul 8).
        r = self.ok(case(ROLLING_90_180, self.HISTORY, "2026-03-01",
                         plan={"from": "2026-03-10", "length": 40}))
        self.assertEqual(r["plan"], {"earliest_entry": "2026-05-31"})

    def test_plan_from_returns_from_itself_when_it_already_fits(self):
        r = self.ok(case(ROLLING_90_180, self.HISTORY, "2026-03-01",
                         plan={"from": "2026-03-10", "length": 30}))
        self.assertEqual(r["plan"], {"earliest_entry": "2026-03-10"})

    def test_plan_from_is_null_when_length_exceeds_limit(self):
        for regime in ({"kind": "rolling", "limit": 5, "window": 10},
                       {"kind": "fixed", "limit": 5, "period_days": 10},
                       {"kind": "per_entry", "limit": 5}):
            with self.subTest(regime["kind"]):
                r = self.ok(case(regime, [], "2026-01-01",
                                 plan={"from": "2026-01-01", "length": 6}))
                self.assertEqual(r["plan"], {"earliest_entry": None})

    def test_fixed_period_shorter_than_the_plan_lets_a_length_above_limit_fit(self):
        # 5 in 5 days: E..E+4 fill period 1, E+5 is day 1 of period 2.
        r = self.ok(case({"kind": "fixed", "limit": 5, "period_days": 5}, [], "2026-01-01",
                         plan={"from": "2026-01-01", "length": 6}))
        self.assertEqual(r["plan"], {"earliest_entry": "2026-01-01"})

    def test_exempt_days_let_a_plan_longer_than_the_limit_fit(self):
        r = self.ok(case({"kind": "rolling", "limit": 5, "window": 10}, [], "2026-01-01",
                         exempt=[{"from": "2026-01-01", "to": "2026-01-10"}],
                         plan={"from": "2026-01-01", "length": 6}))
        self.assertEqual(r["plan"], {"earliest_entry": "2026-01-01"})

    def _edge_case(self, window):
        # rolling limit 1: a one-day stay on E fits when the history day H = 2024-02-28 is out
        # of [E - window + 1, E], i.e. E >= H + window. The search ends at
        # add_months_clamped(2024-02-29, 36) = 2027-02-28.
        return case({"kind": "rolling", "limit": 1, "window": window},
                    stays_of(("2024-02-28", "2024-02-28")), "2024-02-28",
                    plan={"from": "2024-02-29", "length": 1})

    def test_plan_from_search_includes_the_day_36_clamped_months_after_from(self):
        window = (date(2027, 2, 28) - date(2024, 2, 28)).days
        r = self.ok(self._edge_case(window))
        self.assertEqual(r["plan"], {"earliest_entry": "2027-02-28"})

    def test_plan_from_search_stops_after_the_day_36_clamped_months_after_from(self):
        window = (date(2027, 2, 28) - date(2024, 2, 28)).days + 1
        r = self.ok(self._edge_case(window))
        self.assertEqual(r["plan"], {"earliest_entry": None})

    def test_plan_sharing_its_entry_day_with_a_recorded_exit_overlaps(self):
        self.error(case(ROLLING_90_180, self.HISTORY, "2026-03-01",
                        plan={"entry": "2026-03-01"}), "plan_overlaps_stays", "plan.entry")

    def test_plan_after_an_open_stay_overlaps(self):
        self.error(case(ROLLING_90_180, stays_of(("2026-01-01", None)), "2026-03-01",
                        plan={"from": "2026-06-01", "length": 3}),
                   "plan_overlaps_stays", "plan.from")

    def test_plan_with_fixed_history_uses_the_history_periods(self):
        # 10 in 30 days; history Jan 1..Jan 8 (8 days) starts period Jan 1..Jan 30.
        # Planned entry Jan 20: days 9, 10 are Jan 20, 21; Jan 22 is the 11th.
        r = self.ok(case({"kind": "fixed", "limit": 10, "period_days": 30},
                         stays_of(("2026-01-01", "2026-01-08")), "2026-01-10",
                         plan={"entry": "2026-01-20"}))
        self.assertEqual(r["plan"], {"max_stay": 2})

    def test_plan_per_entry_ignores_history(self):
        r = self.ok(case({"kind": "per_entry", "limit": 30},
                         stays_of(("2026-01-01", "2026-01-30")), "2026-01-10",
                         plan={"entry": "2026-01-31"}))
        self.assertEqual(r["plan"], {"max_stay": 30})


class HypotheticalTimeline(OracleTestCase):
    def test_stays_starting_after_on_do_not_shorten_the_last_legal_day(self):
        # per_entry 5: absent on Jan 10, a later recorded stay Jan 12..Jan 20 is dropped.
        r = self.ok(case({"kind": "per_entry", "limit": 5},
                         stays_of(("2026-01-01", "2026-01-03"), ("2026-01-12", "2026-01-20")),
                         "2026-01-10"))
        self.assertEqual(r["last_legal_day"], "2026-01-14")
        self.assertEqual(r["overstay_days"], 0)

    def test_the_recorded_exit_of_the_current_stay_is_ignored(self):
        r = self.ok(case({"kind": "per_entry", "limit": 5},
                         stays_of(("2026-01-01", "2026-01-03")), "2026-01-02"))
        self.assertEqual(r["last_legal_day"], "2026-01-05")

    def test_on_the_shared_day_the_later_stay_becomes_open(self):
        # rolling 4/10: Jan 1..Jan 3 and Jan 3..Jan 3 (a one-day visa run on the exit day),
        # on Jan 3: the counted days are Jan 1..3; staying on, Jan 5 is the 5th.
        r = self.ok(case({"kind": "rolling", "limit": 4, "window": 10},
                         stays_of(("2026-01-01", "2026-01-03"), ("2026-01-03", "2026-01-03")),
                         "2026-01-03"))
        self.assertEqual(r["last_legal_day"], "2026-01-04")


def naive_first_violation(stays, exempt, regime, valid_until, start, horizon):
    """A second, even plainer walk with no shortcuts: Python sets of day numbers, counts by
    summing over ranges, periods found by walking. Used only to check the oracle's stopping
    rules on small random cases."""
    import calendar

    def add_months(day, months):
        d = date.fromordinal(day)
        y, m0 = divmod(d.year * 12 + d.month - 1 + months, 12)
        return date(y, m0 + 1, min(d.day, calendar.monthrange(y, m0 + 1)[1])).toordinal()

    days = set()
    for entry, exit_ in stays:
        days.update(range(entry, (horizon if exit_ is None else exit_) + 1))
    exempt_days = set()
    for a, b in exempt:
        exempt_days.update(range(a, b + 1))
    counted = days - exempt_days
    limit = regime["limit"]
    periods = []
    if regime["kind"] == "fixed" and counted:
        d = min(counted)
        while d <= horizon:
            if d in counted:
                if "period_days" in regime:
                    end = d + regime["period_days"] - 1
                else:
                    end = add_months(d, regime["period_months"]) - 1
                periods.append((d, end))
                d = end + 1
            else:
                d += 1

    def count(t):
        if regime["kind"] == "rolling":
            return sum(1 for d in range(t - regime["window"] + 1, t + 1) if d in counted)
        if regime["kind"] == "fixed":
            for a, b in periods:
                if a <= t <= b:
                    return sum(1 for d in range(a, t + 1) if d in counted)
            return 0
        owner = [e for e, x in stays if e <= t and (x is None or t <= x)][-1]
        return sum(1 for d in range(owner, t + 1) if d in counted)

    # Only a counted day can be a violation: an exempt day never is (contract "Regimes").
    for t in range(start, horizon + 1):
        if t in counted and ((valid_until is not None and t > valid_until) or count(t) > limit):
            return t
    return None


class OracleSelfChecks(unittest.TestCase):
    def test_stopping_rules_agree_with_a_plain_walk_on_small_random_cases(self):
        import random
        rng = random.Random(20260101)
        base = date(2026, 1, 1).toordinal()
        for n in range(250):
            kind = rng.choice(["rolling", "fixed_days", "fixed_months", "per_entry"])
            limit = rng.randint(1, 40)
            if kind == "rolling":
                regime = {"kind": "rolling", "limit": limit, "window": rng.randint(1, 45)}
            elif kind == "fixed_days":
                regime = {"kind": "fixed", "limit": limit, "period_days": rng.randint(1, 40)}
            elif kind == "fixed_months":
                regime = {"kind": "fixed", "limit": rng.randint(25, 95),
                          "period_months": rng.randint(1, 3)}
            else:
                regime = {"kind": "per_entry", "limit": limit}
            stays, d = [], base + rng.randint(0, 20)
            for _ in range(rng.randint(0, 4)):
                e = d + rng.randint(0, 15)
                stays.append((e, e + rng.randint(0, 20)))
                d = stays[-1][1] + rng.randint(0, 1)
            start = d + rng.randint(1, 30)
            stays.append((start, None))
            exempt = []
            for _ in range(rng.randint(0, 2)):
                a = base + rng.randint(0, 150)
                exempt.append((a, a + rng.randint(0, 30)))
            vu = start + rng.randint(-3, 300) if rng.random() < 0.3 else None
            horizon = start + 800
            with self.subTest(n=n, regime=regime, stays=stays, exempt=exempt, vu=vu):
                expected = naive_first_violation(stays, exempt, regime, vu, start, horizon)
                got = R.first_violation_staying_on(stays, exempt, regime, vu, start)
                if expected is None:
                    self.assertTrue(got is None or got > horizon, got)
                else:
                    self.assertEqual(got, expected)

    def test_reusing_the_records_cached_days_for_plans_changes_no_answer(self):
        import random_cases
        import random
        rng = random.Random(5)
        cases = [random_cases.valid_case(rng, i) for i in range(120)]
        cases = [c for c in cases if "plan" in c]
        with_reuse = [R.evaluate(c) for c in cases]
        original = R.Timeline.reuse_days_before
        R.Timeline.reuse_days_before = lambda self, other, day: None
        try:
            without = [R.evaluate(c) for c in cases]
        finally:
            R.Timeline.reuse_days_before = original
        self.assertEqual(with_reuse, without)


if __name__ == "__main__":
    unittest.main()
