/**
 * Prelude: the additions Renoise makes to the standard library (see
 * renoise/definitions `library/standard.lua`): `table.create/is_empty/count/
 * find/keys/values/copy/rcopy/clear`, `ripairs`, `rprint`, `oprint`,
 * `objinfo`, `math.lin2db/db2lin/infdb`.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const STDLIB_LUA = String.raw`
local host = ...
local G = _G
local pairs, next, type, error, setmetatable, getmetatable, tostring, print, select =
  pairs, next, type, error, setmetatable, getmetatable, tostring, print, select
local rawtype = host.rawtype
local srep, sfmt, sort, concat = string.rep, string.format, table.sort, table.concat
local getmt = debug.getmetatable

local function check_table(t, fname)
  if rawtype(t) ~= "table" then
    error("bad argument #1 to '" .. fname .. "' (table expected, got " .. rawtype(t) .. ")", 3)
  end
end

-- table ------------------------------------------------------------------
function table.create(t)
  if t ~= nil then check_table(t, "create") end
  return setmetatable(t or {}, { __index = G.table })
end

function table.is_empty(t)
  check_table(t, "is_empty")
  return next(t) == nil
end

function table.count(t)
  check_table(t, "count")
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

function table.find(t, value, start_index)
  check_table(t, "find")
  if start_index ~= nil then
    for i = start_index, #t do
      if t[i] == value then return i end
    end
    return nil
  end
  for k, v in pairs(t) do
    if v == value then return k end
  end
  return nil
end

function table.keys(t)
  check_table(t, "keys")
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  return keys
end

function table.values(t)
  check_table(t, "values")
  local values = {}
  for _, v in pairs(t) do values[#values + 1] = v end
  return values
end

function table.copy(t)
  check_table(t, "copy")
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return setmetatable(c, getmetatable(t))
end

function table.rcopy(t)
  check_table(t, "rcopy")
  local seen = {}
  local function copy(v)
    if rawtype(v) ~= "table" then return v end
    if seen[v] then return seen[v] end
    local c = {}
    seen[v] = c
    for k, x in pairs(v) do c[copy(k)] = copy(x) end
    return setmetatable(c, getmetatable(v))
  end
  return copy(t)
end

function table.clear(t)
  check_table(t, "clear")
  local seen = {}
  local function clear(v)
    if seen[v] then return end
    seen[v] = true
    for k, x in pairs(v) do
      if rawtype(x) == "table" and getmetatable(x) == nil then clear(x) end
      v[k] = nil
    end
  end
  clear(t)
end

-- globals ----------------------------------------------------------------
local function ripairs_next(t, i)
  i = i - 1
  if i > 0 then return i, t[i] end
end
function G.ripairs(t)
  check_table(t, "ripairs")
  return ripairs_next, t, #t + 1
end

-- Properties and methods of an object: host objects (userdata) and
-- luabind-style class instances.
function G.objinfo(obj)
  local lines = {}
  local mt = getmt(obj)
  local info = mt ~= nil and rawtype(mt) == "table" and mt.__rsim_info
  if info then
    lines[#lines + 1] = "class: " .. tostring(mt.__rsim_type)
    lines[#lines + 1] = " properties:"
    for _, p in ipairs(info.properties) do lines[#lines + 1] = "   " .. p end
    lines[#lines + 1] = " methods:"
    for _, m in ipairs(info.methods) do lines[#lines + 1] = "   " .. m end
    return lines
  end
  local name, members, is_property = host.class_info(obj)
  if name == nil then
    error("bad argument #1 to 'objinfo' (class object expected, got " .. rawtype(obj) .. ")", 2)
  end
  local props, methods = {}, {}
  for k, v in pairs(members) do
    if type(k) == "string" and k:sub(1, 2) ~= "__" then
      if is_property(v) then props[#props + 1] = k
      elseif rawtype(v) == "function" then methods[#methods + 1] = k end
    end
  end
  for k, v in pairs(obj) do
    if type(k) == "string" and rawtype(v) ~= "function" then props[#props + 1] = k end
  end
  sort(props)
  sort(methods)
  lines[#lines + 1] = "class: " .. name
  lines[#lines + 1] = " properties:"
  for _, p in ipairs(props) do lines[#lines + 1] = "   " .. p end
  lines[#lines + 1] = " methods:"
  for _, m in ipairs(methods) do lines[#lines + 1] = "   " .. m end
  return lines
end

function G.oprint(obj)
  for _, line in ipairs(G.objinfo(obj)) do G.print(line) end
end

-- Recursive dump: "[key] => value" per line, nested tables indented by 2.
function G.rprint(value, indent)
  indent = indent or 0
  local prefix = srep(" ", indent)
  if rawtype(value) ~= "table" then
    G.print(prefix .. tostring(value))
    return
  end
  local seen = {}
  local function dump(t, depth)
    seen[t] = true
    local pad = srep(" ", depth)
    for k, v in pairs(t) do
      local key = "[" .. tostring(k) .. "]"
      if rawtype(v) == "table" then
        if seen[v] then
          G.print(pad .. key .. " => " .. tostring(v) .. " (already printed)")
        else
          G.print(pad .. key .. " => " .. tostring(v))
          dump(v, depth + 2)
        end
      else
        G.print(pad .. key .. " => " .. tostring(v))
      end
    end
  end
  dump(value, indent)
end

-- math -------------------------------------------------------------------
math.infdb = -200
function math.lin2db(n)
  if n <= 0 then return math.infdb end
  local db = 20 * math.log(n, 10)
  if db < math.infdb then return math.infdb end
  return db
end
function math.db2lin(db)
  if db <= math.infdb then return 0 end
  return 10 ^ (db / 20)
end
`;
