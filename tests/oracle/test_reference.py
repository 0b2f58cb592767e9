"""Tests that the reference oracle (reference.py) answers as the contract and the semantics page
say. Expected values here were worked out by hand (see the comments), or come from the
contract's worked examples and the seed vectors in ../shared/reference/peers.md section G.

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


# Seed vectors from peers.md section G: (name, stays, check date, days in window,
# first overstay day or None, last legal day or None ("none" in the table means null)).
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
    """The EC calculator's example inputs with the day-by-day answers listed in peers.md."""

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


class Readings(unittest.TestCase):
    """Contract "Readings", answered from the project's rules/ folder."""

    @classmethod
    def setUpClass(cls):
        import os
        cls.rules = R.Rules(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules"))

    def answer(self, c):
        return R.evaluate(c, self.rules)

    def test_an_american_gets_every_fields_stricter_value(self):
        # Stamps +2026-06-01 -2026-08-01 +2026-11-01, checked on 2026-12-05. Fixed 90 in 6
        # months: the period 06-01..11-30 held 92 days (over on 11-29 and 11-30), a new one began
        # on 12-01 (5 days used), last day 2027-02-28. Rolling 90/180: 89 days in the window,
        # last day 2027-01-29.
        r = self.answer({"id": "us", "citizenship": "US", "on": "2026-12-05",
                         "stays": [{"entry": "2026-06-01", "exit": "2026-08-01"}, {"entry": "2026-11-01"}]})
        self.assertEqual(r["last_legal_day"], "2027-01-29")
        self.assertEqual(r["days_used"], 89)
        self.assertEqual(r["days_left"], 1)
        self.assertEqual(r["overstay_days"], 2)
        self.assertEqual(r["first_overstay_day"], "2026-11-29")
        self.assertEqual(r["regime"], {"kind": "rolling", "limit": 90, "window": 180})
        self.assertEqual([x["regime"]["kind"] for x in r["readings"]], ["fixed", "rolling"])
        self.assertEqual([x["last_legal_day"] for x in r["readings"]], ["2027-02-28", "2027-01-29"])

    def test_a_ukrainian_counts_ninety_in_any_hundred_and_eighty_from_the_amendment(self):
        r = self.answer({"id": "ua", "citizenship": "UA", "on": "2026-07-15", "stays": [{"entry": "2026-06-01"}]})
        self.assertEqual(r["regime"], {"kind": "rolling", "limit": 90, "window": 180})
        self.assertEqual(r["days_used"], 45)
        self.assertEqual(r["overstay_days"], 0)
        self.assertNotIn("readings", r)
        before = self.answer({"id": "ua", "citizenship": "UA", "on": "2021-10-14", "stays": [{"entry": "2021-10-01"}]})
        self.assertEqual(before["regime"], {"kind": "fixed", "limit": 30, "period_days": 60})

    def test_a_reading_that_needs_a_visa_makes_the_case_visa_required(self):
        # Guinea-Bissau between 2022-11-20 and 2022-12-31: one report says visas from 20 Nov.
        r = self.answer({"id": "gw", "citizenship": "GW", "on": "2022-12-01", "stays": []})
        self.assertEqual(r["error"]["code"], "visa_required")
        r = self.answer({"id": "gw", "citizenship": "GW", "on": "2022-11-19", "stays": []})
        self.assertTrue(r["ok"])
