#!/usr/bin/env python3
"""Seeded random batch cases (JSON Lines on stdout) for comparing the engine with the oracle.

    python3 tests/oracle/random_cases.py --seed 1 --count 1000 > cases.jsonl

About 90 % of the lines are valid cases with an explicit `regime`: rolling (limit 1..100,
window 1..200, sometimes limit >= window), fixed (period_days or period_months 1..12),
per_entry; 0..8 sorted stays (sometimes sharing a day, the last sometimes open), 0..2 exempt
ranges (sometimes over stays, sometimes after `on` or the planned dates), sometimes
valid_until, sometimes a plan (entry, or from/length; mostly after every stay, sometimes
overlapping to give plan_overlaps_stays). Dates stay within about two years so the day-by-day
oracle stays fast.

With --citizenship about a third of the valid cases give a `citizenship` instead of a
`regime`: a country whose rule changed, on a date around the change (or anywhere from 2009 to
2027), with stays placed before that date. They need the oracle's --rules.

About 10 % are malformed: not JSON, impossible dates, missing fields, wrong types, unsorted or
overlapping stays, exit before entry, an open stay that is not last, unknown kinds. Only
problems whose code and path the contract and docs/stay-semantics.md fix are generated, unless
--ambiguous is given: then it also emits cases whose answer rests on a choice the oracle made
(null values, non-string dates, fixed with no period, plan with both forms, reversed exempt
ranges, citizenship together with regime, an id that is not a string).
"""

import argparse
import json
import random
from datetime import date, timedelta

BASE = date(2025, 1, 1)
SPAN = 730  # days


def iso(d):
    return d.isoformat()


def rand_day(rng, lo=0, hi=SPAN):
    return BASE + timedelta(days=rng.randint(lo, hi))


def rand_regime(rng):
    kind = rng.choice(["rolling", "rolling", "fixed", "per_entry"])
    if kind == "rolling":
        window = rng.choice([rng.randint(1, 200), 180, rng.randint(1, 20)])
        if rng.random() < 0.15:
            limit = rng.randint(window, window + 20)  # limit >= window: never runs out
        else:
            limit = rng.randint(1, min(100, window))
        return {"kind": "rolling", "limit": limit, "window": window}
    if kind == "fixed":
        limit = rng.choice([rng.randint(1, 100), 90, 28, 29, 30, 31])
        if rng.random() < 0.5:
            return {"kind": "fixed", "limit": limit, "period_days": rng.randint(1, 12)
                    if rng.random() < 0.5 else rng.randint(1, 200)}
        return {"kind": "fixed", "limit": limit, "period_months": rng.randint(1, 12)}
    return {"kind": "per_entry", "limit": rng.choice([rng.randint(1, 100), 30, 90])}


def rand_stays(rng):
    n = rng.randint(0, 8)
    stays = []
    day = BASE + timedelta(days=rng.randint(0, 120))
    for i in range(n):
        length = rng.choice([1, rng.randint(1, 10), rng.randint(1, 60), rng.randint(1, 120)])
        entry = day
        exit_ = entry + timedelta(days=length - 1)
        stays.append({"entry": iso(entry), "exit": iso(exit_)})
        gap = rng.choice([0, 0, 1, rng.randint(1, 30), rng.randint(1, 120)])
        day = exit_ + timedelta(days=gap)  # gap 0: the next stay shares the exit day
    if stays and rng.random() < 0.25:
        del stays[-1]["exit"]  # still going on
    return stays


def last_day(stays):
    if not stays:
        return None
    last = stays[-1]
    return date.fromisoformat(last.get("exit", last["entry"]))


