#!/usr/bin/env python3
"""Reference oracle for the stay engine's batch contract.

This is a deliberately plain, day-by-day implementation of
`docs/contracts/stay-engine.md` as read by `docs/stay-semantics.md`. It exists to be
compared with the C++ engine (`tests/oracle/compare.py`), so clarity beats speed everywhere:
days are integers (proleptic Gregorian ordinals, `date.toordinal()`), a timeline answers
"is this a day of stay / a counted day" by looking at every stay and every exempt range, and
every answer is found by walking the days one by one.

A case that relies on `citizenship` (no `regime`) needs the rules data. Given `--rules DIR`
(the project's rules/ folder, read with Python's own TOML reader, not the engine's), the oracle
answers it as the contract's "Readings" section says: each reading of the period in force on
`on` is computed on its own, as if the case had given that `regime`, and every field takes its
stricter value. Without the rules it answers `{"id": ..., "skip": true}`.

Usage:
    python3 tests/oracle/reference.py [--rules DIR] < cases.jsonl > results.jsonl

Library:
    evaluate(case) -> dict        # case: the decoded JSON value of one line
    evaluate_line(line) -> dict   # line: one raw input line (str)

Choices this file makes where neither the contract nor the semantics page decides are marked
"CHOICE:" in the comments below.
"""

import json
import re
import sys
from datetime import date

# ---------------------------------------------------------------------------------------------
# Days
# ---------------------------------------------------------------------------------------------

MAX_DAY = date.max.toordinal()  # 9999-12-31: the cap for answers that never end
MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_INT = 1_000_000

DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day_to_str(day):
    return date.fromordinal(day).isoformat()


def add_months_clamped(day, months):
    """Same day-of-month `months` later, clamped to that month's last day.

    Returns None when the result would be after 9999-12-31 (a period that never ends)."""
    d = date.fromordinal(day)
    month_index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(month_index, 12)
    if year > 9999:
        return None
    month = month0 + 1
    # last day of that month: day before the 1st of the following month
    if month == 12:
        last = 31
    else:
        last = (date(year, month + 1, 1) - date(year, month, 1)).days
    return date(year, month, min(d.day, last)).toordinal()


class CaseError(Exception):
    def __init__(self, code, path, message):
        super().__init__(message)
        self.code = code
        self.path = path
        self.message = message


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------

def optional(obj, key):
    """The value of an optional field (a stay's `exit`, `exempt`, `valid_until`, `plan`), or
    None when it is absent.

    CHOICE (shared with the C++ engine as of this writing): for these optional fields JSON
    null means "not given". Everywhere else a null value is a present value of the wrong type
    (`invalid_value`), and only a key that is not there at all is `missing_field`."""
    return obj.get(key)


def parse_date(value, path):
    # CHOICE: a value that is not a string at all is `invalid_value` (wrong type); a string that
    # is not a real YYYY-MM-DD date in 1900..2200 is `invalid_date`.
    if not isinstance(value, str):
        raise CaseError("invalid_value", path, f"{path} must be a date written as YYYY-MM-DD.")
    if not DATE_RE.fullmatch(value):
        raise CaseError("invalid_date", path, f"{path} is not a date written as YYYY-MM-DD.")
    year, month, day = int(value[0:4]), int(value[5:7]), int(value[8:10])
    if not (MIN_YEAR <= year <= MAX_YEAR):
        raise CaseError("invalid_date", path, f"{path} must be a year from 1900 to 2200.")
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        raise CaseError("invalid_date", path, f"{path} is not a real calendar date.") from None


def parse_int(value, path):
    # JSON integers only: not bool, not float (so 90.0 and 1e2 are refused), 1..1,000,000.
    if type(value) is not int or not (1 <= value <= MAX_INT):
        raise CaseError("invalid_value", path, f"{path} must be a whole number from 1 to 1000000.")
    return value


def require(obj, key, path):
    if key not in obj:
        raise CaseError("missing_field", path, f"{path} is required.")
    return obj[key]


