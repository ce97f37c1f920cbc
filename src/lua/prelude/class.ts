/**
 * Prelude: luabind-style classes as Renoise offers them, and the Renoise
 * versions of `type` and `rawequal`.
 *
 *   class "Animal"
 *   function Animal:__init(name) self.name = name end
 *   class "Mammal" (Animal)
 *   function Mammal:__init(name) Animal.__init(self, name) end
 *   local m = Mammal("cow")   -- type(m) == "Mammal", type(Mammal) == "Mammal class"
 *   ns = {}
 *   class (ns, "Cat") (Animal) -- defines ns.Cat (no global); type(ns.Cat()) == "Cat"
 *
 * Members are looked up dynamically through the base chain, so methods may
 * be added to a base class after derived classes were declared. Operators
 * (`__tostring`, `__eq`, `__lt`, `__le`, `__add`, ... `__call`, `__len`)
 * defined as class members apply to instances; `property(get, set)` members
 * act as luabind properties.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const CLASS_LUA = String.raw`
local host = ...
local G = _G
local rawtype, rawget, rawset, rawequal_, setmetatable, error, tostring =
  type, rawget, rawset, rawequal, setmetatable, error, tostring
local getmt, rawlen = debug.getmetatable, rawlen
local sfmt, gsub = string.format, string.gsub
local host_same = host.same

local classes = setmetatable({}, { __mode = "k" }) -- class table -> { name, base, mt }
local Property = {}

function G.property(get, set)
  return setmetatable({ get = get, set = set }, Property)
end

local function lookup(cls, k)
  repeat
    local v = rawget(cls, k)
    if v ~= nil then return v end
    cls = classes[cls].base
  until cls == nil
  return nil
end

local function is_property(v)
  return rawtype(v) == "table" and getmt(v) == Property
end

local function address(v)
  return (gsub(sfmt("%p", v), "^0x", ""))
end

local function make_instance_mt(cls, info)
  local mt = { __luabind_instance = cls }
  mt.__index = function(self, k)
    local v = lookup(cls, k)
    if is_property(v) then
      if v.get == nil then error(sfmt("property '%s' is write-only", tostring(k)), 2) end
      local r = v.get(self)
      return r
    end
    return v
  end
  mt.__newindex = function(self, k, v)
    local p = lookup(cls, k)
    if is_property(p) then
      if p.set == nil then error(sfmt("property '%s' is read-only", tostring(k)), 2) end
      p.set(self, v)
      return
    end
    rawset(self, k, v)
  end
  mt.__tostring = function(self)
    local f = lookup(cls, "__tostring")
    if f ~= nil then return f(self) end
    return info.name .. " object: " .. address(self)
  end
  local function binary(ev, fallback)
    mt[ev] = function(a, b)
      local ca, cb = getmt(a), getmt(b)
      local f = (ca and ca.__luabind_instance and lookup(ca.__luabind_instance, ev))
        or (cb and cb.__luabind_instance and lookup(cb.__luabind_instance, ev))
      if f ~= nil then return f(a, b) end
      return fallback(a, b, ev)
    end
  end
  local function no_op(a, b, ev)
    error(sfmt("attempt to perform '%s' on a %s value", ev, G.type(a)), 3)
  end
  binary("__eq", function() return false end)
  binary("__lt", function(a, b)
    error(sfmt("attempt to compare two %s values", G.type(a)), 3)
  end)
  binary("__le", function(a, b)
    -- Lua 5.1: a <= b falls back to not (b < a)
    local ca = getmt(b) and getmt(b).__luabind_instance
    local lt = ca and lookup(ca, "__lt")
    if lt ~= nil then return not lt(b, a) end
    error(sfmt("attempt to compare two %s values", G.type(a)), 3)
  end)
  for _, ev in ipairs({ "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__concat" }) do
    binary(ev, no_op)
  end
  mt.__unm = function(a)
    local f = lookup(cls, "__unm")
    if f ~= nil then return f(a) end
    no_op(a, nil, "__unm")
  end
  mt.__len = function(a)
    local f = lookup(cls, "__len")
    if f ~= nil then return f(a) end
    return rawlen(a)
  end
  mt.__call = function(self, ...)
    local f = lookup(cls, "__call")
    if f ~= nil then return f(self, ...) end
    error(sfmt("attempt to call a %s value", info.name), 2)
  end
  return mt
end

function G.class(a, b)
  -- class "Name" defines the global Name; class (namespace, "Name") defines namespace.Name.
  local target, name = G, a
  if rawtype(a) == "table" and b ~= nil then
    if rawtype(b) ~= "string" then
      error("bad argument #2 to 'class' (string expected, got " .. rawtype(b) .. ")", 2)
    end
    target, name = a, b
  elseif rawtype(a) ~= "string" then
    error("bad argument #1 to 'class' (string or namespace table expected, got " .. rawtype(a) .. ")", 2)
  end
  local cls = {}
  local info = { name = name }
  classes[cls] = info
  local instance_mt = make_instance_mt(cls, info)
  info.mt = instance_mt
  setmetatable(cls, {
    __luabind_classname = name,
    __call = function(_, ...)
      local obj = setmetatable({}, instance_mt)
      local init = lookup(cls, "__init")
      if init ~= nil then init(obj, ...) end
      return obj
    end,
    __index = function(_, k)
      local base = info.base
      if base ~= nil then return base[k] end
      return nil
    end,
    __tostring = function() return name .. " class: " .. address(cls) end,
  })
  rawset(target, name, cls)
  return function(base)
    if classes[base] == nil then
      error("class '" .. name .. "': base class expected, got " .. G.type(base), 2)
    end
    info.base = base
  end
end

-- Renoise's type(): class objects report their class name.
function G.type(v)
  local t = rawtype(v)
  if t == "table" or t == "userdata" then
    local mt = getmt(v)
    if mt ~= nil then
      local cls = rawget(mt, "__luabind_instance")
      if cls ~= nil then return classes[cls].name end
      local cname = rawget(mt, "__luabind_classname")
      if cname ~= nil then return cname .. " class" end
      local hname = rawget(mt, "__rsim_type")
      if hname ~= nil then return hname end
    end
  end
  return t
end

-- Renoise's rawequal(): also true for two handles of one API object.
function G.rawequal(a, b)
  if rawequal_(a, b) then return true end
  if rawtype(a) == "userdata" and rawtype(b) == "userdata" then
    return host_same(a, b)
  end
  return false
end

-- For objinfo/oprint (stdlib prelude).
host.class_info = function(v)
  local mt = getmt(v)
  if mt == nil then return nil end
  local cls = rawget(mt, "__luabind_instance")
  if cls == nil then return nil end
  local members = {}
  local c = cls
  while c ~= nil do
    for k, m in pairs(c) do
      if members[k] == nil then members[k] = m end
    end
    c = classes[c].base
  end
  return classes[cls].name, members, is_property
end
`;
