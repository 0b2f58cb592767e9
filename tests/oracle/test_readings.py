"""Contract "Readings": the oracle answers a citizenship from the project's rules/ folder, and every
field takes its stricter value among readings of equal standing.

Run: python3 -m unittest discover -s tests/oracle -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as R  # noqa: E402


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


if __name__ == "__main__":
    unittest.main()
