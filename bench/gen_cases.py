#!/usr/bin/env python3
"""Generates batch cases for the speed benchmark of `boravak batch`.

Mixed regimes (explicit rolling / fixed / per_entry, and citizenship-based), about 8 stays
each, 20% with a plan (half plan.entry, half plan.from/length). Deterministic for a seed.
Usage: gen_cases.py --count 1000000 [--stays 8] [--stay-days 10] [--citizenship-share 0.3]
                    [--seed 1] > cases.jsonl
--stay-days scales how long each stay is: the engine's cost must not grow with it.
--citizenship-share is the share of lines that name a citizenship instead of a regime; such a
line is evaluated under every reading of its rule (US and GB have two).
"""
import argparse
import datetime
import random
import sys

REGIMES = [
    '{"kind":"rolling","limit":90,"window":180}',
    '{"kind":"fixed","limit":90,"period_months":6}',
    '{"kind":"fixed","limit":30,"period_days":60}',
    '{"kind":"per_entry","limit":30}',
]
CITIZENSHIPS = ["RU", "BY", "CN", "TR", "US", "DE", "UA", "GB", "KZ", "AU"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--stays", type=int, default=8)
    ap.add_argument("--stay-days", type=int, default=10)
    ap.add_argument("--citizenship-share", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    base = datetime.date(2025, 1, 1).toordinal()
    out = sys.stdout
    lines = []
    for i in range(args.count):
        day = base + rnd.randrange(0, 200)
        stays = []
        n = max(0, args.stays + rnd.randrange(-2, 3))
        for _ in range(n):
            entry = day + rnd.randrange(1, 3 * args.stay_days)
            exit_ = entry + rnd.randrange(0, 2 * args.stay_days)
            stays.append((entry, exit_))
            day = exit_
        on = day + rnd.randrange(0, 20)
        parts = ['{"id":"c%d"' % i]
        if rnd.random() < args.citizenship_share:
            parts.append('"citizenship":"%s"' % rnd.choice(CITIZENSHIPS))
        else:
            parts.append('"regime":' + rnd.choice(REGIMES))
        iso = lambda d: datetime.date.fromordinal(d).isoformat()
        parts.append('"stays":[' + ",".join('{"entry":"%s","exit":"%s"}' % (iso(a), iso(b)) for a, b in stays) + "]")
        parts.append('"on":"%s"' % iso(on))
        r = rnd.random()
        if r < 0.1:
            parts.append('"plan":{"entry":"%s"}' % iso(on + rnd.randrange(1, 60)))
        elif r < 0.2:
            parts.append('"plan":{"from":"%s","length":%d}' % (iso(on + rnd.randrange(1, 60)), rnd.randrange(1, 30)))
        lines.append(",".join(parts) + "}\n")
        if len(lines) >= 10000:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))


if __name__ == "__main__":
    main()
