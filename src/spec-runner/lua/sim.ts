/**
 * Lua source: the `sim` global of Lua specs (see docs/lua-testing.md). The
 * host functions `H` (sim-binding.ts) do the work; this glue gives them Lua
 * calling conventions: options tables are passed to the host as JSON text,
 * peer scripts are coroutines, asynchronous work (loading a tool, fuzzing)
 * yields through the runner's `await`.
 *
 * New areas (song, preferences, MIDI, dialogs) add a section to `H.sections`
 * on the host side; each becomes `sim.<name>` here, unchanged.
 *
 * Runs with (H, runner_api); returns sim, resume_peer.
 */
export const SIM_LUA = String.raw`
local H, api = ...
local type, tostring, pairs, select, error, format = type, tostring, pairs, select, error, string.format
local concat, sort, byte, gsub = table.concat, table.sort, string.byte, string.gsub
local floor, huge = math.floor, math.huge

-- ------------------------------------------------------------ JSON (to the host)

local encode
local function encode_string(s)
  return '"' .. gsub(s, '[%c"\\\128-\255]', function(c)
    local b = byte(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\" end
    return format("\\u%04x", b)
  end) .. '"'
end
local function is_sequence(t)
  local n = #t
  local count = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or k > n or k ~= floor(k) then return false end
    count = count + 1
  end
  return count == n and n > 0
end
encode = function(v, where, seen)
  local t = type(v)
  if v == nil then return "null" end
  if t == "boolean" then return tostring(v) end
  if t == "number" then
    if v ~= v or v == huge or v == -huge then return "null" end
    if v == floor(v) and v > -1e15 and v < 1e15 then return format("%d", v) end
    return format("%.17g", v)
  end
  if t == "string" then return encode_string(v) end
  if t == "table" then
    seen = seen or {}
    if seen[v] then error(where .. ": a table that contains itself cannot be passed to the simulation", 0) end
    seen[v] = true
    local parts = {}
    if is_sequence(v) then
      for i = 1, #v do parts[i] = encode(v[i], where, seen) end
      seen[v] = nil
      return "[" .. concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    sort(keys)
    for _, k in pairs(keys) do
      local val = v[k]
      if val == nil then val = v[tonumber(k)] end
      parts[#parts + 1] = encode_string(k) .. ":" .. encode(val, where, seen)
    end
    seen[v] = nil
    return "{" .. concat(parts, ",") .. "}"
  end
  error(where .. ": a " .. t .. " cannot be passed to the simulation (only nil, booleans, numbers, strings and tables)", 0)
end

local function encode_args(where, ...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    local ok, s = pcall(encode, (select(i, ...)), where)
    if not ok then error(s, 3) end
    parts[i] = s
  end
  return "[" .. concat(parts, ",") .. "]"
end

-- ------------------------------------------------------------ sim

local sim = {}
sim.seed = H.seed
sim.now = H.now
sim.advance = H.advance
sim.run_until_idle = H.run_until_idle
sim.register_name = H.register_name
sim.trace = H.trace
sim.events = H.events
sim.trace_jsonl = H.trace_jsonl
sim.diagram = H.diagram
sim.pending_work = H.pending_work

local hosts = {}
local function host_table(name)
  local h = hosts[name]
  if h then return h end
  h = H.host(name)
  hosts[h.name] = h
  return h
end

sim.host = host_table(H.tool_host)
sim.host.Socket = renoise.Socket

function sim.add_host(name, options)
  if type(name) ~= "string" then error("sim.add_host(name [, options]): name must be a string", 2) end
  H.add_host(name, encode_args("sim.add_host", options))
  return host_table(name)
end

function sim.get_host(name)
  if type(name) ~= "string" then error("sim.get_host(name): name must be a string", 2) end
  return host_table(name)
end

-- Peer scripts: coroutines whose blocking calls wait in virtual time.
local function peer_yield(co, op, ...)
  if coroutine.running() ~= co then
    error("peer:" .. op .. "() must be called from the peer's own script (the function given to sim.spawn)", 3)
  end
  return coroutine.yield(op, ...)
end

function sim.spawn(host, fn)
  if type(fn) ~= "function" then error("sim.spawn(host, fn): fn must be a function(peer)", 2) end
  local h = type(host) == "table" and host or host_table(host)
  local co = coroutine.create(fn)
  local peer = { name = h.name, address = h.address, Socket = h.Socket }
  function peer.connect(self, address, port, protocol, timeout) return peer_yield(co, "connect", address, port, protocol, timeout) end
  function peer.receive(self, client, mode, timeout) return peer_yield(co, "receive", client, mode, timeout) end
  function peer.sleep(self, ms) return peer_yield(co, "sleep", ms) end
  H.spawn(h.name, co, peer)
end

local function resume_peer(co, ...)
  local ok, a, b, c, d, e = coroutine.resume(co, ...)
  if not ok then return "error", debug.traceback(co, tostring(a)) end
  if coroutine.status(co) == "dead" then return "done" end
  return a, b, c, d, e
end

-- Fault and condition facades: sim.faults.partition("renoise", "phone"), sim.conditions.latency{ fixed = 20 }
local function facade(area)
  return setmetatable({}, {
    __index = function(_, name)
      if type(name) ~= "string" then return nil end
      return function(...)
        return H.facade(area, name, encode_args("sim." .. area .. "." .. name, ...))
      end
    end,
  })
end
sim.faults = facade("faults")
sim.conditions = facade("conditions")

-- Asynchronous work: the runner's coroutine yields to the host.
function sim.load_tool(dir, options)
  if dir ~= nil and type(dir) ~= "string" then
    if type(dir) == "table" and options == nil then dir, options = nil, dir
    else error("sim.load_tool([dir] [, options]): dir must be a folder path", 2) end
  end
  return api.await("load_tool", dir, encode_args("sim.load_tool", options))
end

function sim.fuzz_tool(options)
  if type(options) ~= "table" then error("sim.fuzz_tool(options): options must be a table, e.g. { port = 8000 }", 2) end
  return api.await("fuzz_tool", encode_args("sim.fuzz_tool", options))
end

function sim.replay(token)
  if type(token) ~= "string" then error("sim.replay(token): token must be a replay token string (rs1...)", 2) end
  return api.await("replay", token)
end

-- Sections added by later areas (song, preferences, MIDI, dialogs): plain tables of host functions.
for name, section in pairs(H.sections) do sim[name] = section end

return sim, resume_peer
`;
