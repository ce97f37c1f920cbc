/**
 * Lua helpers the bridge itself needs, run once per VM before any prelude.
 * The chunk returns a table of functions the host calls in protected mode.
 *
 * @internal
 */
export const BRIDGE_HELPERS_LUA = String.raw`
local error, tostring, type, select, format = error, tostring, type, select, string.format
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

-- Builds the metatable of a host class (JS objects seen as userdata).
-- kept: { [name] = 1 } for properties whose value Lua keeps per object, 2 for
-- sequences it keeps and hands out as a fresh copy per read; kept_store: where
-- (weak keys: kept_store[self][name]), emptied in place by the host.
function H.make_class(type_name, methods, getters, setters, tostring_fn, same, info, lt, le, cached, holder,
                      kept, kept_store)
  local mt = { __name = type_name, __rsim_type = type_name, __rsim_info = info }
  mt.__index = function(self, k)
    if kept ~= nil then
      local how = kept[k]
      if how ~= nil then
        local c = kept_store[self]
        if c ~= nil then
          local v = c[k]
          if v ~= nil then
            if how == 2 then return { unpack(v) } end
            return v
          end
        end
        local v = getters[k](self)
        c = kept_store[self] -- read after the call: the host may have emptied the store meanwhile
        if c == nil then c = {} kept_store[self] = c end
        if how == 1 then c[k] = v elseif type(v) == "table" then c[k] = { unpack(v) } end
        return v
      end
    end
    local m = methods[k]
    if m ~= nil then return m end
    if cached ~= nil and cached[k] then
      -- A value the host lets Lua keep until it empties holder[1] (see LuaVm.flushValueCache).
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
    local g = getters[k]
    if g ~= nil then
      local v = g(self) -- not a tail call: keeps error levels right
      return v
    end
    error(format("unknown property or function '%s' for an object of type '%s'",
      keyname(k), type_name), 2)
  end
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