def valid_case(rng, i):
    regime = rand_regime(rng)
    stays = rand_stays(rng)
    case = {"id": f"r{i}", "regime": regime, "stays": stays}

    end = last_day(stays) or BASE
    # on: inside the stays, on a boundary, or after them
    choices = [end, end + timedelta(days=rng.randint(1, 200)), rand_day(rng)]
    if stays:
        s = rng.choice(stays)
        choices += [date.fromisoformat(s["entry"]),
                    date.fromisoformat(s.get("exit", s["entry"]))]
    on = rng.choice(choices)
    case["on"] = iso(on)

    if rng.random() < 0.5:
        ranges = []
        for _ in range(rng.randint(1, 2)):
            if stays and rng.random() < 0.5:
                s = rng.choice(stays)
                start = date.fromisoformat(s["entry"]) + timedelta(days=rng.randint(-5, 10))
            else:
                start = rand_day(rng, 0, SPAN + 200)  # sometimes after on / the plan
            ranges.append({"from": iso(start),
                           "to": iso(start + timedelta(days=rng.randint(0, 60)))})
        case["exempt"] = ranges

    if rng.random() < 0.25:
        case["valid_until"] = iso(on + timedelta(days=rng.randint(-30, 200)))

    if rng.random() < 0.4:
        open_last = bool(stays) and "exit" not in stays[-1]
        if rng.random() < 0.12 and stays:
            # overlaps: on or before the last exit (or after an open stay)
            start = end - timedelta(days=rng.randint(0, 3))
            if open_last:
                start = end + timedelta(days=rng.randint(0, 100))
        else:
            if open_last:  # close the open stay so that the plan can come after it
                stays[-1]["exit"] = iso(end + timedelta(days=rng.randint(0, 30)))
                end = last_day(stays)
            start = end + timedelta(days=rng.randint(1, 250))
        if rng.random() < 0.5:
            case["plan"] = {"entry": iso(start)}
        else:
            case["plan"] = {"from": iso(start),
                            "length": rng.choice([1, rng.randint(1, 30), rng.randint(1, 120),
                                                  regime["limit"], regime["limit"] + 1])}
    return case


# Countries whose rule changed, and the days of the changes (rules/stay/citizenship.toml), plus
# a few with a steady rule, one that always needs a visa and one unknown code.
CHANGES = {
    "UA": ["2011-12-08", "2021-10-15"], "GE": ["2018-03-09", "2019-02-14"],
    "QA": ["2015-06-30", "2024-12-14"], "KW": ["2015-06-30", "2024-12-14"],
    "OM": ["2015-06-30", "2024-12-14"], "BH": ["2015-06-30"], "MN": ["2014-07-17", "2025-03-01"],
    "CU": ["2018-10-03", "2023-04-14"], "BO": ["2023-02-10"], "TN": ["2022-11-20"],
    "GW": ["2017-12-19", "2022-11-20", "2023-01-01"], "IN": ["2017-09-02", "2023-01-01"],
    "BI": ["2018-06-02", "2022-10-20"], "KZ": ["2011-05-28"], "IR": ["2017-09-02", "2018-10-17"],
    "RU": ["2009-06-10"], "CN": ["2017-01-15"], "TR": ["2010-12-03"], "AZ": ["2018-06-02"],
    "AM": ["2019-11-02"], "US": ["2009-04-01", "2018-10-03"], "DE": ["2018-10-03"],
    "JP": ["2011-05-01"], "MO": ["2016-12-31"], "HK": ["2016-12-31"], "MY": ["2016-12-01", "2018-01-01"],
    "BS": ["2018-02-15"], "AF": ["2020-01-01"], "ZZ": ["2020-01-01"], "xk": ["2011-12-26"],
}


def citizenship_case(rng, i):
    code = rng.choice(sorted(CHANGES))
    if rng.random() < 0.7:
        on = date.fromisoformat(rng.choice(CHANGES[code])) + timedelta(days=rng.randint(-3, 3))
    else:
        on = date(2009, 1, 1) + timedelta(days=rng.randint(0, 18 * 365))
    case = {"id": f"c{i}", "citizenship": code, "on": iso(on)}
    # Stays before (and sometimes through) the check date.
    stays = []
    day = on - timedelta(days=rng.randint(0, 400))
    while day <= on and len(stays) < 6:
        length = rng.choice([1, rng.randint(1, 30), rng.randint(1, 120)])
        exit_ = day + timedelta(days=length - 1)
        stays.append({"entry": iso(day), "exit": iso(exit_)})
        day = exit_ + timedelta(days=rng.choice([0, 1, rng.randint(1, 60)]))
    if stays and rng.random() < 0.4:
        del stays[-1]["exit"]
    case["stays"] = stays
    if rng.random() < 0.3:
        start = on - timedelta(days=rng.randint(0, 200))
        case["exempt"] = [{"from": iso(start), "to": iso(start + timedelta(days=rng.randint(0, 60)))}]
    if rng.random() < 0.25:
        case["valid_until"] = iso(on + timedelta(days=rng.randint(-20, 120)))
    if rng.random() < 0.25 and (not stays or "exit" in stays[-1]):
        start = (date.fromisoformat(stays[-1]["exit"]) if stays else on) + timedelta(days=rng.randint(1, 200))
        case["plan"] = ({"entry": iso(start)} if rng.random() < 0.5
                        else {"from": iso(start), "length": rng.choice([1, 14, 30, 60, 90, 91])})
    return case


