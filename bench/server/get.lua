-- wrk script: GET the URL's path, with "Authorization: Bearer $SECRET" when SECRET is set (the
-- hammered profile of run.sh, step 4). At the end it prints one "BENCH key=value ..." line for
-- run.sh (latencies in microseconds).
local secret = os.getenv("SECRET")
if secret and secret ~= "" then wrk.headers["Authorization"] = "Bearer " .. secret end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / summary.duration * 1e6,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
