/**
 * Lua source of `renoise.Document`: `DocumentNode` (luabind-style, so tools
 * derive from it with `class "X" (renoise.Document.DocumentNode)`),
 * `ObservableBoolean/Number/String` (value, notifiers, to_string/from_string,
 * arithmetic), the list forms `ObservableBooleanList/NumberList/StringList`
 * and `DocumentList` (insert/remove/swap/find with Renoise's notification
 * tables), `create(model)(properties)`, `instantiate(model)`, and
 * `save_as`/`load_from` in the XML of src/renoise/document/xml.ts (written
 * and read through the tool's io, so files land in the tool folder or
 * wherever the tool's paths point).
 *
 * Arguments: the observable module (observable.ts) and `xml`
 * (`write(events...) -> text`, `read(text) -> ok, events...`).
 * Returns the `renoise.Document` table plus host helpers.
 *
 * @internal
 */
export const DOCUMENT_LUA = String.raw`
local observable, xml = ...
local type, error, rawset, rawget, pairs, ipairs, tostring, tonumber, format, sort, setmetatable, select, pcall =
  type, error, rawset, rawget, pairs, ipairs, tostring, tonumber, string.format, table.sort, setmetatable, select, pcall
local insert, remove, concat, unpack = table.insert, table.remove, table.concat, table.unpack
local G = _G

-- Classes are declared through the prelude's class(), then taken out of _G.
local function declare(name, base)
  local saved = rawget(G, name)
  if base then class(name)(base) else class(name) end
  local cls = rawget(G, name)
  rawset(G, name, saved)
  return cls
end

local function valid_name(name)
  return type(name) == "string" and name:match("^[%a_][%w_]*$") ~= nil
end

local function num_text(v)
  if v == math.floor(v) and v > -1e15 and v < 1e15 then return format("%d", v) end
  return format("%.14g", v)
end

---------------------------------------------------------------------------
-- observable values

local value_kind = {} -- class -> "boolean" | "number" | "string"
local is_value = setmetatable({}, { __mode = "k" })

local function observable_value(name, lua_type, default)
  local cls = declare(name)
  value_kind[cls] = lua_type
  function cls:__init(value)
    if value == nil then value = default end
    if type(value) ~= lua_type then
      error(format("%s: value must be a %s, got %s", name, lua_type, type(value)), 3)
    end
    rawset(self, "__value", value)
    rawset(self, "__notifiers", {})
    is_value[self] = lua_type
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
  function cls:__tostring() return self:to_string() end
  function cls:to_string()
    local v = rawget(self, "__value")
    if lua_type == "number" then return num_text(v) end
    return tostring(v)
  end
  function cls:from_string(s)
    if lua_type == "string" then self.value = s
    elseif lua_type == "boolean" then
      if s == "true" then self.value = true elseif s == "false" then self.value = false end
    else
      local n = tonumber(s)
      if n ~= nil then self.value = n end
    end
    return self:to_string()
  end
  observable.mixin(cls)
  return cls
end

local ObservableBoolean = observable_value("ObservableBoolean", "boolean", false)
local ObservableNumber = observable_value("ObservableNumber", "number", 0)
local ObservableString = observable_value("ObservableString", "string", "")
local by_type = { boolean = ObservableBoolean, number = ObservableNumber, string = ObservableString }

local function val(x)
  if type(x) == "ObservableNumber" then return rawget(x, "__value") end
  return x
end
ObservableNumber.__add = function(a, b) return val(a) + val(b) end
ObservableNumber.__sub = function(a, b) return val(a) - val(b) end
ObservableNumber.__mul = function(a, b) return val(a) * val(b) end
ObservableNumber.__div = function(a, b) return val(a) / val(b) end
ObservableNumber.__mod = function(a, b) return val(a) % val(b) end
ObservableNumber.__pow = function(a, b) return val(a) ^ val(b) end
ObservableNumber.__unm = function(a) return -val(a) end
ObservableNumber.__lt = function(a, b) return val(a) < val(b) end
ObservableNumber.__le = function(a, b) return val(a) <= val(b) end
ObservableString.__concat = function(a, b)
  local function s(x) if type(x) == "ObservableString" then return rawget(x, "__value") end return x end
  return s(a) .. s(b)
end

---------------------------------------------------------------------------
-- lists

local is_list = setmetatable({}, { __mode = "k" }) -- list -> item kind ("boolean", "number", "string", "node")
local is_node = setmetatable({}, { __mode = "k" })

local function check_pos(fname, pos, lo, hi)
  if type(pos) ~= "number" or pos % 1 ~= 0 or pos < lo or pos > hi then
    error(format("%s: index %s is out of range (%d - %d)", fname, tostring(pos), lo, hi), 3)
  end
end

local function make_list(type_name, kind)
  local methods = {}
  local mt = {
    __rsim_type = type_name,
    __len = function(self) return #rawget(self, "__items") end,
    __tostring = function() return type_name end,
    __index = function(self, k)
      if type(k) == "number" then return rawget(self, "__items")[k] end
      local m = methods[k]
      if m == nil and type(k) == "string" and k:sub(1, 2) == "__" then return nil end
      if m == nil then
        error(format("unknown property or function '%s' for an object of type '%s'", tostring(k), type_name), 2)
      end
      return m
    end,
    __newindex = function(_, k)
      error(format("cannot assign '%s' of an object of type '%s'", tostring(k), type_name), 2)
    end,
  }
  local function wrap_item(fname, v)
    if kind == "node" then
      if not is_node[v] then error(format("%s: a DocumentNode is expected, got %s", fname, type(v)), 3) end
      return v
    end
    if type(v) ~= kind then error(format("%s: a %s is expected, got %s", fname, kind, type(v)), 3) end
    return by_type[kind](v)
  end
  function methods:size() return #rawget(self, "__items") end
  function methods:property(i) return rawget(self, "__items")[i] end
  function methods:insert(a, b)
    local items = rawget(self, "__items")
    local pos, v = #items + 1, a
    if b ~= nil then pos, v = a, b end
    check_pos("insert", pos, 1, #items + 1)
    local item = wrap_item("insert", v)
    insert(items, pos, item)
    observable.fire(self, { type = "insert", index = pos })
    return item
  end
  function methods:remove(pos)
    local items = rawget(self, "__items")
    if pos == nil then pos = #items end
    check_pos("remove", pos, 1, #items)
    remove(items, pos)
    observable.fire(self, { type = "remove", index = pos })
  end
  function methods:swap(i1, i2)
    local items = rawget(self, "__items")
    check_pos("swap", i1, 1, #items)
    check_pos("swap", i2, 1, #items)
    items[i1], items[i2] = items[i2], items[i1]
    observable.fire(self, { type = "swap", index1 = i1, index2 = i2 })
  end
  function methods:find(a, b)
    local items = rawget(self, "__items")
    local start, v = 1, a
    if b ~= nil then start, v = a, b end
    for i = start, #items do
      local it = items[i]
      if (kind == "node" and rawequal(it, v)) or (kind ~= "node" and rawget(it, "__value") == val(v)) then return i end
    end
    return nil
  end
  methods.add_notifier = observable.Observable.add_notifier
  methods.remove_notifier = observable.Observable.remove_notifier
  methods.has_notifier = observable.Observable.has_notifier
  local ctor = setmetatable({}, {
    __call = function()
      local l = setmetatable({ __items = {}, __notifiers = {} }, mt)
      is_list[l] = kind
      return l
    end,
    __rsim_type = type_name .. " class",
  })
  return ctor
end

local ObservableBooleanList = make_list("ObservableBooleanList", "boolean")
local ObservableNumberList = make_list("ObservableNumberList", "number")
local ObservableStringList = make_list("ObservableStringList", "string")
local DocumentList = make_list("DocumentList", "node")
local list_by_type = { boolean = ObservableBooleanList, number = ObservableNumberList, string = ObservableStringList }

---------------------------------------------------------------------------
-- nodes

local DocumentNode = declare("DocumentNode")
local models = {} -- model name -> properties table given to create()

function DocumentNode:__init()
  rawset(self, "__names", {})
  is_node[self] = true
end

local function model_of(node)
  return rawget(node, "__model") or type(node)
end

local function is_property_object(v)
  return is_value[v] ~= nil or is_list[v] ~= nil or is_node[v] == true
end

local create_node

--- The property object for a value given to add_property / create.
local function property_for(fname, name, value)
  local t = type(value)
  if by_type[t] then return by_type[t](value) end
  if is_property_object(value) then return value end
  if t == "table" and getmetatable(value) == nil then
    local n = #value
    local keys = 0
    for _ in pairs(value) do keys = keys + 1 end
    if keys == 0 then
      error(format("%s: '%s' is an empty table; use an Observable*List or DocumentList for an empty list", fname, name), 3)
    end
    if n == keys then
      local kind = type(value[1])
      local ctor = list_by_type[kind]
      if ctor == nil then error(format("%s: list '%s' holds %ss; lists hold booleans, numbers or strings", fname, name, kind), 3) end
      local list = ctor()
      for i = 1, n do
        if type(value[i]) ~= kind then
          error(format("%s: list '%s' mixes %ss and %ss", fname, name, kind, type(value[i])), 3)
        end
        list:insert(value[i])
      end
      return list
    end
    return create_node(name, value, fname)
  end
  error(format("%s: '%s' cannot hold a %s (booleans, numbers, strings, lists, observables and nodes can)", fname, name, t), 3)
end

function DocumentNode:add_property(name, value)
  if not valid_name(name) then
    error(format("add_property: '%s' is not a valid property name (letters, digits and _, not starting with a digit)",
      tostring(name)), 2)
  end
  if rawget(self, "__names") == nil then
    error("add_property: the node is not initialized; call renoise.Document.DocumentNode.__init(self) in __init", 2)
  end
  for _, n in ipairs(rawget(self, "__names")) do
    if n == name then error(format("add_property: a property named '%s' exists already", name), 2) end
  end
  local prop = property_for("add_property", name, value)
  rawset(self, name, prop)
  local names = rawget(self, "__names")
  names[#names + 1] = name
  return prop
end

function DocumentNode:add_properties(t)
  if type(t) ~= "table" then error("add_properties: a table is expected, got " .. type(t), 2) end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do self:add_property(k, t[k]) end
end

function DocumentNode:property(name)
  for _, n in ipairs(rawget(self, "__names")) do
    if n == name then return rawget(self, n) end
  end
  return nil
end

function DocumentNode:remove_property(prop)
  local names = rawget(self, "__names")
  for i, n in ipairs(names) do
    if rawget(self, n) == prop then
      remove(names, i)
      rawset(self, n, nil)
      return
    end
  end
  error("remove_property: the property is not part of this document", 2)
end

create_node = function(model_name, properties, fname)
  local doc = DocumentNode()
  rawset(doc, "__model", model_name)
  local keys = {}
  for k in pairs(properties) do
    if not valid_name(k) then
      error(format("%s: '%s' is not a valid property name", fname or "create", tostring(k)), 3)
    end
    keys[#keys + 1] = k
  end
  sort(keys)
  for _, k in ipairs(keys) do
    local prop = property_for(fname or "create", k, properties[k])
    rawset(doc, k, prop)
    local names = rawget(doc, "__names")
    names[#names + 1] = k
  end
  return doc
end

---------------------------------------------------------------------------
-- instantiate / copy

local instantiate

local function copy_into(dst, src)
  for _, name in ipairs(rawget(src, "__names")) do
    local s, d = rawget(src, name), dst:property(name)
    if d ~= nil then
      if is_value[s] and is_value[d] == is_value[s] then d.value = s.value
      elseif is_list[s] and is_list[d] == is_list[s] then
        while #d > 0 do d:remove() end
        for i = 1, #s do
          if is_list[s] == "node" then
            local item = instantiate(model_of(s[i]))
            copy_into(item, s[i])
            d:insert(item)
          else
            d:insert(s[i].value)
          end
        end
      elseif is_node[s] and is_node[d] then copy_into(d, s) end
    end
  end
end

instantiate = function(model_name)
  local props = models[model_name]
  if props ~= nil then
    local doc = DocumentNode()
    rawset(doc, "__model", model_name)
    local keys = {}
    for k in pairs(props) do keys[#keys + 1] = k end
    sort(keys)
    for _, k in ipairs(keys) do
      local v = props[k]
      local prop
      if is_value[v] then prop = by_type[is_value[v]](v.value)
      elseif is_list[v] then
        prop = (is_list[v] == "node" and DocumentList or list_by_type[is_list[v]])()
        for i = 1, #v do
          if is_list[v] == "node" then
            local item = instantiate(model_of(v[i]))
            copy_into(item, v[i])
            prop:insert(item)
          else
            prop:insert(v[i].value)
          end
        end
      elseif is_node[v] then
        prop = instantiate(model_of(v))
        copy_into(prop, v)
      else
        prop = property_for("instantiate", k, v)
      end
      rawset(doc, k, prop)
      local names = rawget(doc, "__names")
      names[#names + 1] = k
    end
    return doc
  end
  local cls = rawget(G, model_name)
  if cls ~= nil and type(cls) == model_name .. " class" then
    local node = cls()
    if is_node[node] then return node end
  end
  error(format("document model or class '%s' was not registered (renoise.Document.create or a DocumentNode class)",
    tostring(model_name)), 0)
end

---------------------------------------------------------------------------
-- XML

local function write_events(node, out)
  for _, name in ipairs(rawget(node, "__names")) do
    local p = rawget(node, name)
    if is_value[p] then
      out[#out + 1] = "v"; out[#out + 1] = name; out[#out + 1] = rawget(p, "__value")
    elseif is_list[p] then
      out[#out + 1] = "o"; out[#out + 1] = name; out[#out + 1] = ""
      for i = 1, #p do
        local item = p[i]
        if is_list[p] == "node" then
          out[#out + 1] = "o"; out[#out + 1] = "Item"; out[#out + 1] = model_of(item)
          write_events(item, out)
          out[#out + 1] = "c"
        else
          out[#out + 1] = "v"; out[#out + 1] = "Item"; out[#out + 1] = rawget(item, "__value")
        end
      end
      out[#out + 1] = "c"
    elseif is_node[p] then
      out[#out + 1] = "o"; out[#out + 1] = name; out[#out + 1] = ""
      write_events(p, out)
      out[#out + 1] = "c"
    end
  end
end

local function to_xml(node)
  local out = { "o", model_of(node), "" }
  write_events(node, out)
  out[#out + 1] = "c"
  return xml.write(unpack(out, 1, #out))
end

-- Reads events ev[i..] into node (positioned after the node's "o"); returns the index after its "c".
local function read_into(node, ev, i)
  while ev[i] ~= "c" do
    local kind, name, typ = ev[i], ev[i + 1], ev[i + 2]
    local text
    if kind == "t" then text = ev[i + 3]; i = i + 4 else i = i + 3 end
    local p = node:property(name)
    local function skip()
      if kind == "o" then
        local depth = 1
        while depth > 0 do
          local k = ev[i]
          if k == "o" then depth = depth + 1; i = i + 3
          elseif k == "c" then depth = depth - 1; i = i + 1
          else i = i + 4 end
        end
      end
    end
    if p == nil then
      skip()
    elseif is_value[p] then
      p:from_string(text or "")
      skip()
    elseif is_list[p] then
      while #p > 0 do p:remove() end
      if kind == "o" then
        while ev[i] ~= "c" do
          local ik, _, ityp = ev[i], ev[i + 1], ev[i + 2]
          if is_list[p] == "node" then
            local item = instantiate(ityp)
            if ik == "o" then i = read_into(item, ev, i + 3) else i = i + 4 end
            p:insert(item)
          else
            local itext = ik == "t" and ev[i + 3] or ""
            local probe = by_type[is_list[p]]()
            probe:from_string(itext)
            p:insert(probe.value)
            i = i + (ik == "t" and 4 or 3)
            if ik == "o" then i = read_into(DocumentNode(), ev, i) end
          end
        end
        i = i + 1
      end
    elseif is_node[p] then
      if kind == "o" then i = read_into(p, ev, i) end
    end
  end
  return i + 1
end

local function from_xml(node, text)
  local res = { xml.read(text) }
  if not res[1] then return false, res[2] end
  local ev = { unpack(res, 2) }
  if ev[1] ~= "o" then return false, "the document has no root element" end
  local ok, err = pcall(read_into, node, ev, 4)
  if not ok then return false, tostring(err) end
  return true
end

function DocumentNode:save_as(filename)
  if type(filename) ~= "string" then error("save_as: a file name string is expected, got " .. type(filename), 2) end
  local f, err = io.open(filename, "wb")
  if f == nil then return false, err end
  f:write(to_xml(self))
  f:close()
  return true
end

function DocumentNode:load_from(filename)
  if type(filename) ~= "string" then error("load_from: a file name string is expected, got " .. type(filename), 2) end
  local f, err = io.open(filename, "rb")
  if f == nil then return false, err end
  local text = f:read("*a")
  f:close()
  return from_xml(self, text)
end

function DocumentNode:to_string() return to_xml(self) end
function DocumentNode:from_string(text)
  if type(text) ~= "string" then error("from_string: a string is expected, got " .. type(text), 2) end
  return from_xml(self, text)
end

---------------------------------------------------------------------------

local Document = {
  DocumentNode = DocumentNode,
  DocumentList = DocumentList,
  Observable = setmetatable({}, { __call = function() return observable.new() end }),
  ObservableBoolean = ObservableBoolean,
  ObservableNumber = ObservableNumber,
  ObservableString = ObservableString,
  ObservableBooleanList = ObservableBooleanList,
  ObservableNumberList = ObservableNumberList,
  ObservableStringList = ObservableStringList,
}

--- renoise.Document.create(model_name) { name = default, ... }: keys are added in sorted order.
function Document.create(model_name)
  if not valid_name(model_name) then
    error("create: '" .. tostring(model_name) .. "' is not a valid model name", 2)
  end
  return function(properties)
    if type(properties) ~= "table" then
      error("renoise.Document.create('" .. model_name .. "'): a table of properties is expected, got " ..
        type(properties), 2)
    end
    local doc = create_node(model_name, properties, "create")
    models[model_name] = properties
    return doc
  end
end

function Document.instantiate(model_name)
  local ok, r = pcall(instantiate, model_name)
  if not ok then error(r, 2) end
  return r
end

local host = {}

function host.is_document(v) return is_node[v] == true end
host.to_xml = to_xml
host.from_xml = from_xml

--- Flattened name, value pairs of the scalar properties of doc.
function host.values(doc)
  local out, n = {}, 0
  for _, name in ipairs(rawget(doc, "__names")) do
    local p = rawget(doc, name)
    if is_value[p] then
      out[n + 1], out[n + 2] = name, p.value
      n = n + 2
    end
  end
  return unpack(out, 1, n)
end

--- Sets values saved by the user (options.preferences) into doc; returns unknown names.
function host.load(doc, values)
  local unknown = {}
  local keys = {}
  for k in pairs(values) do keys[#keys + 1] = k end
  sort(keys)
  for _, k in ipairs(keys) do
    local p = doc:property(k)
    if p == nil or not is_value[p] then
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
  return concat(unknown, ",")
end

return Document, host
`;
