/**
 * Lua helpers the bridge itself needs, run once per VM before any prelude.
 * The chunk returns a table of functions the host calls in protected mode.
 *
 * @internal
 */
export const BRIDGE_HELPERS_LUA = String.raw`
local error, tostring, type, select, format, pairs, assert = error, tostring, type, select, string.format, pairs, assert
local unpack = table.unpack
local H = {}

-- Abort flag the host raises once an entry exceeded its instruction limit;
-- the prelude's pcall/xpcall/coroutine wrappers re-raise while it is set.
H.guard = { aborting = false }

function H.get(o, k) return o[k] end
function H.set(o, k, v) o[k] = v end
function H.method(o, name, ...)
  local f = o[name]
  if f == nil then
    error(format("no method '%s' on the %s value", tostring(name), type(o)), 0)
  end
  return f(o, ...)
end

local function keyname(k)
  if type(k) == "string" then return k end
  return tostring(k)
end

-- The __index of a host class, as source specialised by what the class has
-- (kept values, kept lists, cached values): each member read on a userdata
-- runs this function, so it carries no check for what its class lacks. Each
-- variant is compiled once per VM (index_factories); its upvalues are the
-- factory's arguments.
-- KEPT: a kept value (constant or list) is answered from kept_store[self] first.
-- LIST: lists[k] marks a kept list, answered with a fresh copy.
-- CACHED: values the host lets Lua keep until it empties holder[1] (LuaVm.flushValueCache).
local INDEX_SOURCE = [==[
local methods, getters, cached, holder, kept, kept_store, lists, type_name, keyname = ...
local error, format, type, unpack = error, string.format, type, table.unpack
return function(self, k)
  --[KEPT[
  local c = kept_store[self]
  if c ~= nil then
    local v = c[k]
    if v ~= nil then
      --[LIST[ if lists[k] then return { unpack(v) } end ]LIST]
      return v
    end
  end
  local how = kept[k]
  if how ~= nil then
    local v = getters[k](self) -- not a tail call: keeps error levels right
    c = kept_store[self] -- read after the call: the host may have emptied the store meanwhile
    if c == nil then c = {} kept_store[self] = c end
    if how == 1 then c[k] = v elseif type(v) == "table" then c[k] = { unpack(v) } end
    return v
  end
  ]KEPT]
  local m = methods[k]
  if m ~= nil then return m end
  --[CACHED[
  if cached[k] then
    local c = holder[1][self]
    if c ~= nil then
      local v = c[k]
      if v ~= nil then return v end
    end
    local v = getters[k](self)
    local store = holder[1] -- read after the call: the host may have emptied it meanwhile
    c = store[self]
    if c == nil then c = {} store[self] = c end
    c[k] = v
    return v
  end
  ]CACHED]
  local g = getters[k]
  if g ~= nil then
    local v = g(self) -- not a tail call: keeps error levels right
    return v
  end
  error(format("unknown property or function '%s' for an object of type '%s'",
    keyname(k), type_name), 2)
end
]==]

local load, gsub = load, string.gsub
local index_factories = {}

-- The factory of the __index variant with these parts (compiled on first use).
local function index_factory(has_kept, has_lists, has_cached)
  local key = (has_kept and "K" or "") .. (has_lists and "L" or "") .. (has_cached and "C" or "")
  local f = index_factories[key]
  if f == nil then
    local src = INDEX_SOURCE
    for part, on in pairs({ KEPT = has_kept, LIST = has_lists, CACHED = has_cached }) do
      -- Keeps a part's lines (so line numbers stay those of INDEX_SOURCE) or blanks them.
      src = gsub(src, "%-%-%[" .. part .. "%[(.-)%]" .. part .. "%]", function(body)
        if on then return body end
        return (gsub(body, "[^\n]", ""))
      end)
    end
    f = assert(load(src, "=[renoise-sim host class]"))
    index_factories[key] = f
  end
  return f
end

-- Builds the metatable of a host class (JS objects seen as userdata).
-- kept: { [name] = 1 } for properties whose value Lua keeps per object, 2 for
-- sequences it keeps and hands out as a fresh copy per read; kept_store: where
-- (weak keys: kept_store[self][name]), emptied in place by the host.
function H.make_class(type_name, methods, getters, setters, tostring_fn, same, info, lt, le, cached, holder,
                      kept, kept_store)
  local mt = { __name = type_name, __rsim_type = type_name, __rsim_info = info }
  local lists = nil
  if kept ~= nil then
    for name, how in pairs(kept) do
      if how == 2 then lists = lists or {} lists[name] = true end
    end
  end
  mt.__index = index_factory(kept ~= nil, lists ~= nil, cached ~= nil)(
    methods, getters, cached, holder, kept, kept_store, lists, type_name, keyname)
  mt.__newindex = function(self, k, v)
    local s = setters[k]
    if s ~= nil then
      s(self, v)
      return
    end
    if getters[k] ~= nil or methods[k] ~= nil then
      error(format("property '%s' of an object of type '%s' is read-only",
        keyname(k), type_name), 2)
    end
    error(format("unknown property '%s' for an object of type '%s'",
      keyname(k), type_name), 2)
  end
  mt.__eq = same
  if tostring_fn ~= nil then mt.__tostring = tostring_fn end
  if lt ~= nil then mt.__lt = lt mt.__le = le end
  return mt
end

return H
`;
