-- wrk script for bench/throughput.py. With SHIPSHAPE_WRK_BODIES set: POST /api/ask, cycling the
-- JSON bodies in that file (one a line, {"question": "..."}); SHIPSHAPE_WRK_COLD=1 also puts a
-- number no earlier request carried into every question, so no answer cache can help. Without
-- it: wrk's plain GET of the URL. Either way it ends with one JSON line of figures.

local threads = {}
local bodies_file = os.getenv("SHIPSHAPE_WRK_BODIES")

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

if bodies_file then
  function init(args)
    bodies = {}
    for line in io.lines(bodies_file) do
      table.insert(bodies, line)
    end
    cold = os.getenv("SHIPSHAPE_WRK_COLD") == "1"
    -- Threads start at different places in the cycle, so they do not ask in step.
    position = math.floor(#bodies * thread_number / 2)
    counter = 0
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end

  function request()
    position = position + 1
    local body = bodies[(position % #bodies) + 1]
    if cold then
      -- ' <thread><counter>' before the closing '"}': digits are a word of their own to the
      -- tokenizer and match no section, so the answer stays the one for the question.
      counter = counter + 1
      body = string.sub(body, 1, -3) .. string.format(" %d%07d", thread_number + 1, counter) .. '"}'
    end
    return wrk.format(nil, nil, nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, ' ..
    '"not_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
