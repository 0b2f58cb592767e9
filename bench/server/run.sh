#!/usr/bin/env bash
# The speed of the HTTP layer (issue 12), all in one run on one machine, so the figures can be
# compared with each other:
#   1. nginx (one worker) answering a fixed JSON body with boravak's headers, and
#      `boravak serve --threads 1 --rate-limit 0`, each on a free port; boravak's start-up time
#      (exec to a first answer of /v1/health) and idle memory.
#   2. Full load with wrk (1 thread, 64 connections): nginx's fixed answer, POST /v1/stay/check,
#      GET /v1/health, in turn, two rounds; the median of each and boravak / nginx.
#   3. Latency at a fixed rate of half of boravak's stay-check throughput (target p99 < 5 ms).
#   4. Another user's latency while one profile of 2,000 trips (or as many as a profile may hold,
#      kMostProfileItems in src/app/profile_service.h) is hammered by 20 connections of
#      GET /v1/profile (target p99 < 10 ms).
# Servers run on CPU 1 and the load (wrk, Python) on CPU 0 when there are two or more CPUs, so
# nginx and boravak each get the same one core (BENCH_PIN=0 turns that off).
# Writes OUT_DIR/server-bench.json (default: the binary's folder) and a summary to stdout.
# Needs wrk, nginx (Debian: wrk, nginx-light; non-root is fine), curl and python3.
# Usage: bench/server/run.sh BORAVAK_BINARY [OUT_DIR]
#   SERVER_SECONDS (default 8) is the length of each wrk run; TRIPS (2000) the hammered profile's
#   trips; B_PATH (/v1/profile/status) what the other user asks for.
set -euo pipefail
usage="usage: bench/server/run.sh BORAVAK_BINARY [OUT_DIR]"
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
[ -x "$1" ] && [ -f "$1" ] || { echo "$1 is not an executable file; $usage" >&2; exit 2; }
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out_dir=${2:-$(dirname "$binary")}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${SERVER_SECONDS:-8}
trips=${TRIPS:-2000}
b_path=${B_PATH:-/v1/profile/status}
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install wrk curl python3)" >&2; exit 1; }
done
[ -x "$nginx" ] || { echo "nginx is missing (Debian: apt-get install nginx-light, or set NGINX)" >&2; exit 1; }
export BORAVAK_RULES=${BORAVAK_RULES:-$repo/rules}
mkdir -p "$out_dir"

server_pin=() load_pin=() pinned=false
if [ "${BENCH_PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_pin=(taskset -c 1) load_pin=(taskset -c 0) pinned=true
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/boravak-server-bench.XXXXXX")
boravak_pid= nginx_pid= hammer_pid=
cleanup() {
  for pid in $hammer_pid $nginx_pid $boravak_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $hammer_pid $nginx_pid $boravak_pid; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
wait_for() {  # wait_for URL PID LOG: until URL answers 2xx, for up to 20 s
  local deadline=$(( $(date +%s) + 20 ))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "the server exited before answering $1:" >&2; cat "$3" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no answer from $1 in 20 s:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.002
  done
}

bport=$(free_port)
nport=$(free_port)
while [ "$nport" = "$bport" ]; do nport=$(free_port); done
burl=http://127.0.0.1:$bport
nurl=http://127.0.0.1:$nport
loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. The two servers ---------------------------------------------------------------------
start_ns=$(date +%s%N)
"${server_pin[@]}" "$binary" serve --listen "127.0.0.1:$bport" --db "sqlite:$tmp/bench.sqlite" --threads 1 \
  --rate-limit 0 --max-connections-per-client 1024 2>"$tmp/boravak.log" &
boravak_pid=$!
wait_for "$burl/v1/health" "$boravak_pid" "$tmp/boravak.log"
startup_ms=$(ms_since "$start_ns")
busy_before=$(head -1 /proc/stat)
sleep 1
busy_after=$(head -1 /proc/stat)
# How busy the machine was in that second, when boravak sat idle: others' work makes figures noisy.
machine_busy=$(printf '%s\n%s\n' "$busy_before" "$busy_after" | awk '{ idle[NR] = $5 + $6; total[NR] = 0
  for (i = 2; i <= NF; i++) total[NR] += $i } END { d = total[2] - total[1]; printf "%.2f\n", d ? 1 - (idle[2] - idle[1]) / d : 0 }')
idle_rss_kb=$(rss_kb "$boravak_pid")

# nginx answers exactly what boravak answers to the benchmark's case, with the same headers
# (src/server/security_headers.h, answer_kind::api). It adds Date and Server, which boravak does not send.
body='{"id":"x","on":"2026-12-06","citizenship":"RU","stays":[{"entry":"2026-11-20","exit":null}]}'
answer=$(curl -sf -X POST -H 'Content-Type: application/json' --data-binary "$body" "$burl/v1/stay/check")
case $answer in
  *"'"* | *'\'* | *'$'* | "") echo "boravak's answer cannot go into nginx.conf as it is: $answer" >&2; exit 1 ;;
esac
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<EOF
# Ignored (with a warning) unless nginx starts as root; as root, the worker keeps our user.
user $(id -un) $(id -gn);
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  # nginx closes a keep-alive connection after 1,000 requests by default; boravak never does.
  keepalive_requests 1000000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$nport;
    default_type "application/json; charset=utf-8";
    add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'";
    add_header Cache-Control "no-store";
    add_header X-Content-Type-Options "nosniff";
    add_header X-Frame-Options "DENY";
    add_header Referrer-Policy "no-referrer";
    add_header Cross-Origin-Opener-Policy "same-origin";
    add_header Cross-Origin-Resource-Policy "same-origin";
    add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=()";
    location / { return 200 '$answer'; }
  }
}
EOF
"${server_pin[@]}" "$nginx" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" \
  2>"$tmp/nginx/logs/stderr" &