def parse_regime(raw):
    if not isinstance(raw, dict):
        raise CaseError("invalid_value", "regime", "regime must be an object.")
    kind = require(raw, "kind", "regime.kind")
    if not isinstance(kind, str):
        # CHOICE: a kind that is not a string is a wrong type (`invalid_value`), not
        # `unknown_regime`.
        raise CaseError("invalid_value", "regime.kind", "regime.kind must be a string.")
    if kind not in ("rolling", "fixed", "per_entry"):
        raise CaseError("unknown_regime", "regime.kind",
                        "regime.kind must be rolling, fixed or per_entry.")
    limit = parse_int(require(raw, "limit", "regime.limit"), "regime.limit")
    if kind == "rolling":
        window = parse_int(require(raw, "window", "regime.window"), "regime.window")
        return {"kind": "rolling", "limit": limit, "window": window}
    if kind == "per_entry":
        return {"kind": "per_entry", "limit": limit}
    # fixed
    has_days, has_months = "period_days" in raw, "period_months" in raw
    if has_days and has_months:
        # CHOICE (shared with the C++ engine): both keys given (whatever their values) ->
        # invalid_value at the second one, before either value is looked at.
        raise CaseError("invalid_value", "regime.period_months",
                        "A fixed regime takes period_days or period_months, not both.")
    if has_days:
        days = parse_int(raw["period_days"], "regime.period_days")
        return {"kind": "fixed", "limit": limit, "period_days": days}
    if has_months:
        months = parse_int(raw["period_months"], "regime.period_months")
        return {"kind": "fixed", "limit": limit, "period_months": months}
    # CHOICE (shared with the C++ engine): neither -> missing_field at regime.period_days.
    raise CaseError("missing_field", "regime.period_days",
                    "A fixed regime needs period_days or period_months.")


def parse_stays(raw):
    if not isinstance(raw, list):
        raise CaseError("invalid_value", "stays", "stays must be a list.")
    stays = []
    for i, item in enumerate(raw):
        p = f"stays[{i}]"
        if not isinstance(item, dict):
            raise CaseError("invalid_value", p, f"{p} must be an object.")
        entry = parse_date(require(item, "entry", p + ".entry"), p + ".entry")
        exit_raw = optional(item, "exit")
        exit_ = None if exit_raw is None else parse_date(exit_raw, p + ".exit")
        if exit_ is not None and exit_ < entry:
            raise CaseError("exit_before_entry", p + ".exit", f"{p} ends before it starts.")
        if stays:
            prev_entry, prev_exit = stays[-1]
            if prev_exit is None:
                raise CaseError("open_stay_not_last", f"stays[{i - 1}].exit",
                                f"stays[{i - 1}] has no exit but another stay follows it.")
            if entry < prev_exit:
                raise CaseError("overlapping_stays", p + ".entry",
                                f"{p} starts before the stay before it ends.")
        stays.append((entry, exit_))
    return stays


def parse_exempt(raw):
    if not isinstance(raw, list):
        raise CaseError("invalid_value", "exempt", "exempt must be a list.")
    ranges = []
    for i, item in enumerate(raw):
        p = f"exempt[{i}]"
        if not isinstance(item, dict):
            raise CaseError("invalid_value", p, f"{p} must be an object.")
        start = parse_date(require(item, "from", p + ".from"), p + ".from")
        end = parse_date(require(item, "to", p + ".to"), p + ".to")
        if end < start:
            # CHOICE: a reversed exempt range is `invalid_value` at its `to`.
            raise CaseError("invalid_value", p + ".to", f"{p} ends before it starts.")
        ranges.append((start, end))
    return ranges


