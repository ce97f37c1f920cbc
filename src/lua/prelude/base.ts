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
if host.lua51_numbers then
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
