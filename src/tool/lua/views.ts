/**
 * Lua helpers of the views binding (views-binding.ts): identity keys for
 * notifier functions and objects (so has/remove_notifier find what
 * add_notifier added), a constructor table flattened into one call, and the
 * callable `renoise.ViewBuilder` table with its constants.
 *
 * Arguments: the constants table, a table holding the host's
 * `new_builder` function (read when `renoise.ViewBuilder()` is called, so
 * the chunk can run in the tool VM template: see lua-preload.ts).
 * Returns `ident, flat, ViewBuilder`.
 *
 * @internal
 */
export const VIEWS_LUA = String.raw`
local constants, host = ...
local next, type, setmetatable, unpack = next, type, setmetatable, table.unpack

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

local VB = {}
for k, v in next, constants do VB[k] = v end
H.ViewBuilder = setmetatable(VB, {
  __call = function() return host.new_builder() end,
  __rsim_type = "ViewBuilder class",
})

return H.ident, H.flat, H.ViewBuilder
`;
