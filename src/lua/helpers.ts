/**
 * The __index of a host class, as Lua source specialised by what the class
 * has (kept values, kept lists, cached values): each member read on a
 * userdata runs this function, so it carries no check for what its class
 * lacks. A part between `--[PART[` and `]PART]` is kept or blanked (its lines
 * stay, so line numbers are those of this source) by {@link indexVariant};
 * the helpers chunk compiles each variant once per VM (index_factory).
 *
 * - KEPT: a kept value (kept[k]: 1 constant, 2 list) is answered from the
 *   object's kept record c = kept_store[self] (constants under their names,
 *   lists in c[LISTS], copied at each read), else read from the host once and
 *   kept. CLASS: the class's __index (objects without their own metatable).
 * - OWN: the __index of objects with their own metatable (see own in
 *   make_class): Lua finds their kept constants in their record itself (the
 *   own metatable's __index) without running any function; this runs for
 *   everything else, with the record as first argument.
 * - LIST: the class has kept lists, answered with a fresh copy.
 * - CACHED: values the host lets Lua keep until it empties holder[1] (LuaVm.flushValueCache).
 */
const INDEX_SOURCE = String.raw`local methods, getters, cached, holder, kept, kept_store, LISTS, COPY, keep_list, type_name, keyname, own, mt, class_index, SELF, unown = ...
local error, format, type, unpack = error, string.format, type, table.unpack
return function(self, k)
  --[KEPT[
  --[CLASS[
  local how = kept[k]
  if how ~= nil then
    local c = kept_store[self]
    if c ~= nil then
      if how == 1 then
        local v = c[k]
        if v ~= nil then return v end
      --[LIST[
      else
        local v = c[LISTS][k]
        if v ~= nil then return v[COPY](v) end
      ]LIST]
      end
    end
  ]CLASS]
  --[OWN[
  local c = self
  --[LIST[
  local v = c[LISTS][k]
  if v ~= nil then return v[COPY](v) end
  ]LIST]
  self = c[SELF]
  local index = mt.__index
  if index ~= class_index then
    -- A tool replaced the class's __index (wrapping it): the object goes back to the class metatable.
    unown(self)
    return index(self, k)
  end
  local how = kept[k]
  if how ~= nil then
  ]OWN]
    local v = getters[k](self) -- not a tail call: keeps error levels right
    local c = kept_store[self] -- read after the call: the host may have emptied the store meanwhile
    if c == nil then c = own(self) end
    if how == 1 then c[k] = v elseif type(v) == "table" then c[LISTS][k] = keep_list({ unpack(v) }) end
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
`;

/**
 * The parts of {@link INDEX_SOURCE}, in the order they are resolved and
 * named in a variant's key (the helpers chunk gets them too, to name the
 * variant a class needs).
 *
 * @internal
 */
export const INDEX_PARTS = ["KEPT", "CLASS", "OWN", "LIST", "CACHED"] as const;

/** {@link INDEX_SOURCE} with the parts in `parts` kept and the others blanked (their newlines stay). */
function indexVariant(parts: ReadonlySet<string>): string {
  let src = INDEX_SOURCE;
  for (const part of INDEX_PARTS) {
    src = src.replace(new RegExp(String.raw`--\[${part}\[([\s\S]*?)\]${part}\]`, "g"), (_m, body: string) =>
      parts.has(part) ? body : body.replace(/[^\n]/g, ""),
    );
  }
  return src;
}

/**
 * Every __index variant a class can need, by key (its parts, each followed by
 * a space, in INDEX_PARTS order), made here once per process: the helpers
 * chunk gets them as its argument (key, source, key, source...) and compiles
 * each, in this order. Made by Lua's gsub in the chunk itself,
 * they cost ~10–60 ms of every process's first VM (Lua's pattern matching in
 * wasm not yet optimised), against well under a millisecond here.
 *
 * @internal
 */
export const INDEX_VARIANTS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const kept of [false, true]) {
    for (const own of kept ? [false, true] : [false]) {
      for (const list of kept ? [false, true] : [false]) {
        for (const cached of [false, true]) {
          const on: Record<string, boolean> = { KEPT: kept, CLASS: kept && !own, OWN: own, LIST: list, CACHED: cached };
          const parts = INDEX_PARTS.filter((p) => on[p]);
          out.set(parts.map((p) => `${p} `).join(""), indexVariant(new Set(parts)));
        }
      }
    }
  }
  return out;
})();

