/**
 * Lua source: a luassert-compatible `assert`, `spy`, `stub`, `mock` and
 * `match` for the Lua spec runner, written for renoise-sim. `assert(v, msg)`
 * stays Lua's own assert (Renoise-style scripts keep their exact messages);
 * `assert.<modifiers>.<name>(...)` chains as in luassert (`are.equal`,
 * `are_not.same`, `is_nil`, `has_no.errors`, `spy(s).was.called_with`).
 *
 * Runs with no arguments; returns the table of globals to install
 * (assert, spy, stub, mock, match) and `is_assertion(err)`.
 */
export const LUASSERT_LUA = String.raw`
local type, tostring, pairs, ipairs, select, error = type, tostring, pairs, ipairs, select, error
local getmetatable, setmetatable, rawget, rawset = getmetatable, setmetatable, rawget, rawset
local format, find, gsub, sub, lower = string.format, string.find, string.gsub, string.sub, string.lower
local concat, sort = table.concat, table.sort
local unpack = table.unpack or unpack
local function pack(...) return { n = select("#", ...), ... } end

-- ------------------------------------------------------------------ errors

local ERR = {}
ERR.__index = ERR
ERR.__tostring = function(e) return e.message end

local function is_assertion(e) return getmetatable(e) == ERR end

-- Raises an assertion failure at the caller 'level' frames up (1 = caller of fail's caller).
local function fail(message, level)
  local info = debug.getinfo(level + 2, "Sl")
  local where = info and info.currentline and info.currentline > 0 and (info.short_src .. ":" .. info.currentline .. ": ") or ""
  error(setmetatable({ message = where .. message, assertion = true }, ERR), 0)
end

-- ------------------------------------------------------------------ formatting

local function keystr(k)
  if type(k) == "string" then return "[" .. k .. "]" end
  return "[" .. tostring(k) .. "]"
end

local function valstr(v, depth, seen, mark)
  local t = type(v)
  if t == "string" then return "'" .. v .. "'" end
  if t ~= "table" then return tostring(v) end
  local mt = getmetatable(v)
  if mt and mt.__matcher then return "matcher " .. mt.__matcher end
  if seen[v] then return "{ <cycle> }" end
  if depth > 3 then return "{ ... }" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    local star = (mark ~= nil and mark[1] == k) and "*" or ""
    local sub_mark = (mark ~= nil and mark[1] == k) and { select(2, unpack(mark)) } or nil
    if sub_mark and #sub_mark == 0 then sub_mark = nil end
    parts[#parts + 1] = star .. keystr(k) .. " = " .. valstr(v[k], depth + 1, seen, sub_mark)
  end
  seen[v] = nil
  if #parts == 0 then return "{ }" end
  local pad = string.rep("  ", depth)
  return "{\n" .. pad .. "  " .. concat(parts, "\n" .. pad .. "  ") .. " }"
end

-- "(number) 2", "(string) 'x'", "(table: 0x..) { ... }", "(nil)"
local function show(v, mark)
  local t = type(v)
  if v == nil then return "(nil)" end
  if t == "table" then
    local mt = getmetatable(v)
    if mt and mt.__matcher then return "(matcher) " .. mt.__matcher end
    return "(" .. tostring(v) .. ") " .. valstr(v, 0, {}, mark)
  end
  return "(" .. t .. ") " .. valstr(v, 0, {}, nil)
end

local function show_args(args)
  local parts = {}
  for i = 1, args.n do parts[i] = show(args[i]) end
  if args.n == 0 then return "(no arguments)" end
  return concat(parts, "\n")
end

-- ------------------------------------------------------------------ matchers

local MATCHER = {}
local function matcher(name, test)
  return setmetatable({ test = test }, { __matcher = name, __call = function(self, v) return self.test(v) end })
end
local function is_matcher(v)
  local mt = type(v) == "table" and getmetatable(v)
  return mt and mt.__matcher ~= nil or false
end

-- Deep comparison; returns true, or false and the path of the first difference.
local function deepsame(a, b, seen)
  if is_matcher(b) then return b.test(a) and true or false, {} end
  if is_matcher(a) then return a.test(b) and true or false, {} end
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false, {} end
  local mta, mtb = getmetatable(a), getmetatable(b)
  if mta and mta == mtb and mta.__eq then return a == b, {} end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, va in pairs(a) do
    local ok, path = deepsame(va, b[k], seen)
    if not ok then
      local p = { k }
      for _, x in ipairs(path or {}) do p[#p + 1] = x end
      return false, p
    end
  end
  for k in pairs(b) do
    if a[k] == nil then return false, { k } end
  end
  return true
end

-- ------------------------------------------------------------------ assertions

-- Each assertion: function(args, negated) -> ok, message_positive_or_negative
local A = {}
local ALIAS = {}

local function strip_where(e)
  if type(e) == "string" then return (gsub(e, "^[^\n:]-:%d+: ", "", 1)) end
  if is_assertion(e) then return (gsub(e.message, "^[^\n:]-:%d+: ", "", 1)) end
  return e
end

A.equal = function(args)
  local expected, actual = args[1], args[2]
  local ok = expected == actual
  return ok, "Expected objects to be equal.\nPassed in:\n" .. show(actual) .. "\nExpected:\n" .. show(expected),
    "Expected objects to not be equal.\nPassed in:\n" .. show(actual) .. "\nDid not expect:\n" .. show(expected)
end
ALIAS.equals = "equal"

A.same = function(args)
  local expected, actual = args[1], args[2]
  local ok, path = deepsame(actual, expected)
  return ok, "Expected objects to be the same.\nPassed in:\n" .. show(actual, path) .. "\nExpected:\n" .. show(expected, path),
    "Expected objects to not be the same.\nPassed in:\n" .. show(actual) .. "\nDid not expect:\n" .. show(expected)
end

A.truthy = function(args)
  local v = args[1]
  return v ~= nil and v ~= false, "Expected to be truthy, but value was:\n" .. show(v),
    "Expected to not be truthy, but value was:\n" .. show(v)
end
A.falsy = function(args)
  local v = args[1]
  return v == nil or v == false, "Expected to be falsy, but value was:\n" .. show(v),
    "Expected to not be falsy, but value was:\n" .. show(v)
end
ALIAS.falsey = "falsy"

local function exactly(name, value)
  A[name] = function(args)
    local v = args[1]
    return v == value, "Expected objects to be the same.\nPassed in:\n" .. show(v) .. "\nExpected:\n" .. show(value),
      "Expected objects to not be the same.\nPassed in:\n" .. show(v) .. "\nDid not expect:\n" .. show(value)
  end
end
exactly("true", true)
exactly("false", false)
A["nil"] = function(args)
  local v = args[1]
  return v == nil, "Expected type nil, but value was:\n" .. show(v), "Expected a value that is not nil, but got:\n" .. show(v)
end

for _, tname in ipairs({ "number", "string", "table", "function", "boolean", "userdata", "thread" }) do
  A[tname] = function(args)
    local v = args[1]
    return type(v) == tname, "Expected type " .. tname .. ", but value was:\n" .. show(v),
      "Expected a value that is not of type " .. tname .. ", but got:\n" .. show(v)
  end
end

A.near = function(args)
  local expected, actual, tolerance = args[1], args[2], args[3]
  if type(expected) ~= "number" or type(actual) ~= "number" or type(tolerance) ~= "number" then
    error("assert.near expects (expected, actual, tolerance) numbers", 0)
  end
  local ok = actual >= expected - tolerance and actual <= expected + tolerance
  return ok, "Expected values to be near.\nPassed in:\n" .. show(actual) .. "\nExpected:\n" .. show(expected) .. " +/- " .. tostring(tolerance),
    "Expected values to not be near.\nPassed in:\n" .. show(actual) .. "\nDid not expect:\n" .. show(expected) .. " +/- " .. tostring(tolerance)
end

A.matches = function(args)
  local pattern, s, init, plain = args[1], args[2], args[3], args[4]
  if type(pattern) ~= "string" then error("assert.matches expects a pattern string as its first argument", 0) end
  local ok = type(s) == "string" or type(s) == "number"
  if ok then ok = find(tostring(s), pattern, init, plain) ~= nil end
  return ok, "Expected strings to match.\nPassed in:\n" .. show(s) .. "\nExpected:\n" .. show(pattern),
    "Expected strings not to match.\nPassed in:\n" .. show(s) .. "\nDid not expect:\n" .. show(pattern)
end
ALIAS.match = "matches"

A.unique = function(args)
  local list, deep = args[1], args[2]
  if type(list) ~= "table" then return false, "Expected a table of unique values, got:\n" .. show(list), "" end
  local ok = true
  for k1, v1 in pairs(list) do
    for k2, v2 in pairs(list) do
      if k1 ~= k2 and ((deep and deepsame(v1, v2)) or (not deep and v1 == v2)) then ok = false end
    end
  end
  return ok, "Expected object to be unique:\n" .. show(list), "Expected object to not be unique:\n" .. show(list)
end

A.error = function(args, negated)
  local fn, expected = args[1], args[2]
  if type(fn) ~= "function" and not (type(fn) == "table" and getmetatable(fn) and getmetatable(fn).__call) then
    error("assert.has_error expects a function, got " .. type(fn), 0)
  end
  local ok, err = pcall(fn, select(3, unpack(args, 1, args.n)))
  if ok then
    return false, "Expected an error, but none was raised", "Expected no error, and none was raised"
  end
  if negated then return false, "", "Expected no error, but caught:\n" .. show(strip_where(err)) end
  if args.n < 2 then return true, "", "Expected no error, but caught:\n" .. show(strip_where(err)) end
  local got = strip_where(err)
  local same = deepsame(got, expected) or deepsame(err, expected)
  return same, "Expected a different error.\nCaught:\n" .. show(got) .. "\nExpected:\n" .. show(expected),
    "Expected no error, but caught:\n" .. show(got)
end
ALIAS.errors = "error"

A.error_matches = function(args, negated)
  local fn, pattern, init, plain = args[1], args[2], args[3], args[4]
  local ok, err = pcall(fn)
  if ok then return false, "Expected an error matching " .. show(pattern) .. ", but none was raised", "" end
  local got = strip_where(err)
  local m = type(got) == "string" and find(got, pattern, init, plain) ~= nil
  return m, "Expected the error to match.\nCaught:\n" .. show(got) .. "\nExpected pattern:\n" .. show(pattern),
    "Expected the error not to match.\nCaught:\n" .. show(got) .. "\nDid not expect pattern:\n" .. show(pattern)
end
ALIAS.errors_matches = "error_matches"
ALIAS.error_match = "error_matches"

-- ---------------------------------------------------------------- spy assertions

local SPY = {}

local function call_matches(call, expected)
  if call.n ~= expected.n then
    -- trailing nils are the same as missing arguments
    local n = math.max(call.n, expected.n)
    for i = 1, n do
      if not deepsame(call[i], expected[i]) then return false end
    end
    return true
  end
  for i = 1, expected.n do
    if not deepsame(call[i], expected[i]) then return false end
  end
  return true
end

local function spy_of(args, what)
  local s = args.spy
  if not (type(s) == "table" and getmetatable(s) == SPY) then
    error("assert." .. what .. " needs a spy or stub: assert.spy(s)." .. what .. "(...)", 0)
  end
  return s
end

local function count_check(name, cmp, describe)
  A[name] = function(args)
    local s = spy_of(args, name)
    local n = args[1]
    local calls = #s.calls
    if n == nil then
      if name ~= "called" then error("assert." .. name .. " needs a count", 0) end
      return calls > 0, "Expected to be called, but was not called", "Expected not to be called, but was called " .. calls .. " time(s)"
    end
    return cmp(calls, n), "Expected to be called " .. describe .. n .. " time(s), but was called " .. calls .. " time(s)",
      "Expected not to be called " .. describe .. n .. " time(s), but was called " .. calls .. " time(s)"
  end
end
count_check("called", function(a, b) return a == b end, "")
count_check("called_at_least", function(a, b) return a >= b end, "at least ")
count_check("called_at_most", function(a, b) return a <= b end, "at most ")
count_check("called_more_than", function(a, b) return a > b end, "more than ")
count_check("called_less_than", function(a, b) return a < b end, "less than ")

--- called_with / returned_with: did any recorded call (or return) carry exactly these values?
local function values_check(list_key, what, not_done, done)
  return function(args)
    local s = spy_of(args, what)
    local expected = pack(unpack(args, 1, args.n))
    local records = s[list_key]
    local found = false
    for _, r in ipairs(records) do
      if call_matches(r.vals, expected) then found = true end
    end
    local last = records[#records]
    local heading = list_key == "calls" and "Called with" or "Returned"
    local detail = "\n" .. heading .. " (last call if any):\n" .. (last and show_args(last.vals) or "(not called)") .. "\nExpected:\n" .. show_args(expected)
    return found, not_done .. detail, done .. detail
  end
end

A.called_with = values_check("calls", "called_with", "Function was not called with the arguments", "Function was called with the arguments")
A.returned_with = values_check("returnvals", "returned_with", "Function did not return the values", "Function returned the values")

-- ------------------------------------------------------------------ the chain

local MODIFIERS = { is = true, are = true, was = true, has = true, does = true, a = true, an = true, the = true, be = true, been = true, to = true, ["and"] = true }
local NEGATIONS = { ["not"] = true, no = true }
local CUSTOM = {}

local STATE = {}
local function new_state(tokens, negated, spy)
  return setmetatable({ tokens = tokens, negated = negated, spy = spy }, STATE)
end

local function extend(state, key)
  local tokens = { unpack(rawget(state, "tokens")) }
  local negated = rawget(state, "negated")
  for word in string.gmatch(lower(key), "[^_]+") do
    if NEGATIONS[word] then negated = not negated
    elseif not MODIFIERS[word] then tokens[#tokens + 1] = word end
  end
  return new_state(tokens, negated, rawget(state, "spy"))
end

local function lookup(tokens)
  local name = concat(tokens, "_")
  if ALIAS[name] then name = ALIAS[name] end
  return name, A[name] or CUSTOM[name]
end

STATE.__index = function(state, key)
  if type(key) ~= "string" then return nil end
  return extend(state, key)
end

STATE.__call = function(state, ...)
  local tokens = rawget(state, "tokens")
  local name, fn = lookup(tokens)
  if not fn then
    error("luassert: unknown assertion '" .. concat(tokens, "_") .. "' (renoise-sim knows equal, same, truthy, falsy, true, false, nil, " ..
      "number, string, table, function, boolean, near, matches, unique, error, error_matches, called, called_with, returned_with)", 2)
  end
  local args = pack(...)
  args.spy = rawget(state, "spy")
  local negated = rawget(state, "negated")
  local ok, pos, neg = fn(args, negated)
  local passed = ok
  if negated then passed = not ok end
  if not passed then
    local message = negated and neg or pos
    -- luassert: a message argument after the assertion's own arguments
    local custom = args.message
    fail((custom and (custom .. "\n") or "") .. message, 1)
  end
  return ...
end

-- Positions of the optional message argument (after the assertion's own arguments).
local ARITY = {
  equal = 2, same = 2, truthy = 1, falsy = 1, ["true"] = 1, ["false"] = 1, ["nil"] = 1, near = 3,
  number = 1, string = 1, table = 1, ["function"] = 1, boolean = 1, userdata = 1, thread = 1, unique = 2,
}
for name, fn in pairs(A) do
  local arity = ARITY[name]
  if arity then
    A[name] = function(args, negated)
      if args.n > arity and type(args[arity + 1]) == "string" then args.message = args[arity + 1] end
      return fn(args, negated)
    end
  end
end

local assert = setmetatable({}, {
  __index = function(_, key)
    if type(key) ~= "string" then return nil end
    return extend(new_state({}, false, nil), key)
  end,
  -- assert(v, message, ...) stays Lua's assert: the message gets the caller's position, as the VM's own assert does
  __call = function(_, v, ...)
    if v then return v, ... end
    local message = ...
    if message == nil then message = "assertion failed!" end
    error(message, 2)
  end,
})

-- assert.spy(s).was.called(...) / assert.stub(s)...
rawset(assert, "spy", function(s) return new_state({}, false, s) end)
rawset(assert, "stub", function(s) return new_state({}, false, s) end)

-- assert:register("assertion", name, fn(state, arguments, level) -> bool, positive_message, negative_message)
rawset(assert, "register", function(self, kind, name, fn, pos, neg)
  if kind ~= "assertion" then error("assert:register: renoise-sim supports only 'assertion' (got '" .. tostring(kind) .. "')", 2) end
  CUSTOM[lower(name)] = function(args)
    local ok = fn({}, args, 1)
    return ok, tostring(pos or ("Expected " .. name .. " to hold")), tostring(neg or ("Expected " .. name .. " not to hold"))
  end
end)
rawset(assert, "set_parameter", function() end)
rawset(assert, "fail", function(message) fail(tostring(message or "failed"), 1) end)

-- ------------------------------------------------------------------ spies and stubs

local spy_methods = {}
-- s:returns(...) and s.returns(...) both work (luassert code uses both)
SPY.__index = function(s, k)
  local m = spy_methods[k]
  if m == nil then return nil end
  return function(first, ...)
    if rawequal(first, s) then return m(s, ...) end
    return m(s, first, ...)
  end
end
SPY.__call = function(s, ...)
  local args = pack(...)
  local rets = pack(s.callback(...))
  s.calls[#s.calls + 1] = { vals = args, refs = args }
  s.returnvals[#s.returnvals + 1] = { vals = rets }
  return unpack(rets, 1, rets.n)
end
SPY.__tostring = function(s) return s.is_stub and "stub" or "spy" end

function spy_methods.clear(s)
  s.calls = {}
  s.returnvals = {}
  return s
end
function spy_methods.revert(s)
  if s.target ~= nil then
    if s.was_raw then rawset(s.target, s.key, s.original) else rawset(s.target, s.key, nil) end
    s.target = nil
  end
  return s.original
end
function spy_methods.called(s, n)
  if n == nil then return #s.calls > 0 end
  return #s.calls == n
end
function spy_methods.called_with(s, ...)
  local expected = pack(...)
  for _, call in ipairs(s.calls) do if call_matches(call.vals, expected) then return true end end
  return false
end
function spy_methods.returned_with(s, ...)
  local expected = pack(...)
  for _, r in ipairs(s.returnvals) do if call_matches(r.vals, expected) then return true end end
  return false
end
function spy_methods.returns(s, ...)
  local values = pack(...)
  s.callback = function() return unpack(values, 1, values.n) end
  return s
end
function spy_methods.invokes(s, fn)
  s.callback = fn
  return s
end

local created = {}

local function new_spy(fn, is_stub)
  if fn ~= nil and type(fn) ~= "function" and not (type(fn) == "table" and getmetatable(fn) and getmetatable(fn).__call) then
    error("spy.new expects a function, got " .. type(fn), 3)
  end
  local s = setmetatable({ calls = {}, returnvals = {}, callback = fn or function() end, is_stub = is_stub }, SPY)
  created[#created + 1] = s
  return s
end

local function replace(tbl, key, s, what)
  if not pcall(rawget, tbl, key) then
    error(what .. ": can only replace a field of a table, got " .. type(tbl), 3)
  end
  s.target, s.key = tbl, key
  local raw = rawget(tbl, key)
  s.was_raw = raw ~= nil
  -- rawset: works on Renoise API objects too, whose fields are read-only (renoise.app())
  rawset(tbl, key, s)
  return s
end

local spy = setmetatable({
  new = function(fn) return new_spy(fn, false) end,
  on = function(tbl, key)
    local original = tbl and tbl[key]
    local s = new_spy(original, false)
    s.original = original
    return replace(tbl, key, s, "spy.on")
  end,
  is_spy = function(v) return type(v) == "table" and getmetatable(v) == SPY end,
}, { __call = function(_, fn) return new_spy(fn, false) end })

local function new_stub(tbl, key, ...)
  local values = pack(...)
  local s = new_spy(function() return unpack(values, 1, values.n) end, true)
  if tbl ~= nil then
    s.original = tbl[key]
    replace(tbl, key, s, "stub")
  end
  return s
end
local stub = setmetatable({ new = new_stub }, { __call = function(_, ...) return new_stub(...) end })

local function mock(tbl, use_stubs)
  for k, v in pairs(tbl) do
    if type(v) == "function" then
      if use_stubs then new_stub(tbl, k) else spy.on(tbl, k) end
    end
  end
  return tbl
end

local function revert_all()
  for i = #created, 1, -1 do
    local s = created[i]
    if s.target ~= nil then spy_methods.revert(s) end
  end
  created = {}
end

-- ------------------------------------------------------------------ match

local match = {}
match._ = matcher("_", function() return true end)
match.is_truthy = function() return matcher("is_truthy", function(v) return v ~= nil and v ~= false end) end
match.is_falsy = function() return matcher("is_falsy", function(v) return v == nil or v == false end) end
match.is_true = function() return matcher("is_true", function(v) return v == true end) end
match.is_false = function() return matcher("is_false", function(v) return v == false end) end
match.is_nil = function() return matcher("is_nil", function(v) return v == nil end) end
match.is_not_nil = function() return matcher("is_not_nil", function(v) return v ~= nil end) end
for _, tname in ipairs({ "number", "string", "table", "function", "boolean", "userdata", "thread" }) do
  match["is_" .. tname] = function() return matcher("is_" .. tname, function(v) return type(v) == tname end) end
end
match.equals = function(x) return matcher("equals(" .. valstr(x, 0, {}, nil) .. ")", function(v) return v == x end) end
match.same = function(x) return matcher("same(" .. valstr(x, 0, {}, nil) .. ")", function(v) return (deepsame(v, x)) end) end
match.matches = function(p) return matcher("matches('" .. tostring(p) .. "')", function(v) return type(v) == "string" and find(v, p) ~= nil end) end
match.is_ref = function(x) return matcher("is_ref", function(v) return rawequal(v, x) end) end
match.is_matcher = is_matcher
match.is_equal, match.is_same, match.is_match = match.equals, match.same, match.matches
match.none_of = function(...)
  local ms = pack(...)
  return matcher("none_of", function(v)
    for i = 1, ms.n do if deepsame(v, ms[i]) then return false end end
    return true
  end)
end

return {
  assert = assert,
  spy = spy,
  stub = stub,
  mock = mock,
  match = match,
  is_assertion = is_assertion,
  revert_all = revert_all,
  fail = fail,
}
`;
