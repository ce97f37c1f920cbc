/**
 * Prelude: output and control. `print` to the host sink (Lua 5.1 style: it
 * calls the global `tostring` on each argument and joins with tabs),
 * Lua 5.1 number formatting for `tostring`, the abort guard around
 * `pcall`/`xpcall`/`coroutine.resume` (so an instruction-limit abort cannot
 * be swallowed), and `debug.sethook` fenced off.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const BASE_LUA = String.raw`
local host = ...
local G = _G
local select, error, rawtostring, rawtype = select, error, tostring, type
local mtype, sfmt, find, sub = math.type, string.format, string.find, string.sub
local concat = table.concat
local host_print, guard = host.print, host.guard
host.rawtype = rawtype

-- Lua 5.1 / LuaJIT print numbers with "%.14g": 10/2 is "5", not "5.0".
-- C Lua writes that itself where the module has its switch (wasm-patch.ts);
-- else (numbers51_in_lua) tostring and table.concat are wrapped here and the
-- front end wraps the operands of '..'.
local wrap51 = host.numbers51_in_lua
if wrap51 then
  local function tostring51(v)
    local t = mtype(v)
    if t == "float" then
      local s = rawtostring(v)
      if sub(s, -2) == ".0" and find(s, "^%-?%d+%.0$") then return sub(s, 1, -3) end
      return s
    elseif t == "integer" and (v >= 100000000000000 or v <= -100000000000000) then
      return sfmt("%.14g", v)
    end
    return rawtostring(v)
  end
  G.tostring = tostring51
  host.tostring51 = tostring51
else
  host.tostring51 = rawtostring
end

-- Helpers of code translated by the 5.1 front end (src/lua/frontend), read
-- by each translated chunk as ("").__rsim51 (works whatever its _ENV is).
local tostr51 = host.tostring51
local fe = {}
function fe.s(x) -- an operand of '..': numbers become their 5.1 text
  local t = mtype(x)
  if t == nil or (t == "integer" and x < 100000000000000 and x > -100000000000000) then return x end
  return tostr51(x)
end
function fe.pack(...) -- the implicit 'arg' table of a vararg function
  return { n = select("#", ...), ... }
end
setmetatable(string, { __index = { __rsim51 = fe } })

-- table.concat with 5.1's number text (when C Lua does not write it).
-- Tables without numbers that print differently (floats, integers beyond
-- 14 digits) pay one scan.
local rawconcat = table.concat
local function concat51(t, sep, i, j)
  if rawtype(t) == "table" then
    local first, last = i or 1, j or #t
    if rawtype(first) == "number" and rawtype(last) == "number" then
      for k = first, last do
        local v = t[k]
        local vt = mtype(v)
        if vt == "float" or (vt == "integer" and (v >= 100000000000000 or v <= -100000000000000)) then
          local copy, n = {}, 0
          for m = first, last do
            local x = t[m]
            n = n + 1
            copy[n] = mtype(x) and tostr51(x) or x
          end
          return rawconcat(copy, sep, 1, n)
        end
      end
    end
  end
  return rawconcat(t, sep, i, j)
end
if wrap51 then table.concat = concat51 end

-- Loading a chunk through the 5.1 front end (load, loadstring, loadfile,
-- dofile, require). 'file' chunks may start with a '#' line.
-- A tool file ('file') comes back from host.translate as bytecode (compile-cache.ts: compiled once per
-- process, with the VM's memory put back after, so every VM loads the same bytes the same way) unless the
-- cache is off.
local rawload, host_translate = load, host.translate
local function load51(src, chunkname, mode, env, file, has_env)
  if sub(src, 1, 1) == "\27" then -- a binary chunk: not source, nothing to translate
    if has_env then return rawload(src, chunkname, mode, env) end
    return rawload(src, chunkname, mode)
  end
  local code, err, compiled = host_translate(src, chunkname, file, mode)
  if code == nil then
    if compiled == nil then return nil, err end
    if has_env then return rawload(compiled, chunkname, "b", env) end
    return rawload(compiled, chunkname, "b")
  end
  if has_env then return rawload(code, chunkname, mode, env) end
  return rawload(code, chunkname, mode)
end
host.load51 = load51

function G.load(chunk, chunkname, mode, ...)
  local has_env, env = select("#", ...) > 0, ...
  local tc = rawtype(chunk)
  if tc == "function" then
    local parts, n = {}, 0
    while true do
      local piece = chunk()
      if piece == nil or piece == "" then break end
      if rawtype(piece) ~= "string" then return nil, "reader function must return a string" end
      n = n + 1
      parts[n] = piece
    end
    chunk = concat(parts)
    if chunkname == nil then chunkname = "=(load)" end
  elseif tc ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. (tc == "nil" and "no value" or tc) .. ")", 2)
  elseif chunkname == nil then
    chunkname = chunk
  end
  return load51(chunk, chunkname, mode or "bt", env, false, has_env)
end

function G.print(...)
  local n = select("#", ...)
  local tostr = G.tostring
  local parts = {}
  for i = 1, n do
    local s = tostr((select(i, ...)))
    if rawtype(s) ~= "string" then error("'tostring' must return a string to 'print'", 2) end
    parts[i] = s
  end
  host_print(concat(parts, "\t", 1, n))
end

-- Instruction-limit aborts must reach the host: re-raise while aborting.
local rawpcall, rawxpcall = pcall, xpcall
local co_resume = coroutine.resume
local function pass(ok, ...)
  if not ok and guard.aborting then error((...), 0) end
  return ok, ...
end
function G.pcall(f, ...) return pass(rawpcall(f, ...)) end
function G.xpcall(f, msgh, ...) return pass(rawxpcall(f, msgh, ...)) end
function coroutine.resume(co, ...) return pass(co_resume(co, ...)) end

function debug.sethook()
  error("debug.sethook is not available in renoise-sim (the host uses the hook for its instruction limit)", 2)
end
function debug.start() end
function debug.stop() end
`;