/**
 * Lua helpers the bridge itself needs, run once per VM before any prelude.
 * The chunk returns a table of functions the host calls in protected mode.
 *
 * @internal
 */
export const BRIDGE_HELPERS_LUA = String.raw`
local VARIANTS, PARTS = ...
local error, tostring, type, select, format, pairs, ipairs, assert = error, tostring, type, select, string.format, pairs, ipairs, assert
local getmetatable = getmetatable
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

-- The __index of a host class comes in variants specialised by what the class
-- has (INDEX_SOURCE in helpers.ts, made by the host and given to this chunk as
-- VARIANTS: key, source, key, source...; PARTS: the parts a key names, in
-- order); each is compiled now, so a VM made from a template (vm.ts) finds
-- them compiled and builds its classes without compiling Lua. Their upvalues
-- are the factory's arguments.
local load, next, setmetatable = load, next, setmetatable
local set_udata_mt = debug and debug.setmetatable
local index_factories = {}
for i = 1, #VARIANTS, 2 do
  index_factories[VARIANTS[i]] = assert(load(VARIANTS[i + 1], "=[renoise-sim host class]"))
end

-- The factory of the __index variant with these parts.
local function index_factory(parts)
  local key = ""
  for _, part in ipairs(PARTS) do
    if parts[part] then key = key .. part .. " " end
  end
  return assert(index_factories[key], "renoise-sim: no __index variant")
end

-- The keys of a kept record's owner, class metatable and kept lists (see own).
local SELF, CLASS, LISTS, OWNED = {}, {}, {}, {}

-- A kept list's copier, kept in the list under COPY (a kept list is Lua's
-- own, never handed out): each read answers with copier(list), a new table
-- made by one constructor of the list's length ({ v[1], v[2], ... }), about
-- a quarter cheaper than { unpack(v) }. One copier per length, shared by
-- every list of that length; lengths 0..16 made now (so a VM made from a
-- template has them), longer ones on first use, over 64 items by unpack.
local COPY = {}
local copiers = {}
local concat = table.concat
local function copier(n)
  local f = copiers[n]
  if f == nil then
    if n <= 64 then
      local items = {}
      for i = 1, n do items[i] = "v[" .. i .. "]" end
      f = assert(load("return function(v) return { " .. concat(items, ", ") .. " } end", "=[renoise-sim host class]"))()
    else
      f = function(v) return { unpack(v) } end
    end
    copiers[n] = f
  end
  return f
end
for n = 0, 16 do copier(n) end
-- Keeps l (a fresh sequence no one else holds) as a kept list: gives it its copier.
local function keep_list(l)
  if type(l) == "table" then l[COPY] = copier(#l) end
  return l
end

-- The method answering item i of a kept list (item_lists in make_class):
-- an argument that indexes an item of the list Lua keeps for self is
-- answered with that item, without calling the host; anything else (an
-- index out of range, not a whole number, not a number, a self of another
-- class) goes to the host method, which raises as it always did. The list
-- is read (and kept) here when self has none yet. The host method's errors
-- name the caller of this function (where level 2); when this function was
-- tail-called that caller's line is gone, and they name none (host_tail).
-- One closure per method, in the class's methods and in every kept record
-- (so an object with its own metatable finds it without running the
-- class's __index, and song.track is one value whatever the object's
-- state). Called for an object with its own metatable (OWNED record) after
-- a tool wrapped the class's __index, it gives the object back its class
-- metatable first, then calls what the wrapper answers: once, so a wrapper
-- that calls this function again cannot loop. A self that only looks like
-- one (a table with the class's __metatable) goes to the host method.
local ITEM_SOURCE = [==[
local getmetatable, getinfo, rawtype, keep_list, host, host_tail, list, kept_store, CLASS, LISTS, OWNED, getters, own, mt, name, class_index, unown = ...
return function(self, i, ...)
  local c = kept_store[self]
  local l
  if c ~= nil and c[CLASS] == mt then
    if c[OWNED] and mt.__index ~= class_index then
      -- Found in the record of an object with its own metatable, but a tool wrapped the class's __index
      -- since: the object goes back to the class metatable, and the call to what the wrapper answers.
      unown(self)
      return mt.__index(self, name)(self, i, ...)
    end
    l = c[LISTS][list]
  end
  if l == nil and getmetatable(self) == mt and rawtype(self) == "userdata" then
    l = getters[list](self)
    c = kept_store[self] -- read after the call: the host may have emptied the store meanwhile
    if c == nil then c = own(self) end
    c[LISTS][list] = keep_list(l)
  end
  if l ~= nil then
    local v = l[i]
    if v ~= nil then return v end
  end
  if getinfo(1, "t").istailcall then return host_tail(self, i, ...) end
  return host(self, i, ...)
end
]==]
local item_source = assert(load(ITEM_SOURCE, "=[renoise-sim host class]"))
-- The library functions it calls, as they were before any tool code ran.
local getinfo = debug.getinfo
local function item_factory(...) return item_source(getmetatable, getinfo, type, keep_list, ...) end

-- Builds the metatable of a host class (JS objects seen as userdata).
-- kept: { [name] = 1 } for properties whose value Lua keeps per object, 2 for
-- sequences it keeps and hands out as a fresh copy per read; kept_store: where
-- (weak keys: kept_store[self] is the object's record), emptied in place by
-- the host (kept-store.ts flushKept, which also gives back the class metatable).
-- item_lists: { [method] = list } for methods answering item i of a kept
-- list, item_methods and item_methods_tail their host functions (see ITEM_SOURCE).
function H.make_class(type_name, methods, getters, setters, tostring_fn, same, info, lt, le, cached, holder,
                      kept, kept_store, item_lists, item_methods, item_methods_tail)
  -- __rsim_getters: the class's getters (host functions, read by its __index), where a Lua chunk of the
  -- binding may add a member computed in Lua (song.pattern_iterator) without wrapping __index.
  local mt = { __name = type_name, __rsim_type = type_name, __rsim_info = info, __rsim_getters = getters }
  if kept == nil then
    mt.__index = index_factory({ CACHED = cached ~= nil })(methods, getters, cached, holder, nil, nil, nil, nil, nil, type_name, keyname)
  else
    local has_lists = false
    for _, how in pairs(kept) do
      if how == 2 then has_lists = true end
    end
    local class_index -- the class's own __index
    local own_mt -- the metatable of the records of objects with their own metatable
    -- The first value kept for an object makes its record. While the class's
    -- __index is its own (no tool wrapped it), the object also gets its own
    -- metatable: the class's fields, __metatable (getmetatable still answers
    -- the class metatable) and the record as __index, so a kept constant is
    -- found without running Lua code.
    local record_items = {} -- the item methods a record holds (see ITEM_SOURCE)
    local function own(self)
      local c = { [SELF] = self, [CLASS] = mt }
      if has_lists then c[LISTS] = {} end
      for name, f in next, record_items do c[name] = f end
      if set_udata_mt ~= nil and mt.__index == class_index then
        local m = {}
        for name, x in next, mt do m[name] = x end
        m.__index = c
        m.__metatable = mt
        setmetatable(c, own_mt)
        set_udata_mt(self, m)
        c[OWNED] = true
      end
      kept_store[self] = c
      return c
    end
    local function unown(self)
      kept_store[self] = nil
      set_udata_mt(self, mt)
    end
    local parts = { KEPT = true, LIST = has_lists, CACHED = cached ~= nil }
    parts.CLASS = true
    class_index = index_factory(parts)(methods, getters, cached, holder, kept, kept_store, LISTS, COPY, keep_list, type_name,
      keyname, own)
    parts.CLASS, parts.OWN = nil, true
    own_mt = {
      __index = index_factory(parts)(methods, getters, cached, holder, kept, kept_store, LISTS, COPY, keep_list, type_name, keyname, own,
        mt, class_index, SELF, unown),
    }
    mt.__index = class_index
    if item_lists ~= nil then
      for name, list in pairs(item_lists) do
        local host, host_tail = item_methods[name], item_methods_tail[name]
        local f = item_factory(host, host_tail, list, kept_store, CLASS, LISTS, OWNED, getters, own, mt, name, class_index, unown)
        methods[name] = f
        record_items[name] = f
      end
    end
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

-- For the socket_message hot path (param-use.ts): what is known of each
-- function staged for a call (weak keys: a function the tool drops goes).
H.seen = setmetatable({}, { __mode = "k" })
-- The function staged last that was not the one before it, in slot 1 (a
-- weak value: it does not keep the function alive).
H.known = setmetatable({}, { __mode = "v" })

return H
`;
