-- The load script bench/load.ts gives wrk: the method and body come from the environment (a
-- form's body needs no quoting there), and the summary is printed as one JSON line for it to read.
wrk.method = os.getenv("KEZDESU_METHOD") or "GET"
local body = os.getenv("KEZDESU_BODY")
if body and body ~= "" then wrk.body = body end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\nKEZDESU_WRK {"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%.0f,"p97_5":%.0f,"p99":%.0f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(97.5), latency:percentile(99)))
end
