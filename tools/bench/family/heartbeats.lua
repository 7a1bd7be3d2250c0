-- wrk script of the heartbeat load (tools/bench/family/wrk-heartbeats.ts writes the boxes file it reads).
-- Each request is one box's batch of 1-3 heartbeats with fresh ids, the boxes in turn, ticks 30 s apart through
-- the box's grade's lessons ('ended' at a lesson's end, then the next): the same load as heartbeat-load.ts, built
-- in LuaJIT inside wrk's C event loop so that the generator takes a fraction of a core, not a whole one.
-- Prints one JSON line at the end: requests, latency percentiles (µs), heartbeats acknowledged, wrk's CPU.

local TICK = 30
local boxes, grades, path, bodyOnly
local nextBox, serial, stamp, stampAt = 0, 0, '', -1
local prefix, stride
accepted, duplicates, refused, okRequests = 0, 0, 0, 0
local threads = {}

function setup(thread)
  thread:set('threadIndex', #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local data = dofile(args[1])
  boxes, grades, path = data.boxes, data.grades, data.path
  -- Ids unique across runs and threads: a random 48-bit run-and-thread prefix, then a counter.
  math.randomseed(os.time() * 1000 + (threadIndex or 1) * 7919 + math.floor(os.clock() * 1e6))
  prefix = string.format('%08x-%04x', math.random(0, 0x7fffffff), math.random(0, 0xffff))
  -- Threads take the boxes in turn without sharing one: thread i of n sends boxes i, i+n, i+2n...
  stride = tonumber(args[2] or '1')
  nextBox = (threadIndex or 1) - 1
end

local function now()
  local second = os.time()
  if second ~= stampAt then
    stampAt, stamp = second, os.date('!%Y-%m-%dT%H:%M:%SZ', second)
  end
  return stamp
end

local function heartbeat(box, at)
  local lessons = grades[box.grade]
  local lesson = lessons[box.lesson % #lessons + 1]
  local duration = lesson[2]
  box.position = math.min(duration, box.position + TICK)
  local reason = 'tick'
  if box.position >= duration then
    reason = 'ended'
  end
  serial = serial + 1
  local id = string.format('%s-4%03x-8%03x-%012x', prefix, serial % 4096, (serial / 4096) % 4096, serial)
  local json = '{"id":"' .. id .. '","profileId":"' .. box.profile .. '","lessonId":"' .. lesson[1]
    .. '","positionSeconds":' .. box.position .. ',"durationSeconds":' .. duration
    .. ',"watchedSeconds":' .. TICK .. ',"reason":"' .. reason .. '","at":"' .. at .. '"}'
  if reason == 'ended' then
    box.lesson, box.position = box.lesson + 1, 0
  end
  return json
end

function request()
  local box = boxes[nextBox % #boxes + 1]
  nextBox = nextBox + stride
  local at = now()
  local count = math.random(1, 3)
  local parts = {}
  for i = 1, count do
    parts[i] = heartbeat(box, at)
  end
  return wrk.format('POST', path, {
    ['Authorization'] = 'Bearer ' .. box.token,
    ['Content-Type'] = 'application/json',
  }, '{"heartbeats":[' .. table.concat(parts, ',') .. ']}')
end

function response(status, headers, body)
  if status ~= 200 then
    refused = refused + 1
    if refused <= 3 then
      io.stderr:write('heartbeats: answer ' .. status .. ': ' .. string.sub(body or '', 1, 300) .. '\n')
    end
    return
  end
  okRequests = okRequests + 1
  accepted = accepted + tonumber(string.match(body, '"accepted":(%d+)') or 0)
  duplicates = duplicates + tonumber(string.match(body, '"duplicates":(%d+)') or 0)
end

function done(summary, latency, requests)
  local totals = { accepted = 0, duplicates = 0, refused = 0, okRequests = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"connectErrors":%d,"readErrors":%d,'
      .. '"writeErrors":%d,"timeouts":%d,"non2xx":%d,"okRequests":%d,"accepted":%d,"duplicates":%d,'
      .. '"refused":%d,"cpuSeconds":%.3f}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status, totals.okRequests,
    totals.accepted, totals.duplicates, totals.refused, os.clock()))
end
