-- wrk script: POST one batch-contract case to /v1/stay/check (a Russian citizen, 30 days from
-- each entry, two stays). wrk itself prints "Non-2xx or 3xx responses" when any answer is not 200;
-- run.sh fails the run then, since such figures would mean nothing.
wrk.method = "POST"
wrk.path = "/v1/stay/check"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"bench","citizenship":"RU","stays":[{"entry":"2026-08-01","exit":"2026-08-25"},' ..
           '{"entry":"2026-10-20"}],"on":"2026-11-10"}'

-- Paced runs (PACE_MS set): each connection waits this long between requests, so the load is
-- about connections * 1000 / PACE_MS requests a second whatever the server could do.
local pace = tonumber(os.getenv("PACE_MS") or "0")
function delay()
  return pace
end