def parse_plan(raw):
    if not isinstance(raw, dict):
        raise CaseError("invalid_value", "plan", "plan must be an object.")
    if "entry" in raw and "from" in raw:
        # CHOICE (shared with the C++ engine): both forms -> invalid_value at "plan", before
        # either value is looked at.
        raise CaseError("invalid_value", "plan", "plan takes either entry or from/length.")
    if "entry" in raw:
        return {"entry": parse_date(raw["entry"], "plan.entry")}  # `length` is ignored
    if "from" in raw:
        start = parse_date(raw["from"], "plan.from")
        length = parse_int(require(raw, "length", "plan.length"), "plan.length")
        return {"from": start, "length": length}
    # CHOICE (shared with the C++ engine): neither form -> missing_field at plan.entry.
    raise CaseError("missing_field", "plan.entry", "plan needs entry, or from and length.")


class Skip(Exception):
    pass


def validate(case, rules=None):
    """Returns (id, parsed) or raises CaseError / Skip. Checks follow the contract's field
    order: id, regime, citizenship, stays, on, exempt, valid_until, plan, then visa_required
    and plan_overlaps_stays. For a citizenship case `parsed["regimes"]` holds its readings."""
    if not isinstance(case, dict):
        raise CaseError("invalid_json", "", "The line is not a JSON object.")
    case_id = require(case, "id", "id")
    if not isinstance(case_id, str):
        raise CaseError("invalid_value", "id", "id must be a string.")

    code = None
    if "regime" in case:
        regime = parse_regime(case["regime"])
        # citizenship is not looked at when regime is given (semantics page).
    elif "citizenship" in case:
        if rules is None:
            raise Skip()  # needs the rules data
        code = case["citizenship"]
        if not isinstance(code, str):
            raise CaseError("invalid_value", "citizenship", "citizenship must be a string.")
        code = code.upper()
        if code not in rules.countries:
            raise CaseError("unknown_citizenship", "citizenship", "not a country code we know.")
        regime = None
    else:
        raise CaseError("missing_field", "regime", "regime or citizenship is required.")

    stays = parse_stays(require(case, "stays", "stays"))
    on = parse_date(require(case, "on", "on"), "on")
    exempt_raw = optional(case, "exempt")
    exempt = [] if exempt_raw is None else parse_exempt(exempt_raw)
    vu_raw = optional(case, "valid_until")
    valid_until = None if vu_raw is None else parse_date(vu_raw, "valid_until")
    plan_raw = optional(case, "plan")
    plan = None if plan_raw is None else parse_plan(plan_raw)

    regimes = [regime]
    if code is not None:
        regimes = rules.readings(code, on)
        if regimes is None:
            raise CaseError("visa_required", "citizenship", "a visa is needed.")

    if plan is not None:
        key = "entry" if "entry" in plan else "from"
        start = plan[key]
        for entry, exit_ in stays:
            if exit_ is None or not exit_ < start:
                # CHOICE: path is the plan's date (plan.entry / plan.from).
                raise CaseError("plan_overlaps_stays", "plan." + key,
                                "Every recorded stay must end before the planned date.")
    return case_id, {"regimes": regimes, "stays": stays, "on": on, "exempt": exempt,
                     "valid_until": valid_until, "plan": plan}


# ---------------------------------------------------------------------------------------------
# Timelines and violations
# ---------------------------------------------------------------------------------------------

