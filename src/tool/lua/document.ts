/**
 * Lua source of a minimal `renoise.Document`: `DocumentNode` (luabind-style,
 * so tools may derive from it), `ObservableBoolean/Number/String` with a
 * `.value` property and notifiers, and `create(model)(properties)`.
 * Enough for tool preferences; lists and serialisation are not modelled.
 *
 * Runs with the observable module (observable.ts) as its argument and
 * returns the `renoise.Document` table plus `values(doc)` / `load(doc, t)`
 * for the host.
 *
 * @internal
 */
export const DOCUMENT_LUA = String.raw`
local observable = ...
local type, error, rawset, rawget, pairs, ipairs, tostring, format, sort, setmetatable =
  type, error, rawset, rawget, pairs, ipairs, tostring, string.format, table.sort, setmetatable
local G = _G

-- Classes are declared through the prelude's class(), then taken out of _G.
local function declare(name, base)
  local saved = rawget(G, name)
  if base then class(name)(base) else class(name) end
  local cls = rawget(G, name)
  rawset(G, name, saved)
  return cls
end

local function observable_value(name, lua_type, default)
  local cls = declare(name)
  function cls:__init(value)
    if value == nil then value = default end
    if type(value) ~= lua_type then
      error(format("%s: value must be a %s, got %s", name, lua_type, type(value)), 3)
    end
    rawset(self, "__value", value)
    rawset(self, "__notifiers", {})
  end
  cls.value = property(
    function(self) return rawget(self, "__value") end,
    function(self, v)
      if type(v) ~= lua_type then
        error(format("%s.value: a %s is expected, got %s", name, lua_type, type(v)), 3)
      end
      if rawget(self, "__value") ~= v then
        rawset(self, "__value", v)
        observable.fire(self)
      end
    end)
  function cls:__tostring() return tostring(rawget(self, "__value")) end
  observable.mixin(cls)
  return cls
end

local ObservableBoolean = observable_value("ObservableBoolean", "boolean", false)
local ObservableNumber = observable_value("ObservableNumber", "number", 0)
local ObservableString = observable_value("ObservableString", "string", "")
local by_type = { boolean = ObservableBoolean, number = ObservableNumber, string = ObservableString }

local DocumentNode = declare("DocumentNode")
local is_node = setmetatable({}, { __mode = "k" })

function DocumentNode:__init()
  rawset(self, "__names", {})
  is_node[self] = true
end

local function is_property_object(v)
  local t = type(v)
  return t == "ObservableBoolean" or t == "ObservableNumber" or t == "ObservableString" or is_node[v] == true
end

function DocumentNode:add_property(name, value)
  if type(name) ~= "string" or name == "" then
    error("add_property: the name must be a non-empty string, got " .. type(name), 2)
  end
  if rawget(self, name) ~= nil then
    error(format("add_property: a property named '%s' exists already", name), 2)
  end
  local prop
  local cls = by_type[type(value)]
  if cls ~= nil then
    prop = cls(value)
  elseif is_property_object(value) then
    prop = value
  else
    error(format("add_property: renoise-sim documents hold booleans, numbers, strings, observables and " ..
      "nested documents; got %s for '%s'", type(value), name), 2)
  end
  rawset(self, name, prop)
  local names = rawget(self, "__names")
  names[#names + 1] = name
  return prop
end

function DocumentNode:property(name)
  local names = rawget(self, "__names")
  for _, n in ipairs(names) do
    if n == name then return rawget(self, n) end
  end
  return nil
end

function DocumentNode:remove_property(prop)
  local names = rawget(self, "__names")
  for i, n in ipairs(names) do
    if rawget(self, n) == prop then
      table.remove(names, i)
      rawset(self, n, nil)
      return
    end
  end
  error("remove_property: the property is not part of this document", 2)
end

local Document = {
  DocumentNode = DocumentNode,
  ObservableBoolean = ObservableBoolean,
  ObservableNumber = ObservableNumber,
  ObservableString = ObservableString,
}

--- renoise.Document.create(model_name) { name = default, ... }: keys are added in sorted order.
function Document.create(model_name)
  if type(model_name) ~= "string" then
    error("bad argument #1 to 'create' (model name string expected, got " .. type(model_name) .. ")", 2)
  end
  return function(properties)
    if type(properties) ~= "table" then
      error("renoise.Document.create('" .. model_name .. "'): a table of properties is expected, got " ..
        type(properties), 2)
    end
    local doc = DocumentNode()
    local keys = {}
    for k in pairs(properties) do keys[#keys + 1] = k end
    sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(keys) do doc:add_property(k, properties[k]) end
    return doc
  end
end

local host = {}

function host.is_document(v) return is_node[v] == true end

--- Flattened name, value pairs of the scalar properties of doc.
function host.values(doc)
  local out, n = {}, 0
  for _, name in ipairs(rawget(doc, "__names")) do
    local p = rawget(doc, name)
    if not is_node[p] then
      out[n + 1], out[n + 2] = name, p.value
      n = n + 2
    end
  end
  return table.unpack(out, 1, n)
end

--- Sets values saved by the user (options.preferences) into doc; returns unknown names.
function host.load(doc, values)
  local unknown = {}
  local keys = {}
  for k in pairs(values) do keys[#keys + 1] = k end
  sort(keys)
  for _, k in ipairs(keys) do
    local p = doc:property(k)
    if p == nil or is_node[p] then
      unknown[#unknown + 1] = k
    else
      local v = values[k]
      if type(v) ~= type(p.value) then
        error(format("options.preferences.%s is a %s, but the tool's preference '%s' is a %s",
          k, type(v), k, type(p.value)), 0)
      end
      p.value = v
    end
  end
  return table.concat(unknown, ",")
end

return Document, host
`;
