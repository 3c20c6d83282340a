-- wrk hook for bench/api.py: one machine-readable line with the latency percentiles (microseconds).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("CLAIMLEDGER requests=%d errors=%d p50=%d p95=%d p99=%d mean=%.0f\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
