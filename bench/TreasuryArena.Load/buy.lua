-- wrk script: $1 buys of TRND from one wallet (env WALLET, KEY); IDEM=1 adds a unique Idempotency-Key per request.
-- wrk -t2 -c64 -d10s --latency -s bench/TreasuryArena.Load/buy.lua http://127.0.0.1:8800/api/tokens/buy
wrk.method = "POST"
wrk.body   = '{"address":"' .. os.getenv("WALLET") .. '","symbol":"TRND","amount":1}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
local idem = os.getenv("IDEM") == "1"
local counter = 0
local prefix = tostring(math.random(1, 1e9))
function setup(thread) thread:set("id", tostring(math.random(1,1e9))) end
request = function()
  if idem then
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = prefix .. "-" .. (id or "") .. "-" .. counter
  end
  return wrk.format()
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx/errors: status=%d connect=%d read=%d write=%d timeout=%d\n", summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
