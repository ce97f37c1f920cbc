/**
 * Lua helpers that flatten tables into multiple return values, so the host
 * reads a Lua table with one call instead of one call per field.
 *
 * @internal
 */
export const TABLES_LUA = String.raw`
local type, unpack = type, table.unpack
local H = {}

--- The elements 1..#t of a sequence.
function H.seq(t)
  return unpack(t, 1, #t)
end

--- A table's sequence and its string-keyed fields: n, e1..en, k1, v1, k2, v2...
function H.record(t)
  local n = #t
  local out = {}
  for i = 1, n do out[i] = t[i] end
  local m = n
  for k, v in pairs(t) do
    if type(k) == "string" then
      out[m + 1], out[m + 2] = k, v
      m = m + 2
    end
  end
  return n, unpack(out, 1, m)
end

--- OSC arguments: n, then per element (is_table, tag_or_value, value).
function H.osc_args(t)
  local n = #t
  local out = {}
  for i = 1, n do
    local a = t[i]
    local k = 3 * i
    if type(a) == "table" then
      out[k - 2], out[k - 1], out[k] = true, a.tag, a.value
    else
      out[k - 2], out[k - 1], out[k] = false, a, nil
    end
  end
  return n, unpack(out, 1, 3 * n)
end

return H
`;