nginx_pid=$!
wait_for "$nurl/" "$nginx_pid" "$tmp/nginx/logs/error.log"

headers() {  # the header names and values of an answer, without those only one server sends
  curl -s -D - -o /dev/null "$@" | tr -d '\r' | grep -viE '^(HTTP/|date:|server:|connection:|keep-alive:|$)' | sort
}
if diff <(headers -X POST -H 'Content-Type: application/json' --data-binary "$body" "$burl/v1/stay/check") \
        <(headers "$nurl/") >"$tmp/headers.diff"; then
  same_headers=true
else
  same_headers=false
  echo "warning: nginx's headers differ from boravak's (< boravak, > nginx):" >&2
  cat "$tmp/headers.diff" >&2
fi
echo "boravak $binary: ready in $startup_ms ms, idle at $idle_rss_kb kB; $($nginx -v 2>&1 | sed 's/.*: //'), 1 worker"
echo "servers pinned to CPU 1, load to CPU 0: $pinned; machine busy before the runs: $machine_busy (0-1)"
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)

# --- helpers for wrk ------------------------------------------------------------------------
# Each wrk run's Lua script prints "BENCH key=value ..."; results.txt gets it with its name and round.
# server_cpu is the share of one core the server used during the run: near 1, the server was the
# limit; well below 1, the client (wrk on its one core) was.
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
record() {  # record NAME ROUND SERVER_PID TICKS_BEFORE: files the BENCH line of wrk-NAME-ROUND.out
  local line busy
  line=$(grep '^BENCH ' "$tmp/wrk-$1-$2.out") || { echo "wrk printed no BENCH line:" >&2; cat "$tmp/wrk-$1-$2.out" >&2; exit 1; }
  line=${line#BENCH }
  busy=$(awk -v t="$(( $(cpu_ticks "$3") - $4 ))" -v hz="$(getconf CLK_TCK)" -v line="$line" 'BEGIN {
    n = split(line, f, " "); for (i = 1; i <= n; i++) { split(f[i], kv, "="); if (kv[1] == "seconds") s = kv[2] }
    printf "%.2f\n", (s > 0 ? t / hz / s : 0) }')
  echo "name=$1 round=$2 $line server_cpu=$busy" >>"$tmp/results.txt"
  check_run "$1" "$2"
}
run_wrk() {  # run_wrk NAME ROUND SERVER_PID COMMAND...: runs COMMAND (an env ... wrk ...) on the load CPU
  local name=$1 round=$2 pid=$3 ticks
  shift 3
  ticks=$(cpu_ticks "$pid")
  if ! "${load_pin[@]}" "$@" >"$tmp/wrk-$name-$round.out" 2>&1; then
    echo "wrk failed:" >&2; cat "$tmp/wrk-$name-$round.out" >&2; exit 1
  fi
  record "$name" "$round" "$pid" "$ticks"
}
field() {  # field NAME ROUND KEY: a value from results.txt
  awk -v n="name=$1" -v r="round=$2" -v k="$3" '$1 == n && $2 == r {
    for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$tmp/results.txt"
}
check_run() {  # wrk counts non-2xx answers; figures with any of them would mean nothing
  local bad; bad=$(field "$1" "$2" non2xx)
  if [ "$bad" != 0 ]; then
    echo "$1 (round $2): $bad answers were not 2xx; wrk said:" >&2; cat "$tmp/wrk-$1-$2.out" >&2
    tail -20 "$tmp/boravak.log" >&2; exit 1
  fi
}
show() {  # show NAME ROUND LABEL
  awk -v label="$3" -v rps="$(field "$1" "$2" rps)" -v p50="$(field "$1" "$2" p50_us)" \
      -v p99="$(field "$1" "$2" p99_us)" -v se="$(field "$1" "$2" socket_errors)" -v cpu="$(field "$1" "$2" server_cpu)" 'BEGIN {
    printf "  %-34s %9.0f requests/s   p50 %6.2f ms   p99 %6.2f ms   server CPU %3.0f%%%s\n", label, rps, p50 / 1000, p99 / 1000, 100 * cpu,
           (se > 0 ? "   (" se " socket errors)" : "") }'
}
median_rps() {  # the median requests/s of all rounds of NAME
  awk -v n="name=$1" '$1 == n { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "rps") print kv[2] } }' \
    "$tmp/results.txt" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- 2. Full load, alternating, two rounds --------------------------------------------------
echo "== full load: wrk, 1 thread, 64 connections, ${seconds} s a run"
for round in 1 2; do
  run_wrk nginx "$round" "$nginx_worker" wrk -t1 -c64 -d"${seconds}s" -s "$here/get.lua" "$nurl/"
  show nginx "$round" "nginx fixed answer, round $round"
  run_wrk stay "$round" "$boravak_pid" env BODY="$body" wrk -t1 -c64 -d"${seconds}s" -s "$here/stay_check.lua" "$burl"
  show stay "$round" "boravak POST /v1/stay/check, r. $round"
  run_wrk health "$round" "$boravak_pid" wrk -t1 -c64 -d"${seconds}s" -s "$here/get.lua" "$burl/v1/health"
  show health "$round" "boravak GET /v1/health, round $round"
done
nginx_rps=$(median_rps nginx)
stay_rps=$(median_rps stay)

# --- 3. Latency at half of the stay-check throughput ----------------------------------------
# A fixed rate from wrk itself (stay_check.lua with RATE: one schedule of send times for all
# connections, see there) rather than a Python asyncio client: on a 2-core machine a Python
# client cannot send thousands of requests a second without its own scheduling delays showing in
# the p99 it measures, while wrk's C loop can. The plain per-connection delay() of wrk is not a
# fixed rate (the rate falls as answers slow down) and lines the connections up into bursts.
# Like any client that measures from the moment it sends, this does not count the time a request
# would have waited for a free connection, so there are enough connections for 10 ms answers;
# when the server is too slow the measured rate falls short of the target, which the summary says.
rate=$(( stay_rps / 2 ))
[ "$rate" -ge 1 ] || rate=1
paced_connections=$(( rate / 100 ))
[ "$paced_connections" -ge 64 ] || paced_connections=64
[ "$paced_connections" -le 1000 ] || paced_connections=1000
echo "== fixed rate: $rate requests/s (half of $stay_rps), $paced_connections connections, ${seconds} s"
run_wrk half 1 "$boravak_pid" env BODY="$body" RATE="$rate" wrk -t1 -c"$paced_connections" -d"${seconds}s" -s "$here/stay_check.lua" "$burl"
show half 1 "boravak POST /v1/stay/check at half"

# --- 4. Another user's latency while a big profile is hammered ------------------------------
echo "== another user's latency while a big profile is hammered (GET /v1/profile, 20 connections)"
"${load_pin[@]}" python3 "$here/profiles.py" fill "$bport" "$trips" >"$tmp/profiles.json"
python3 -c 'import json,sys; p=json.load(sys.stdin); print("  profile A: %d trips saved in %.1f s%s" % (p["trips"], p["seconds"],
  " (the most a profile may hold; %d asked)" % p["trips_asked"] if p["full"] else ""))' <"$tmp/profiles.json"