class Timeline:
    """A set of stays (entry, exit or None for open), exempt ranges, and a regime.

    Everything is defined day by day:
      is_day(d)      some stay covers d
      is_counted(d)  is_day(d) and no exempt range covers d
      count(t)       the regime's count at t (see docs/stay-semantics.md, "Violations")
      violation(t)   is_counted(t) and (count(t) > limit or t > valid_until)
                     (an exempt day is never a violation: contract "Regimes")
    The only cleverness is caching: a running total of counted days (prefix sums), and the
    list of fixed periods found so far. Both are filled in by walking days in order.
    """

    def __init__(self, stays, exempt, regime, valid_until):
        self.stays = list(stays)
        self.exempt = list(exempt)
        self.regime = regime
        self.limit = regime["limit"]
        self.valid_until = valid_until
        self.base = min((e for e, _ in self.stays), default=None)
        self._prefix = []           # _prefix[i] = counted days in [base, base + i]
        self._periods = []          # fixed: (start, end) found so far, in order
        self._period_search = self.base  # fixed: next day to look for a period start
        open_ended = any(exit_ is None for _, exit_ in self.stays)
        self.last_day = None if open_ended else max((x for _, x in self.stays), default=None)

    # --- sets of days ---

    def is_day(self, d):
        return any(entry <= d and (exit_ is None or d <= exit_) for entry, exit_ in self.stays)

    def is_exempt(self, d):
        return any(start <= d <= end for start, end in self.exempt)

    def is_counted(self, d):
        return self.is_day(d) and not self.is_exempt(d)

    def counted_upto(self, d):
        """Number of counted days <= d."""
        if self.base is None or d < self.base:
            return 0
        while len(self._prefix) <= d - self.base:
            day = self.base + len(self._prefix)
            previous = self._prefix[-1] if self._prefix else 0
            self._prefix.append(previous + (1 if self.is_counted(day) else 0))
        return self._prefix[d - self.base]

    def counted_between(self, a, b):
        """Number of counted days in [a, b]."""
        if b < a:
            return 0
        return self.counted_upto(b) - self.counted_upto(a - 1)

    def owner(self, d):
        """The latest stay covering d (a shared day belongs to the later stay)."""
        found = None
        for entry, exit_ in self.stays:
            if entry <= d and (exit_ is None or d <= exit_):
                found = (entry, exit_)
        return found

    def reuse_days_before(self, other, day):
        """Copy `other`'s cached work (running totals, fixed periods) for the days before
        `day`. Only valid when both timelines have exactly the same counted days before `day`
        (used for a planned stay added after the recorded ones). Pure speed-up: without it
        the same numbers are recomputed day by day."""
        if other.base is None or other.base != self.base or day <= self.base:
            return
        other.counted_upto(day - 1)
        self._prefix = other._prefix[:day - self.base]
        if self.regime["kind"] == "fixed":
            other.period_containing(day - 1)
            # A period that starts before `day` is decided by the counted days before it, and
            # `other` has now looked at every day before `day` for period starts: so the next
            # start, if any, is on or after `day` (and after the last copied period).
            self._periods = [(a, b) for a, b in other._periods if a < day]
            if self._periods and self._periods[-1][1] >= MAX_DAY:
                self._period_search = None
            elif self._periods:
                self._period_search = max(self._periods[-1][1] + 1, day)
            else:
                self._period_search = day

    # --- fixed periods ---

    def period_end(self, start):
        if "period_days" in self.regime:
            return min(start + self.regime["period_days"] - 1, MAX_DAY)
        after = add_months_clamped(start, self.regime["period_months"])
        return MAX_DAY if after is None else after - 1

    def period_containing(self, t):
        """Start of the fixed period that contains t, or None."""
        # Find every period that starts on or before t: the first starts on the first counted
        # day, each next one on the first counted day after the previous one ends.
        while self._period_search is not None and self._period_search <= t:
            if self.last_day is not None and self._period_search > self.last_day:
                self._period_search = None  # no day of stay is left: no more periods
            elif self.is_counted(self._period_search):
                start = self._period_search
                end = self.period_end(start)
                self._periods.append((start, end))
                self._period_search = end + 1 if end < MAX_DAY else None
            else:
                self._period_search += 1
        for start, end in reversed(self._periods):
            if start <= t:
                return start if t <= end else None
        return None

    # --- counts and violations ---

    def count(self, t):
        kind = self.regime["kind"]
        if kind == "rolling":
            return self.counted_between(t - self.regime["window"] + 1, t)
        if kind == "fixed":
            start = self.period_containing(t)
            return 0 if start is None else self.counted_between(start, t)
        owner = self.owner(t)
        return 0 if owner is None else self.counted_between(owner[0], t)

    def violation(self, t):
        if not self.is_counted(t):
            return False
        if self.valid_until is not None and t > self.valid_until:
            return True
        return self.count(t) > self.limit