def good_base(rng, i):
    return {"id": f"m{i}", "regime": {"kind": "rolling", "limit": 90, "window": 180},
            "stays": [{"entry": "2025-03-01", "exit": "2025-03-20"},
                      {"entry": "2025-05-01", "exit": "2025-05-10"}],
            "on": "2025-05-10"}


BAD_DATES = ["2026-02-30", "2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
             "2025-01-00", "2025-1-05", "25-01-05", "2025/01/05", "2025-01-05T00:00",
             "1899-12-31", "2201-01-01", "", "yesterday", "2025-01-5"]
BAD_INTS = [0, -1, 2.5, 90.0, "90", True, False, 1000001, [], {}]


def malformed_line(rng, i):
    kind = rng.randrange(14)
    c = good_base(rng, i)
    if kind == 0:
        return rng.choice(["not json", "{", '{"id": "x"', "[1, 2, 3]", '"just a string"',
                           "42", "null", "{'id': 'single quotes'}", '{"id": "x",}',
                           '{"id": "nan", "on": NaN}'])
    if kind == 1:
        field = rng.choice(["on", "stays.entry", "stays.exit", "valid_until", "exempt.from",
                            "exempt.to", "plan.entry", "plan.from"])
        bad = rng.choice(BAD_DATES)
        if field == "on":
            c["on"] = bad
        elif field == "stays.entry":
            c["stays"][rng.randrange(2)]["entry"] = bad
        elif field == "stays.exit":
            c["stays"][rng.randrange(2)]["exit"] = bad
        elif field == "valid_until":
            c["valid_until"] = bad
        elif field.startswith("exempt"):
            c["exempt"] = [{"from": "2025-03-05", "to": "2025-03-06"}]
            c["exempt"][0][field.split(".")[1]] = bad
        elif field == "plan.entry":
            c["plan"] = {"entry": bad}
        else:
            c["plan"] = {"from": bad, "length": 5}
        return c
    if kind == 2:
        victim = rng.choice(["id", "stays", "on", "regime", "regime.kind", "regime.limit",
                             "regime.window", "stays.entry", "exempt.from", "exempt.to",
                             "plan.length"])
        if victim in ("id", "stays", "on", "regime"):
            del c[victim]
        elif victim.startswith("regime."):
            del c["regime"][victim.split(".")[1]]
        elif victim == "stays.entry":
            del c["stays"][rng.randrange(2)]["entry"]
        elif victim.startswith("exempt"):
            c["exempt"] = [{"from": "2025-03-05", "to": "2025-03-06"}]
            del c["exempt"][0][victim.split(".")[1]]
        else:
            c["plan"] = {"from": "2025-06-01"}
        return c
    if kind == 3:
        where = rng.choice(["limit", "window", "period_days", "period_months", "per_entry",
                            "length"])
        bad = rng.choice(BAD_INTS)
        if where in ("limit", "window"):
            c["regime"][where] = bad
        elif where == "per_entry":
            c["regime"] = {"kind": "per_entry", "limit": bad}
        elif where == "length":
            c["plan"] = {"from": "2025-06-01", "length": bad}
        else:
            c["regime"] = {"kind": "fixed", "limit": 90, where: bad}
        return c
    if kind == 4:
        what = rng.choice(["stays", "stay", "exempt", "exempt_item", "plan", "regime"])
        if what == "stays":
            c["stays"] = rng.choice(["2025-03-01", {"entry": "2025-03-01"}, 3])
        elif what == "stay":
            c["stays"][rng.randrange(2)] = rng.choice(["2025-03-01", 7, ["2025-03-01"]])
        elif what == "exempt":
            c["exempt"] = rng.choice(["2025-03-01", {"from": "2025-03-01", "to": "2025-03-02"}])
        elif what == "exempt_item":
            c["exempt"] = [rng.choice(["2025-03-01", 1, []])]
        elif what == "plan":
            c["plan"] = rng.choice(["2025-06-01", 5, ["2025-06-01"]])
        else:
            c["regime"] = rng.choice(["rolling", 90, ["rolling"]])
        return c
    if kind == 5:  # unsorted
        c["stays"] = list(reversed(c["stays"]))
        return c
    if kind == 6:  # overlapping
        c["stays"][1]["entry"] = rng.choice(["2025-03-19", "2025-03-01", "2025-02-01"])
        return c
    if kind == 7:  # exit before entry
        c["stays"][rng.randrange(2)]["exit"] = rng.choice(["2025-02-28", "2025-02-01"])
        return c
    if kind == 8:  # open stay not last
        del c["stays"][0]["exit"]
        return c
    if kind == 9:  # unknown kind
        c["regime"]["kind"] = rng.choice(["weekly", "Rolling", "ROLLING", "", "fixed ",
                                          "per-entry", "schengen"])
        return c
    if kind == 10:  # plan overlaps
        c["plan"] = rng.choice([{"entry": "2025-05-10"}, {"entry": "2025-04-01"},
                                {"from": "2025-05-09", "length": 3}])
        return c
    if kind == 11:  # two problems: the earlier field must win
        c["on"] = "2025-02-30"
        c["stays"][1]["entry"] = "2025-03-10"
        return c
    if kind == 12:  # missing regime and citizenship
        del c["regime"]
        c["stays"][0]["exit"] = "2025-02-01"  # a later problem that must not be reported
        return c
    # a stay's own problem after an earlier stay's overlap
    c["stays"].append({"entry": "2025-05-05", "exit": "2025-05-30"})
    c["stays"].append({"entry": "2025-06-31"})
    return c


