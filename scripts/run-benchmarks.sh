#!/usr/bin/env bash
# The performance figures of issue 2: Google Benchmark on the engine, then whole-program runs
# of `boravak batch` on generated cases (bench/gen_cases.py), with wall time, cases per second
# on one core, and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
count="${COUNT:-1000000}"
data="${BENCH_DATA:-/tmp/boravak-bench}"
mkdir -p "$data"

echo "== Google Benchmark (engine_bench)"
"$build/engine_bench" --benchmark_min_time=0.2 2>/dev/null

measure() {  # measure NAME FILE: run batch pinned to one core; print cases/s and peak RSS
  python3 - "$build/boravak" "$2" "$1" <<'PY'
import os, resource, subprocess, sys, time
binary, cases, name = sys.argv[1:4]
lines = sum(1 for _ in open(cases, "rb"))
start = time.perf_counter()
with open(cases, "rb") as src, open(os.devnull, "wb") as sink:
    subprocess.run(["taskset", "-c", "0", binary, "batch"], stdin=src, stdout=sink, check=True)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{name}: {lines} cases in {elapsed:.2f} s = {lines/elapsed:,.0f} cases/s on one core; peak memory {peak:.1f} MB")
PY
}

ratio() {  # ratio NAME FILE: boravak batch against Python's json.loads + json.dumps of the same lines
  python3 - "$build/boravak" "$2" "$1" <<'PY'
import os, subprocess, sys, time
binary, cases, name = sys.argv[1:4]
def timed(argv):  # the fastest of three runs, each pinned to core 0
    best = None
    for _ in range(3):
        start = time.perf_counter()
        with open(cases, "rb") as src, open(os.devnull, "wb") as sink:
            subprocess.run(["taskset", "-c", "0"] + argv, stdin=src, stdout=sink, check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best
round_trip = "import json,sys\nw=sys.stdout.write\nfor l in sys.stdin: w(json.dumps(json.loads(l))+'\\n')"
python = timed([sys.executable, "-c", round_trip])
ours = timed([binary, "batch"])
print(f"{name}: boravak batch {ours:.2f} s, Python JSON round trip {python:.2f} s: {python/ours:.1f}x faster")
PY
}

echo "== Whole program: boravak batch"
for spec in "mixed:$count:8:10:0.3" "citizenship:$((count/10)):8:10:1" "short:$((count/10)):8:1:0.3" \
            "long:$((count/10)):8:1000:0.3" "many-stays:$((count/10)):64:10:0.3"; do
  IFS=: read -r name n stays length share <<<"$spec"
  file="$data/$name-$n.jsonl"
  [ -s "$file" ] || python3 bench/gen_cases.py --count "$n" --stays "$stays" --stay-days "$length" \
                      --citizenship-share "$share" --seed 7 > "$file"
  measure "$name ($stays stays of ~$length days)" "$file"
done

echo "== Same run: boravak batch against Python's JSON round trip of the same lines (must be >= 10x)"
ratio "mixed" "$data/mixed-$count.jsonl"
ratio "citizenship only" "$data/citizenship-$((count/10)).jsonl"

echo "== Whole program: boravak serve under wrk, against nginx's fixed answer in the same run (issue 12)"
if command -v wrk >/dev/null && { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
  bench/server/run.sh "$build/boravak" "$build"  # also writes $build/server-bench.json
else
  echo "skipped: needs wrk and nginx (Debian: apt-get install wrk nginx-light)"
fi

echo "== The bot's own time per answer (bot_bench), and the reminder query over 1,000,000 rows"
"$build/bot_bench" --benchmark_min_time=0.5 2>/dev/null
bench/bot/reminders_bench.sh "$build"