def first_violation_staying_on(stays, exempt, regime, valid_until, start):
    """The first violation day >= start on a timeline in which the person is present every
    day from `start` on (the last of `stays` is open and covers `start`), or None when no
    violation ever comes (the caller caps at 9999-12-31).

    1. Walk day by day from `start` through S = max(start, last day of any exempt range),
       checking every day literally with Timeline.violation.
    2. After S the timeline is regular: every day is present and counted (the open stay covers
       it and no exempt range does). With no violation up to S the count at S may still be
       over the limit, because exempt days are never violations; then S + 1 is the first
       violation. So:
       rolling:    if limit >= window, no window can hold more than `window` <= limit counted
                   days: no count violation ever. Otherwise the day S + window has `window`
                   counted days in its window, so a violation comes by then: keep walking day
                   by day until S + window.
       per_entry:  every day after `start` belongs to the open stay, and the count grows by
                   exactly 1 a day after S: the first day over the limit is
                   S + max(0, limit - count(S)) + 1.
       fixed:      the period [p, e] holding S + 1 has c0 = counted days in [p, S] (c0 =
                   count(S) when p <= S, else 0) and then one more per day, so its first
                   violation is S + max(0, limit - c0) + 1 if that is <= e. After it, periods
                   follow each other with no gap and all their days counted: period [p, e] has
                   count k + 1 on day p + k, so its first violation is p + limit if <= e. With
                   period_days P all these periods have length P (violation iff limit < P, in
                   the first one); with period_months their lengths vary with the calendar,
                   so they are checked one by one up to 9999-12-31 (each is >= 28 days).
       valid_until: any counted day after it is a violation: valid_until + 1 if that is
                   after S, else S + 1 (the walk found no violation up to S).
       The answer is the earliest candidate.
    """
    tl = Timeline(stays, exempt, regime, valid_until)
    s = min(max([start] + [end for _, end in exempt]), MAX_DAY)
    kind = regime["kind"]
    limit = regime["limit"]

    t = start
    while t <= s:
        if tl.violation(t):
            return t
        t += 1

    candidates = []
    if valid_until is not None:
        candidates.append(max(valid_until + 1, s + 1))

    if kind == "rolling":
        if limit < regime["window"]:
            horizon = min(s + regime["window"], MAX_DAY)
            t = s + 1
            while t <= horizon:
                if tl.violation(t):
                    candidates.append(t)
                    break
                t += 1
    elif kind == "per_entry":
        candidates.append(s + max(0, limit - tl.count(s)) + 1)
    elif s < MAX_DAY:  # fixed
        p = tl.period_containing(s + 1)
        e = tl.period_end(p)
        c0 = tl.counted_between(p, s)
        first = s + max(0, limit - c0) + 1
        if first <= e:
            candidates.append(first)
        elif "period_days" in regime:
            if limit < regime["period_days"] and e < MAX_DAY:
                candidates.append(e + 1 + limit)
        else:
            while e < MAX_DAY:
                p = e + 1
                e = tl.period_end(p)
                if p + limit <= e:
                    candidates.append(p + limit)
                    break

    candidates = [c for c in candidates if c <= MAX_DAY]
    return min(candidates) if candidates else None


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------

