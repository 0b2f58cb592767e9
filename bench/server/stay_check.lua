-- wrk script: POST one case to /v1/stay/check. The body is $BODY when set (run.sh sets it, so the
-- nginx comparison can return the very answer boravak gives), else a Russian citizen 17 days
-- into a stay. With $RATE set, requests leave at that fixed rate (see run.sh, step 3).
-- At the end it prints one "BENCH key=value ..." line for run.sh (latencies in microseconds).
wrk.method = "POST"
wrk.path = "/v1/stay/check"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY") or
           '{"id":"x","on":"2026-12-06","citizenship":"RU","stays":[{"entry":"2026-11-20","exit":null}]}'

-- Fixed rate: one schedule for the whole wrk thread, a slot every 1000/RATE ms. A connection that
-- is ready for its next request waits for the next free slot (wrk's timers have 1 ms steps), so
-- the rate stays RATE however long the answers take, as long as some connection is idle; when
-- all are busy the schedule restarts from now instead of sending a burst to catch up.
local rate = tonumber(os.getenv("RATE") or "0")
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local gap = 1000 / rate
  local slot = nil
  function delay()
    local now = now_ms()
    if slot == nil or slot < now then slot = now end
    local wait = slot - now
    slot = slot + gap
    return math.floor(wait + 0.5)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / summary.duration * 1e6,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