def ambiguous_case(rng, i):
    c = good_base(rng, i)
    kind = rng.randrange(9)
    if kind == 8:
        c["id"] = rng.choice([5, ["a"], {"a": 1}, True, None])  # is the bad id echoed?
    elif kind == 0:
        c["stays"][1]["exit"] = None
    elif kind == 1:
        c[rng.choice(["valid_until", "exempt", "plan", "on"])] = None
    elif kind == 2:
        c["on"] = rng.choice([20250510, 2025.5, ["2025-05-10"]])
    elif kind == 3:
        c["regime"] = rng.choice([{"kind": "fixed", "limit": 90},
                                  {"kind": "fixed", "limit": 90, "period_days": 180,
                                   "period_months": 6}])
    elif kind == 4:
        c["plan"] = rng.choice([{}, {"entry": "2025-06-01", "from": "2025-06-01",
                                     "length": 3}])
    elif kind == 5:
        c["exempt"] = [{"from": "2025-03-10", "to": "2025-03-05"}]
    elif kind == 6:
        c["citizenship"] = rng.choice(["RU", "zz", 5])
    else:
        c["regime"]["kind"] = rng.choice([5, None, ["rolling"]])
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--ambiguous", action="store_true",
                    help="also emit cases whose answer rests on an oracle choice")
    ap.add_argument("--citizenship", action="store_true",
                    help="also emit cases that give a citizenship (the oracle needs --rules)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for i in range(args.count):
        r = rng.random()
        if args.ambiguous and r < 0.05:
            line = ambiguous_case(rng, i)
        elif r < 0.10:
            line = malformed_line(rng, i)
        elif args.citizenship and r < 0.40:
            line = citizenship_case(rng, i)
        else:
            line = valid_case(rng, i)
        print(line if isinstance(line, str) else json.dumps(line))


if __name__ == "__main__":
    main()