def compute(p, regime):
    stays, on = p["stays"], p["on"]
    exempt, valid_until, plan = p["exempt"], p["valid_until"], p["plan"]
    limit = regime["limit"]
    recorded = Timeline(stays, exempt, regime, valid_until)

    present = recorded.is_day(on)

    # days_used: only days up to `on` of the recorded stays.
    if regime["kind"] == "rolling":
        days_used = recorded.counted_between(on - regime["window"] + 1, on)
    elif regime["kind"] == "fixed":
        start = recorded.period_containing(on)
        days_used = 0 if start is None else recorded.counted_between(start, on)
    else:
        owner = recorded.owner(on)
        days_used = 0 if owner is None else recorded.counted_between(owner[0], on)

    # overstay: violations among recorded days up to and including `on`.
    overstay_days, first_overstay = 0, None
    if stays:
        last = on if stays[-1][1] is None else min(on, max(x for _, x in stays))
        t = stays[0][0]
        while t <= last:
            if recorded.violation(t):
                overstay_days += 1
                if first_overstay is None:
                    first_overstay = t
            t += 1

    # last_legal_day: hypothetical timeline.
    kept = [s for s in stays if s[0] <= on]
    covering = [i for i, (e, x) in enumerate(kept) if e <= on and (x is None or on <= x)]
    if covering:
        i = covering[-1]                      # the later stay on a shared day
        kept = kept[:i] + [(kept[i][0], None)]  # it is the last kept stay anyway
    else:
        kept = kept + [(on, None)]
    v = first_violation_staying_on(kept, exempt, regime, valid_until, on)
    if v is None:
        last_legal = day_to_str(MAX_DAY)
    elif v == on:
        last_legal = None
    else:
        last_legal = day_to_str(v - 1)

    result = {
        "regime": regime,
        "present": present,
        "days_used": days_used,
        "days_left": max(0, limit - days_used),
        "last_legal_day": last_legal,
        "overstay_days": overstay_days,
        "first_overstay_day": None if first_overstay is None else day_to_str(first_overstay),
    }

    if plan is not None and "entry" in plan:
        e = plan["entry"]
        v = first_violation_staying_on(stays + [(e, None)], exempt, regime, valid_until, e)
        # CHOICE: "capped like last_legal_day": with no violation ever, the stay may last
        # until 9999-12-31 inclusive, i.e. max_stay = days from E to 9999-12-31 inclusive.
        max_stay = (MAX_DAY + 1 - e) if v is None else (v - e)
        result["plan"] = {"max_stay": max_stay}
    elif plan is not None:
        f, n = plan["from"], plan["length"]
        last_candidate = add_months_clamped(f, 36)
        found = None
        e = f
        while e <= last_candidate:
            if e + n - 1 <= MAX_DAY:
                tl = Timeline(stays + [(e, e + n - 1)], exempt, regime, valid_until)
                tl.reuse_days_before(recorded, e)  # days before e: same as the record
                if not any(tl.violation(t) for t in range(e, e + n)):
                    found = e
                    break
            e += 1
        result["plan"] = {"earliest_entry": None if found is None else day_to_str(found)}
    return result


# ---------------------------------------------------------------------------------------------
# Readings (contract "Readings")
# ---------------------------------------------------------------------------------------------

KIND_ORDER = {"fixed": 0, "per_entry": 1, "rolling": 2}


def reading_order(regime):
    """The contract's order: kind (fixed, per_entry, rolling), then limit, then the window or
    the period (whichever the regime has)."""
    length = regime.get("window") or regime.get("period_days") or regime.get("period_months") or 0
    return (KIND_ORDER[regime["kind"]], regime["limit"], length)



def stricter(results):
    """Every field's stricter value over the readings' results (in the contract's order)."""
    out = dict(results[0])
    most_used = max(r["days_used"] for r in results)
    first = next(r for r in results if r["days_used"] == most_used)
    out["regime"] = first["regime"]
    out["days_used"] = most_used
    out["days_left"] = min(r["days_left"] for r in results)
    # last_legal_day: null is the strictest, then the earliest date
    lasts = [r["last_legal_day"] for r in results]
    out["last_legal_day"] = None if None in lasts else min(lasts)
    out["overstay_days"] = max(r["overstay_days"] for r in results)
    firsts = [r["first_overstay_day"] for r in results if r["first_overstay_day"] is not None]
    out["first_overstay_day"] = min(firsts) if firsts else None
    if "plan" in results[0]:
        plans = [r["plan"] for r in results]
        if "max_stay" in plans[0]:
            out["plan"] = {"max_stay": min(p["max_stay"] for p in plans)}
        else:
            entries = [p["earliest_entry"] for p in plans]
            out["plan"] = {"earliest_entry": None if None in entries else max(entries)}
    out["readings"] = [{"regime": r["regime"], "days_used": r["days_used"], "days_left": r["days_left"],
                        "last_legal_day": r["last_legal_day"]} for r in results]
    return out