secret_a=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["a"])' <"$tmp/profiles.json")
secret_b=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["b"])' <"$tmp/profiles.json")
# The other user's requests alone first, for comparison: 300 with 2 ms between them.
"${load_pin[@]}" python3 "$here/profiles.py" probe "$bport" "$secret_b" "$b_path" 300 2 10 >"$tmp/probe-idle.json"
hammer_seconds=$(( seconds + 2 > 10 ? 10 : seconds + 2 ))
ticks=$(cpu_ticks "$boravak_pid")
"${load_pin[@]}" env SECRET="$secret_a" wrk -t1 -c20 -d"${hammer_seconds}s" -s "$here/get.lua" "$burl/v1/profile" \
  >"$tmp/wrk-hammer-1.out" 2>&1 &
hammer_pid=$!
sleep 1
# 300 sequential requests, 5 ms apart, stopping before the hammer does: when the answers are
# slow, fewer than 300 fit, and the summary gives the count.
"${load_pin[@]}" python3 "$here/profiles.py" probe "$bport" "$secret_b" "$b_path" 300 5 $(( hammer_seconds - 2 )) \
  >"$tmp/probe-hammer.json"
wait "$hammer_pid" || { echo "wrk (hammer) failed:" >&2; cat "$tmp/wrk-hammer-1.out" >&2; exit 1; }
hammer_pid=
record hammer 1 "$boravak_pid" "$ticks"
show hammer 1 "hammer: profile A, GET /v1/profile"
rss_after_kb=$(rss_kb "$boravak_pid")
loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 5. The summary -------------------------------------------------------------------------
python3 - "$tmp" "$out_dir/server-bench.json" <<PY
import datetime, json, sys
tmp, out = sys.argv[1:3]
runs = {}
for line in open(tmp + "/results.txt"):
    kv = dict(part.split("=", 1) for part in line.split())
    name, rnd = kv.pop("name"), int(kv.pop("round"))
    runs.setdefault(name, []).append(dict({"round": rnd}, **{k: float(v) for k, v in kv.items()}))

