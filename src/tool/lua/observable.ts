/**
 * Lua source of `renoise.Document.Observable`: a list of notifiers added as
 * `fn` or `(obj, fn)`, compared by identity (`rawequal`), as Renoise's
 * observables do. Runs after the VM prelude; returns
 * `{ Observable, new, fire, count }` for the other binding chunks.
 *
 * Renoise raises when a notifier is added twice or removed without having
 * been added; so does this.
 *
 * @internal
 */
export const OBSERVABLE_LUA = String.raw`
local type, error, rawequal, select, setmetatable, format, remove =
  type, error, rawequal, select, setmetatable, string.format, table.remove

local Observable = {}
local mt = { __index = Observable, __rsim_type = "Observable" }
mt.__tostring = function() return "Observable" end

local function is_fn(v) return type(v) == "function" end

-- (fn) or (obj, fn) -> obj, fn; raises at the caller of the method.
local function split(fname, n, a, b)
  if n <= 1 then
    if not is_fn(a) then
      error(format("bad argument #1 to '%s' (function or (object, function) expected, got %s)",
        fname, type(a)), 3)
    end
    return nil, a
  end
  if not is_fn(b) then
    error(format("bad argument #2 to '%s' (function expected, got %s)", fname, type(b)), 3)
  end
  return a, b
end

local function find(list, obj, fn)
  for i = 1, #list do
    local e = list[i]
    if rawequal(e.obj, obj) and rawequal(e.fn, fn) then return i end
  end
  return nil
end

local function changed(self)
  local cb = self.__on_change
  if cb ~= nil then cb(#self.__notifiers) end
end

function Observable:add_notifier(...)
  local obj, fn = split("add_notifier", select("#", ...), ...)
  if find(self.__notifiers, obj, fn) then
    error("add_notifier: this notifier was already added; test has_notifier() before adding", 2)
  end
  local list = self.__notifiers
  list[#list + 1] = { obj = obj, fn = fn }
  changed(self)
end

function Observable:remove_notifier(...)
  local n, a = select("#", ...), ...
  local list = self.__notifiers
  if n == 1 and not is_fn(a) and a ~= nil then
    -- remove_notifier(obj): every notifier of that object
    local removed = false
    for i = #list, 1, -1 do
      if rawequal(list[i].obj, a) then remove(list, i) removed = true end
    end
    if not removed then
      error("remove_notifier: no notifier of this object was added; test has_notifier() first", 2)
    end
    changed(self)
    return
  end
  local obj, fn = split("remove_notifier", n, ...)
  local i = find(list, obj, fn)
  if i == nil then
    error("remove_notifier: this notifier was not added; test has_notifier() before removing", 2)
  end
  remove(list, i)
  changed(self)
end

function Observable:has_notifier(...)
  local n, a = select("#", ...), ...
  if n == 1 and not is_fn(a) and a ~= nil then
    for _, e in ipairs(self.__notifiers) do
      if rawequal(e.obj, a) then return true end
    end
    return false
  end
  local obj, fn = split("has_notifier", n, ...)
  return find(self.__notifiers, obj, fn) ~= nil
end

local M = { Observable = Observable }

--- A new observable; on_change(count) runs whenever notifiers are added or removed.
function M.new(on_change)
  return setmetatable({ __notifiers = {}, __on_change = on_change }, mt)
end

--- Calls every notifier (a snapshot: notifiers added meanwhile wait for the next time,
--- notifiers removed meanwhile are skipped).
function M.fire(self, ...)
  local list = self.__notifiers
  local n = #list
  if n <= 1 then
    -- One notifier (the usual idle observable): the snapshot would hold just it, and it is still there.
    local e = list[1]
    if e == nil then return end
    if e.obj ~= nil then e.fn(e.obj, ...) else e.fn(...) end
    return
  end
  local snapshot = { table.unpack(list) }
  for i = 1, #snapshot do
    local e = snapshot[i]
    if find(list, e.obj, e.fn) then
      if e.obj ~= nil then e.fn(e.obj, ...) else e.fn(...) end
    end
  end
end

--- Mixes the notifier methods into a class (observable values of documents).
function M.mixin(cls)
  cls.add_notifier = Observable.add_notifier
  cls.remove_notifier = Observable.remove_notifier
  cls.has_notifier = Observable.has_notifier
end

return M
`;
