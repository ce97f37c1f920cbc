/**
 * Lua helpers of the views binding (views-binding.ts): identity keys for
 * notifier functions and objects (so has/remove_notifier find what
 * add_notifier added), a constructor table flattened into one call, the
 * `bind = observable` side of a view (views-bind.ts) and the callable
 * `renoise.ViewBuilder` table with its constants.
 *
 * Arguments: the constants table, a table holding the host's
 * `new_builder` function (read when `renoise.ViewBuilder()` is called, so
 * the chunk can run in the tool VM template: see lua-preload.ts).
 * Returns `ident, flat, ViewBuilder, bind`.
 *
 * @internal
 */
export const VIEWS_LUA = String.raw`
local constants, host = ...
local next, type, setmetatable, unpack = next, type, setmetatable, table.unpack
local rawget, rawequal, select, tinsert, tremove, min = rawget, rawequal, select, table.insert, table.remove, math.min

local ids, last = setmetatable({}, { __mode = "k" }), 0
local H = {}

--- A number standing for a Lua value's identity (functions, tables, userdata).
function H.ident(v)
  local id = ids[v]
  if id == nil then
    last = last + 1
    id = last
    ids[v] = id
  end
  return id
end

--- n, then key, value pairs of a table (children under 1..#t first, in order).
function H.flat(t)
  local out, n = {}, 0
  local len = #t
  for i = 1, len do
    out[n + 1], out[n + 2] = i, t[i]
    n = n + 2
  end
  for k, v in next, t do
    if not (type(k) == "number" and k >= 1 and k <= len and k % 1 == 0) then
      out[n + 1], out[n + 2] = k, v
      n = n + 2
    end
  end
  return n / 2, unpack(out, 1, n)
end

-- bind = observable ----------------------------------------------------------

local OBSERVABLE = {
  boolean = "ObservableBoolean", number = "ObservableNumber", string = "ObservableString",
  strings = "ObservableStringList",
}

-- Puts fn first among the observable's notifiers (a bound view follows before
-- the tool's own notifiers run), out of the tool's sight (has_notifier does
-- not find it). Returns a function removing it again.
local function attach(obs, fn)
  local list = rawget(obs, "__notifiers")
  tinsert(list, 1, { fn = fn })
  return function()
    for i = 1, #list do
      if rawequal(list[i].fn, fn) then tremove(list, i) return end
    end
  end
end

--- bind(kind, target, changed): the observable side of a bound view.
--- kind: "boolean" | "number" | "string" | "strings" (an ObservableStringList) | "xy" ({x =, y =} numbers).
--- A mismatch returns false, what was given (type), where ("" or ".x"/".y").
--- Else true, get (-> the value(s)), set (value(s)), start (changed() on every
--- change of the observable(s)), stop.
function H.bind(kind, target, changed)
  if kind == "xy" then
    if type(target) ~= "table" then return false, type(target), "" end
    local x, y = target.x, target.y
    if type(x) ~= "ObservableNumber" or type(rawget(x, "__notifiers")) ~= "table" then return false, type(x), ".x" end
    if type(y) ~= "ObservableNumber" or type(rawget(y, "__notifiers")) ~= "table" then return false, type(y), ".y" end
    local dx, dy
    return true,
      function() return x.value, y.value end,
      function(vx, vy) x.value = vx y.value = vy end,
      function() if dx == nil then dx, dy = attach(x, changed), attach(y, changed) end end,
      function() if dx ~= nil then dx() dy() dx, dy = nil, nil end end
  end
  if type(target) ~= OBSERVABLE[kind] or type(rawget(target, "__notifiers")) ~= "table" then return false, type(target), "" end
  if kind ~= "strings" then
    local d
    return true,
      function() return target.value end,
      function(v) target.value = v end,
      function() if d == nil then d = attach(target, changed) end end,
      function() if d ~= nil then d() d = nil end end
  end
  -- A string list: its own notifier (insert, remove, swap) and each item's value.
  local d, items = nil, {}
  local function unwatch() for i = 1, #items do items[i]() end items = {} end
  local function watch() unwatch() for i = 1, #target do items[i] = attach(target[i], changed) end end
  return true,
    function()
      local out, n = {}, #target
      for i = 1, n do out[i] = target[i].value end
      return unpack(out, 1, n)
    end,
    function(...)
      local n, lines = select("#", ...), { ... }
      for i = 1, min(n, #target) do target[i].value = lines[i] end
      while #target > n do target:remove() end
      for i = #target + 1, n do target:insert(lines[i]) end
    end,
    function() if d == nil then d = attach(target, function() watch() changed() end) watch() end end,
    function() if d ~= nil then d() d = nil unwatch() end end
end

local VB = {}
for k, v in next, constants do VB[k] = v end
H.ViewBuilder = setmetatable(VB, {
  __call = function() return host.new_builder() end,
  __rsim_type = "ViewBuilder class",
})

return H.ident, H.flat, H.ViewBuilder, H.bind
`;