def ms(us): return round(us / 1000, 3)
def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
def throughput(name, label):
    rounds = [{"round": r["round"], "requests_per_s": round(r["rps"]), "p50_ms": ms(r["p50_us"]),
               "p99_ms": ms(r["p99_us"]), "server_cpu": r["server_cpu"], "socket_errors": int(r["socket_errors"])}
              for r in runs[name]]
    values = [r["rps"] for r in runs[name]]
    return {"what": label, "rounds": rounds, "median_requests_per_s": round(median(values)),
            "spread": round((max(values) - min(values)) / median(values), 3)}
def latency(r):
    return {"requests_per_s": round(r["rps"]), "p50_ms": ms(r["p50_us"]), "p90_ms": ms(r["p90_us"]),
            "p99_ms": ms(r["p99_us"]), "max_ms": ms(r["max_us"]), "server_cpu": r["server_cpu"],
            "socket_errors": int(r["socket_errors"])}

tp = {"nginx": throughput("nginx", "nginx, 1 worker: return 200 with boravak's stay-check answer and headers"),
      "stay_check": throughput("stay", "boravak --threads 1: POST /v1/stay/check"),
      "health": throughput("health", "boravak --threads 1: GET /v1/health")}
nginx_rps = tp["nginx"]["median_requests_per_s"]
half = runs["half"][0]
target_rate = int("$rate")
half_out = dict({"target_requests_per_s": target_rate, "connections": int("$paced_connections"),
                 "rate_reached": half["rps"] >= 0.95 * target_rate, "target_p99_ms": 5}, **latency(half))
