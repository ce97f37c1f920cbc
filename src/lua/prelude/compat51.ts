/**
 * Prelude: Lua 5.1 compatibility on top of Lua 5.4 (what Renoise tools are
 * written against). See docs/lua-compatibility.md for what cannot be reproduced.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const COMPAT51_LUA = String.raw`
local host = ...
local G = _G
local type, error, select, pairs, next, tonumber = type, error, select, pairs, next, tonumber
local rawget, rawset, setmetatable = rawget, rawset, setmetatable
local floor, ceil, fmod, mtype, huge = math.floor, math.ceil, math.fmod, math.type, math.huge
local getupvalue, upvaluejoin, getinfo = debug.getupvalue, debug.upvaluejoin, debug.getinfo
local tunpack, gsub, rawformat = table.unpack, string.gsub, string.format

G._VERSION = "Lua 5.1"

-- globals ------------------------------------------------------------------
G.unpack = tunpack

function G.loadstring(s, chunkname)
  if type(s) ~= "string" and type(s) ~= "number" then
    error("bad argument #1 to 'loadstring' (string expected, got " .. type(s) .. ")", 2)
  end
  s = tostring(s)
  return host.load51(s, chunkname or s, "bt", nil, false, false)
end

function G.gcinfo()
  return floor(collectgarbage("count"))
end

-- setfenv / getfenv: a function's environment is its _ENV upvalue in 5.4.
local function env_slot(f)
  local i = 1
  while true do
    local name = getupvalue(f, i)
    if name == nil then return nil end
    if name == "_ENV" then return i end
    i = i + 1
  end
end

-- f: a function or a stack level (1 = the caller of getfenv/setfenv).
local function fenv_target(f, fname)
  if f == nil then f = 1 end
  if type(f) == "function" then return f end
  local level = tonumber(f)
  if level == nil then
    error("bad argument #1 to '" .. fname .. "' (number expected, got " .. type(f) .. ")", 3)
  end
  if level < 0 then error("bad argument #1 to '" .. fname .. "' (level must be non-negative)", 3) end
  if level == 0 then return nil end
  local info = getinfo(level + 2, "f")
  if info == nil then error("bad argument #1 to '" .. fname .. "' (invalid level)", 3) end
  return info.func
end

function G.getfenv(f)
  local fn = fenv_target(f, "getfenv")
  if fn == nil then return G end
  local slot = env_slot(fn)
  if slot == nil then return G end
  local _, env = getupvalue(fn, slot)
  return env
end

function G.setfenv(f, t)
  if type(t) ~= "table" then
    error("bad argument #2 to 'setfenv' (table expected, got " .. type(t) .. ")", 2)
  end
  local fn = fenv_target(f, "setfenv")
  if fn == nil then
    error("'setfenv' cannot change the environment of the running thread in renoise-sim (Lua 5.4)", 2)
  end
  local slot = env_slot(fn)
  if slot ~= nil then
    -- Give fn a fresh _ENV upvalue holding t (other closures keep theirs).
    upvaluejoin(fn, slot, function() return t end, 1)
  end
  return fn
end

-- debug.getfenv / debug.setfenv (5.1) for functions.
function debug.getfenv(f)
  if type(f) ~= "function" then return nil end
  return G.getfenv(f)
end
function debug.setfenv(f, t)
  if type(f) ~= "function" then
    error("bad argument #1 to 'setfenv' (function expected, got " .. type(f) .. ")", 2)
  end
  return G.setfenv(f, t)
end

-- coroutine.running: 5.1 gives nil in the main thread (5.4: the thread and true).
local co_running = coroutine.running
function coroutine.running()
  local co, main = co_running()
  if main then return nil end
  return co
end

-- module(name, ...) of Lua 5.1.
function G.module(name, ...)
  if type(name) ~= "string" then
    error("bad argument #1 to 'module' (string expected, got " .. type(name) .. ")", 2)
  end
  local loaded = package.loaded
  local M = loaded[name]
  if type(M) ~= "table" then
    M = G
    for part in name:gmatch("[^%.]+") do
      local sub = rawget(M, part)
      if sub == nil then
        sub = {}
        rawset(M, part, sub)
      elseif type(sub) ~= "table" then
        error("name conflict for module '" .. name .. "'", 2)
      end
      M = sub
    end
    loaded[name] = M
  end
  if M._NAME == nil then
    M._M = M
    M._NAME = name
    M._PACKAGE = (name:gsub("[^%.]*$", ""))
  end
  G.setfenv(2, M)
  for i = 1, select("#", ...) do
    local opt = select(i, ...)
    opt(M)
  end
end

function package.seeall(m)
  local mt = getmetatable(m)
  if mt == nil then
    mt = {}
    setmetatable(m, mt)
  end
  mt.__index = G
end

-- table --------------------------------------------------------------------
function table.getn(t)
  return #t
end

function table.setn()
  error("'setn' is obsolete", 2)
end

function table.maxn(t)
  local max = 0
  for k in pairs(t) do
    if type(k) == "number" and k > max then max = k end
  end
  return max
end

function table.foreach(t, f)
  for k, v in pairs(t) do
    local r = f(k, v)
    if r ~= nil then return r end
  end
end

function table.foreachi(t, f)
  for i = 1, #t do
    local r = f(i, t[i])
    if r ~= nil then return r end
  end
end

-- string -------------------------------------------------------------------
string.gfind = string.gmatch

-- 5.1 string.format: %d/%x/%c... truncate floats, %s formats numbers 5.1-style.
local tostring51 = host.tostring51
local function trunc(x)
  if x ~= x or x == huge or x == -huge then return x end
  local r = x >= 0 and floor(x) or ceil(x)
  return r
end
local int_conv = { d = true, i = true, o = true, u = true, x = true, X = true, c = true }
function string.format(fmt, ...)
  local n = select("#", ...)
  if n == 0 then return rawformat(fmt) end
  local args = { ... }
  local i = 0
  gsub(fmt, "%%[-+ #0-9.]*(.)", function(conv)
    if conv == "%" then return end
    i = i + 1
    local a = args[i]
    if int_conv[conv] then
      if type(a) == "string" then a = tonumber(a) or a end
      if mtype(a) == "float" then args[i] = trunc(a) end
    elseif conv == "s" and type(a) == "number" then
      args[i] = tostring51(a)
    end
  end)
  return rawformat(fmt, tunpack(args, 1, n))
end

-- math ---------------------------------------------------------------------
math.mod = fmod
function math.pow(x, y) return x ^ y end
function math.log10(x) return math.log(x, 10) end
function math.ldexp(m, e) return m * 2.0 ^ e end
function math.frexp(x)
  if x == 0 or x ~= x or x == huge or x == -huge then return x, 0 end
  local ax = x < 0 and -x or x
  local e = floor(math.log(ax, 2)) + 1
  local m = ax / 2.0 ^ e
  if m >= 1 then
    m, e = m / 2, e + 1
  elseif m < 0.5 then
    m, e = m * 2, e - 1
  end
  return (x < 0 and -m or m), e
end
function math.atan2(y, x) return math.atan(y, x) end
function math.cosh(x) return (math.exp(x) + math.exp(-x)) / 2 end
function math.sinh(x) return (math.exp(x) - math.exp(-x)) / 2 end
function math.tanh(x)
  if x > 20 then return 1.0 elseif x < -20 then return -1.0 end
  local a, b = math.exp(x), math.exp(-x)
  return (a - b) / (a + b)
end

-- Deterministic math.random: 5.4's xoshiro256**, seeded from the VM
-- options, with 5.1 argument handling (floats are truncated).
local rawrandom, rawseed = math.random, math.randomseed
-- The seed is the VM's option, set (and applied) by the host after the preludes ran.
local function toint(x, argn, fname)
  local v = tonumber(x)
  if v == nil then
    error("bad argument #" .. argn .. " to '" .. fname .. "' (number expected, got " .. type(x) .. ")", 3)
  end
  if mtype(v) == "float" then
    v = trunc(v)
    if v ~= v or v == huge or v == -huge then
      error("bad argument #" .. argn .. " to '" .. fname .. "' (number has no integer representation)", 3)
    end
    v = math.tointeger(v) or math.tointeger(fmod(v, 2.0 ^ 53)) or 0
  end
  return v
end
function math.random(m, n)
  if m == nil then return rawrandom() end
  local lo, hi
  if n == nil then
    lo, hi = 1, toint(m, 1, "random")
  else
    lo, hi = toint(m, 1, "random"), toint(n, 2, "random")
  end
  if lo > hi then error("bad argument #" .. (n == nil and 1 or 2) .. " to 'random' (interval is empty)", 2) end
  return rawrandom(lo, hi)
end
function math.randomseed(x)
  if x == nil then
    rawseed(host.seed)
  else
    rawseed(toint(x, 1, "randomseed"))
  end
end
function host.reseed() rawseed(host.seed) end
host.reseed()
`;
