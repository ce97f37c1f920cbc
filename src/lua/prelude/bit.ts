/**
 * Prelude: the LuaJIT BitOp `bit` library (http://bitop.luajit.org/api.html)
 * Renoise provides: all operations work on 32-bit integers and return
 * signed 32-bit results (`bit.tobit(0xffffffff) == -1`). Arguments are
 * normalised like BitOp does: numbers are taken modulo 2^32, fractional
 * values rounded to nearest (ties to even), numeric strings accepted.
 */
export const BIT_LUA = String.raw`
local type, tonumber, error, select = type, tonumber, error, select
local floor, fmod, mtype, tointeger = math.floor, math.fmod, math.type, math.tointeger
local sfmt, ssub = string.format, string.sub

local function norm(x, argn, fname)
  local v = x
  if type(v) ~= "number" then
    v = tonumber(v)
    if v == nil then
      error("bad argument #" .. argn .. " to '" .. fname .. "' (number expected, got " .. type(x) .. ")", 3)
    end
  end
  if mtype(v) == "float" then
    if v ~= v or v == math.huge or v == -math.huge then return 0 end
    local f = floor(v)
    local d = v - f
    if d > 0.5 or (d == 0.5 and fmod(f, 2) ~= 0) then f = f + 1 end
    v = tointeger(fmod(f, 4294967296.0)) or 0
  end
  v = v & 0xFFFFFFFF
  if v >= 0x80000000 then v = v - 0x100000000 end
  return v
end

local bit = {}

function bit.tobit(x) return norm(x, 1, "tobit") end

function bit.bnot(x) return norm(~norm(x, 1, "bnot"), 1, "bnot") end

local function fold(fname, op)
  return function(x, ...)
    local r = norm(x, 1, fname)
    for i = 1, select("#", ...) do
      r = op(r, norm((select(i, ...)), i + 1, fname))
    end
    return norm(r, 1, fname)
  end
end
bit.band = fold("band", function(a, b) return a & b end)
bit.bor = fold("bor", function(a, b) return a | b end)
bit.bxor = fold("bxor", function(a, b) return a ~ b end)

local function u32(x, argn, fname) return norm(x, argn, fname) & 0xFFFFFFFF end
local function count(n, fname) return norm(n, 2, fname) & 31 end

function bit.lshift(x, n)
  return norm(u32(x, 1, "lshift") << count(n, "lshift"), 1, "lshift")
end

function bit.rshift(x, n)
  return norm(u32(x, 1, "rshift") >> count(n, "rshift"), 1, "rshift")
end

function bit.arshift(x, n)
  local v, s = norm(x, 1, "arshift"), count(n, "arshift")
  if v < 0 then return norm(~((~v) >> s), 1, "arshift") end
  return v >> s
end

function bit.rol(x, n)
  local v, s = u32(x, 1, "rol"), count(n, "rol")
  return norm((v << s) | (v >> (32 - s)), 1, "rol")
end

function bit.ror(x, n)
  local v, s = u32(x, 1, "ror"), count(n, "ror")
  return norm((v >> s) | (v << (32 - s)), 1, "ror")
end

function bit.bswap(x)
  local v = u32(x, 1, "bswap")
  local r = ((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | (v >> 24)
  return norm(r, 1, "bswap")
end

function bit.tohex(x, n)
  local v = u32(x, 1, "tohex")
  local digits = n == nil and 8 or norm(n, 2, "tohex")
  local upper = false
  if digits < 0 then
    digits = -digits
    upper = true
  end
  if digits > 8 then digits = 8 end
  local s = sfmt(upper and "%08X" or "%08x", v)
  return ssub(s, 9 - digits)
end

_G.bit = bit
package.loaded.bit = bit
`;
