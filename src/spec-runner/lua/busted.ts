/**
 * Lua source: busted's spec API (describe, it, pending, before_each,
 * after_each, setup, teardown, finally, and their aliases) for the Lua spec
 * runner, written for renoise-sim.
 *
 * Running a spec file registers its tests (describe bodies run at once, as
 * in busted). The host then runs ONE test per fresh Lua state: `start(i)`
 * runs setup, before_each, the test, after_each and teardown of test i in a
 * coroutine; when the test calls an asynchronous `sim` function the
 * coroutine yields and `start`/`resume` return "await", op, args; the host
 * does the work and calls `resume(ok, ...)`.
 *
 * Runs with (settle, luassert); returns the API the host drives.
 */
export const BUSTED_LUA = String.raw`
local settle, L = ...
local type, tostring, error, select, pcall, xpcall = type, tostring, error, select, pcall, xpcall
local setmetatable, getmetatable = setmetatable, getmetatable
local unpack = table.unpack or unpack
local G = _G

local PENDING = {}
PENDING.__tostring = function(p) return "pending: " .. tostring(p.message) end

local root = { name = nil, parent = nil, setup = {}, teardown = {}, before_each = {}, after_each = {} }
local current = root
local tests = {}
local phase = "collect"
local finalizers = nil

local function where(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?", 0 end
  return info.short_src, info.currentline
end

local function only_collecting(name)
  if phase ~= "collect" then
    error(name .. "() registers tests: call it at the top level of a spec file or inside describe(), not inside a running test", 3)
  end
end

local function describe(name, fn)
  only_collecting("describe")
  if type(fn) ~= "function" then error("describe(name, fn): fn must be a function", 2) end
  local block = { name = tostring(name), parent = current, setup = {}, teardown = {}, before_each = {}, after_each = {} }
  local saved = current
  current = block
  local ok, err = pcall(fn)
  current = saved
  if not ok then error(err, 0) end
end

local function add_test(name, fn, pending, level)
  local src, line = where(level + 1)
  tests[#tests + 1] = { name = tostring(name), block = current, fn = fn, pending = pending, source = src, line = line }
end

local function it(name, fn)
  only_collecting("it")
  if fn ~= nil and type(fn) ~= "function" then error("it(name, fn): fn must be a function", 2) end
  add_test(name, fn, fn == nil, 2)
end

local function pending(name, fn)
  if phase == "collect" then
    add_test(name, fn, true, 2)
    return
  end
  error(setmetatable({ message = tostring(name or "pending") }, PENDING), 0)
end

local function hook(kind)
  return function(fn)
    if phase ~= "collect" then error(kind .. "() must be called inside describe() or at the top level of a spec file", 2) end
    if type(fn) ~= "function" then error(kind .. "(fn): fn must be a function", 2) end
    local list = current[kind]
    list[#list + 1] = fn
  end
end

local function finally(fn)
  if finalizers == nil then error("finally() can only be called inside a running test", 2) end
  finalizers[#finalizers + 1] = fn
end

G.describe, G.context, G.insulate, G.expose = describe, describe, describe, describe
G.it, G.spec, G.test = it, it, it
G.pending = pending
G.before_each, G.after_each = hook("before_each"), hook("after_each")
G.setup, G.lazy_setup, G.strict_setup = hook("setup"), hook("setup"), hook("setup")
G.teardown, G.lazy_teardown, G.strict_teardown = hook("teardown"), hook("teardown"), hook("teardown")
G.finally = finally
G.randomize = function() end
G.assert, G.spy, G.stub, G.mock, G.match = L.assert, L.spy, L.stub, L.mock, L.match

-- ---------------------------------------------------------------- names

local function full_name(t)
  local parts = { t.name }
  local b = t.block
  while b and b.name do
    table.insert(parts, 1, b.name)
    b = b.parent
  end
  return table.concat(parts, " ")
end

local function chain(block)
  local c = {}
  while block do
    table.insert(c, 1, block)
    block = block.parent
  end
  return c
end

-- ---------------------------------------------------------------- running one test

local function capture(e)
  if getmetatable(e) == PENDING then return e end
  return { value = e, traceback = debug.traceback("", 2) }
end

local result

local function record(kind, e)
  if result.status ~= "success" then return end
  if getmetatable(e) == PENDING then
    result.status = "pending"
    result.message = e.message
    return
  end
  local v = e.value
  result.status = L.is_assertion(v) and "failure" or "error"
  result.message = kind .. tostring(v)
  result.traceback = e.traceback
end

local function try(kind, fn)
  local ok, e = xpcall(fn, capture)
  if not ok then record(kind, e) end
  return ok
end

local function run_test(i)
  local t = tests[i]
  phase = "run"
  finalizers = {}
  result = { status = "success" }
  local blocks = chain(t.block)
  local ran_setup = 0
  for _, b in ipairs(blocks) do
    local ok = true
    for _, fn in ipairs(b.setup) do
      ok = try("setup: ", fn)
      if not ok then break end
    end
    if not ok then break end
    ran_setup = ran_setup + 1
  end
  local ran_before = 0
  if ran_setup == #blocks then
    for _, b in ipairs(blocks) do
      local ok = true
      for _, fn in ipairs(b.before_each) do
        ok = try("before_each: ", fn)
        if not ok then break end
      end
      ran_before = ran_before + 1
      if not ok then break end
    end
    if result.status == "success" then
      if t.fn then try("", t.fn) end
      if result.status == "success" then try("", settle) end
    end
  end
  for k = #finalizers, 1, -1 do try("finally: ", finalizers[k]) end
  for k = ran_before, 1, -1 do
    for _, fn in ipairs(blocks[k].after_each) do try("after_each: ", fn) end
  end
  for k = ran_setup, 1, -1 do
    for _, fn in ipairs(blocks[k].teardown) do try("teardown: ", fn) end
  end
  L.revert_all()
  return result
end

-- ---------------------------------------------------------------- host API

local api = {}
local co

function api.count() return #tests end

-- name, full name, pending?, file, line of test i
function api.info(i)
  local t = tests[i]
  return t.name, full_name(t), t.pending and true or false, t.source, t.line
end

function api.matches(name, pattern) return string.find(name, pattern) ~= nil end

local function step(ok, a, b, c)
  if not ok then return "crash", tostring(a) .. "\n" .. debug.traceback(co) end
  if coroutine.status(co) == "dead" then
    return "done", a.status, a.message, a.traceback
  end
  return "await", a, b, c
end

function api.start(i)
  local t = tests[i]
  if t.pending then return "done", "pending", nil, nil end
  co = coroutine.create(run_test)
  return step(coroutine.resume(co, i))
end

function api.resume(...)
  return step(coroutine.resume(co, ...))
end

-- Called by sim functions that need the host to do asynchronous work.
function api.await(name, ...)
  local running, main = coroutine.running()
  if running ~= co or main or not coroutine.isyieldable() then
    error("sim." .. name .. "() can only be called directly from it(), before_each(), setup() and similar, " ..
      "not at load time, from a callback, or from a peer script", 3)
  end
  local r = { n = 0 }
  local function keep(...) r = { n = select("#", ...), ... } end
  keep(coroutine.yield(name, ...))
  if r[1] == "ok" then return unpack(r, 2, r.n) end
  if r[1] == "fail" then L.fail(r[2], 2) end
  error(r[2], 3)
end

return api
`;
