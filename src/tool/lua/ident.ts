/**
 * Lua source of `ident(v)`: a stable number for a Lua table, function or
 * userdata (weak keys, so it does not keep the value alive). The model
 * binding keys notifiers by it, since each crossing into JS gives a new ref.
 *
 * @internal
 */
export const IDENT_LUA = String.raw`
local ids, n = setmetatable({}, { __mode = "k" }), 0
return function(v)
  local id = ids[v]
  if id == nil then n = n + 1 id = n ids[v] = id end
  return id
end
`;