half_out["meets_target"] = half_out["rate_reached"] and half_out["p99_ms"] < 5
profiles = json.load(open(tmp + "/profiles.json"))
idle = json.load(open(tmp + "/probe-idle.json"))
hammered = json.load(open(tmp + "/probe-hammer.json"))
summary = {
    "issue": 12,
    "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": {"cpus": $(nproc), "servers_on_cpu1_load_on_cpu0": json.loads("$pinned"),
                "busy_before_the_runs": $machine_busy, "loadavg_start": "$loadavg_start", "loadavg_end": "$loadavg_end"},
    "boravak": {"binary": "$binary", "options": "--threads 1 --rate-limit 0 --max-connections-per-client 1024",
                "startup_ms": $startup_ms, "idle_rss_kb": $idle_rss_kb, "rss_after_kb": $rss_after_kb},
    "nginx": {"version": "$($nginx -v 2>&1 | sed 's/.*: //')", "worker_processes": 1, "same_headers_as_boravak": json.loads("$same_headers")},
    "wrk": {"threads": 1, "connections": 64, "seconds": $seconds},
    "throughput": tp,
    "ratio_to_nginx": {"stay_check": round(tp["stay_check"]["median_requests_per_s"] / nginx_rps, 3),
                       "health": round(tp["health"]["median_requests_per_s"] / nginx_rps, 3)},
    "half_load_stay_check": half_out,
    "hammered_profile": {
        "trips": profiles["trips"], "trips_asked": profiles["trips_asked"], "profile_full": profiles["full"],
        "fill_seconds": profiles["seconds"], "answer_bytes": profiles["answer_bytes"],
        "hammer": dict({"what": "GET /v1/profile of profile A", "connections": 20}, **latency(runs["hammer"][0])),
        "other_user": {"what": "GET $b_path of profile B, sequential, one keep-alive connection",
                       "alone": idle, "while_hammered": hammered, "target_p99_ms": 10,
                       "meets_target": hammered["count"] > 0 and hammered["non200"] == 0 and hammered["p99_ms"] < 10}},
}
with open(out, "w") as f:
    json.dump(summary, f, indent=2)
    f.write("\n")

def yes(ok): return "meets" if ok else "MISSES"
print()
print("== summary (same run, same machine)")
print("  nginx fixed answer:         %8d requests/s (median of 2)" % nginx_rps)
for key, label in (("stay_check", "POST /v1/stay/check"), ("health", "GET /v1/health")):
    print("  boravak %-20s %8d requests/s = %.2f of nginx" % (label + ":", tp[key]["median_requests_per_s"],
                                                              summary["ratio_to_nginx"][key]))
h = half_out
print("  at half load (%d/s, reached %d/s): p50 %.2f ms, p99 %.2f ms (%s the target p99 < 5 ms)" %
      (h["target_requests_per_s"], h["requests_per_s"], h["p50_ms"], h["p99_ms"], yes(h["meets_target"])))
hp = summary["hammered_profile"]
print("  profile of %d trips hammered at %d requests/s (GET /v1/profile, %d bytes each)" %
      (hp["trips"], hp["hammer"]["requests_per_s"], hp["answer_bytes"]))
print("  another user's GET $b_path: alone p50 %.2f ms, p99 %.2f ms; while hammered p50 %.2f ms, p99 %.2f ms "
      "(%d requests; %s the target p99 < 10 ms)" % (idle["p50_ms"], idle["p99_ms"], hammered["p50_ms"] or 0,
      hammered["p99_ms"] or 0, hammered["count"], yes(hp["other_user"]["meets_target"])))
print("  boravak memory: %d kB idle, %d kB after the runs; start-up %d ms" % ($idle_rss_kb, $rss_after_kb, $startup_ms))
noisy = [k for k in tp if tp[k]["spread"] > 0.15]
if noisy or $machine_busy > 0.2:
    print("  warning: noisy run (machine %d%% busy before the runs; rounds more than 15%% apart: %s)" %
          (100 * $machine_busy, ", ".join(noisy) or "none"))
print("  written: " + out)
PY