class Rules:
    """The rules data the citizenship cases need, read from rules/ with tomllib: country codes,
    named regimes, and each country's dated periods with their readings."""

    def __init__(self, directory):
        import tomllib
        import os
        with open(os.path.join(directory, "countries.toml"), "rb") as f:
            self.countries = set(tomllib.load(f)["countries"])
        with open(os.path.join(directory, "stay", "regimes.toml"), "rb") as f:
            named = tomllib.load(f)
        self.regimes = {}
        for name, r in named.items():
            regime = {"kind": r["kind"], "limit": r["limit"]}
            for key in ("window", "period_days", "period_months"):
                if key in r:
                    regime[key] = r[key]
            self.regimes[name] = regime
        with open(os.path.join(directory, "stay", "citizenship.toml"), "rb") as f:
            data = tomllib.load(f)
        self.periods = {}
        for rule in data.get("rule", []):
            for code in rule["countries"]:
                self.periods[code] = rule["period"]

    def readings(self, code, on):
        """The regimes of the readings in force on day `on` (an ordinal), in the contract's
        order; None when a visa is needed (no visa-free period, or any reading says so)."""
        day = date.fromordinal(on)
        for period in self.periods.get(code, []):
            if period["from"] <= day and ("to" not in period or day <= period["to"]):
                if period["entry"] != "visa_free":
                    return None
                found = []
                for reading in period["reading"]:
                    if reading.get("entry") == "visa_required":
                        return None
                    found.append(self.regimes[reading["regime"]])
                return sorted(found, key=reading_order)
        return None


RULES = None  # set by --rules


def evaluate(case, rules=None):
    """One decoded JSON line -> one result dict (or {"id": ..., "skip": true})."""
    rules = rules if rules is not None else RULES
    # CHOICE: `id` is echoed as given, whatever its type; null only when it is missing.
    case_id = case.get("id") if isinstance(case, dict) else None
    try:
        case_id, parsed = validate(case, rules)
    except Skip:
        return {"id": case_id, "skip": True}
    except CaseError as err:
        return {"id": case_id, "ok": False,
                "error": {"code": err.code, "message": err.message, "path": err.path}}
    out = {"id": case_id, "ok": True}
    results = [compute(parsed, regime) for regime in parsed["regimes"]]
    out.update(results[0] if len(results) == 1 else stricter(results))
    return out


def _reject_constant(name):
    raise ValueError(f"not JSON: {name}")


def evaluate_line(line):
    """One raw input line -> one result dict."""
    try:
        case = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        case = None
        is_json = False
    else:
        is_json = True
    if not is_json or not isinstance(case, dict):
        return {"id": None, "ok": False,
                "error": {"code": "invalid_json", "message": "The line is not a JSON object.",
                          "path": ""}}
    return evaluate(case)


def read_lines(stream):
    """Input lines as str. CHOICE: every line yields a result, blank ones included
    (they are invalid_json); the newline ending the last line does not start another line.
    Bytes that are not UTF-8 make that line invalid_json."""
    data = stream.read()
    if not data:
        return []
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    lines = []
    for part in parts:
        try:
            lines.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append("\x00not utf-8")  # not JSON either way
    return lines


def main():
    global RULES
    if len(sys.argv) == 3 and sys.argv[1] == "--rules":
        RULES = Rules(sys.argv[2])
    out = sys.stdout
    for line in read_lines(sys.stdin.buffer):
        out.write(json.dumps(evaluate_line(line), ensure_ascii=False) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
