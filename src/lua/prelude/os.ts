/**
 * Prelude: a deterministic `os` library. Time comes from the VM's virtual
 * clock (`now()` in ms): `os.time()` is whole seconds since 1970 counted from
 * a fixed epoch (default 2026-01-01T00:00:00Z) plus virtual time, `os.clock()` seconds
 * as a float, `os.date` formats in UTC (there is no local time zone).
 * `os.exit` raises an error (as in Renoise), process and environment access
 * is refused, file operations go to the tool folder's in-memory overlay.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const OS_LUA = String.raw`
local host = ...
local type, error, tonumber, floor, fmod, sfmt, tointeger, mtype =
  type, error, tonumber, math.floor, math.fmod, string.format, math.tointeger, math.type
local now = host.now
-- host.epoch: seconds since 1970 at virtual time 0 (the VM's option, read at each call)

function os.clock()
  return now() / 1000
end

-- Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local function int_field(t, k, default)
  local v = t[k]
  if v == nil then
    if default == nil then error("field '" .. k .. "' missing in date table", 3) end
    return default
  end
  local n = tonumber(v)
  if n == nil then error("field '" .. k .. "' is not an integer", 3) end
  return floor(n)
end

function os.time(t)
  if t == nil then return host.epoch + floor(now() / 1000) end
  if type(t) ~= "table" then
    error("bad argument #1 to 'time' (table expected, got " .. type(t) .. ")", 2)
  end
  local year = int_field(t, "year")
  local month = int_field(t, "month")
  local day = int_field(t, "day")
  local hour = int_field(t, "hour", 12)
  local min = int_field(t, "min", 0)
  local sec = int_field(t, "sec", 0)
  -- normalise months like mktime
  year = year + (month - 1) // 12
  month = (month - 1) % 12 + 1
  return days_from_civil(year, month, 1) * 86400 + (day - 1) * 86400 + hour * 3600 + min * 60 + sec
end

local wday_names = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }
local month_names = { "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December" }

local function date_table(secs)
  local days = secs // 86400
  local rem = secs - days * 86400
  local y, m, d = civil_from_days(days)
  return {
    year = y, month = m, day = d,
    hour = rem // 3600, min = (rem % 3600) // 60, sec = rem % 60,
    wday = (days + 4) % 7 + 1,
    yday = days - days_from_civil(y, 1, 1) + 1,
    isdst = false,
  }
end

local conv
conv = {
  a = function(t) return wday_names[t.wday]:sub(1, 3) end,
  A = function(t) return wday_names[t.wday] end,
  b = function(t) return month_names[t.month]:sub(1, 3) end,
  B = function(t) return month_names[t.month] end,
  c = function(t) return sfmt("%s %s %2d %02d:%02d:%02d %d", conv.a(t), conv.b(t), t.day, t.hour, t.min, t.sec, t.year) end,
  C = function(t) return sfmt("%02d", t.year // 100) end,
  d = function(t) return sfmt("%02d", t.day) end,
  D = function(t) return sfmt("%02d/%02d/%02d", t.month, t.day, t.year % 100) end,
  e = function(t) return sfmt("%2d", t.day) end,
  F = function(t) return sfmt("%d-%02d-%02d", t.year, t.month, t.day) end,
  h = function(t) return conv.b(t) end,
  H = function(t) return sfmt("%02d", t.hour) end,
  I = function(t) return sfmt("%02d", (t.hour + 11) % 12 + 1) end,
  j = function(t) return sfmt("%03d", t.yday) end,
  m = function(t) return sfmt("%02d", t.month) end,
  M = function(t) return sfmt("%02d", t.min) end,
  n = function() return "\n" end,
  p = function(t) return t.hour < 12 and "AM" or "PM" end,
  r = function(t) return sfmt("%s:%02d:%02d %s", conv.I(t), t.min, t.sec, conv.p(t)) end,
  R = function(t) return sfmt("%02d:%02d", t.hour, t.min) end,
  S = function(t) return sfmt("%02d", t.sec) end,
  t = function() return "\t" end,
  T = function(t) return sfmt("%02d:%02d:%02d", t.hour, t.min, t.sec) end,
  u = function(t) return tostring((t.wday + 5) % 7 + 1) end,
  w = function(t) return tostring(t.wday - 1) end,
  x = function(t) return conv.D(t) end,
  X = function(t) return conv.T(t) end,
  y = function(t) return sfmt("%02d", t.year % 100) end,
  Y = function(t) return tostring(t.year) end,
  z = function() return "+0000" end,
  Z = function() return "GMT" end,
  ["%"] = function() return "%" end,
}

function os.date(format, time)
  format = format == nil and "%c" or format
  if type(format) ~= "string" then
    error("bad argument #1 to 'date' (string expected, got " .. type(format) .. ")", 2)
  end
  local secs
  if time == nil then
    secs = host.epoch + floor(now() / 1000)
  else
    secs = tonumber(time)
    if secs == nil then error("bad argument #2 to 'date' (number expected, got " .. type(time) .. ")", 2) end
    secs = floor(secs)
  end
  if format:sub(1, 1) == "!" then format = format:sub(2) end -- always UTC
  local t = date_table(secs)
  if format:sub(1, 2) == "*t" then return t end
  return (format:gsub("%%(.?)", function(c)
    local f = conv[c]
    if f == nil then
      error("bad argument #1 to 'date' (invalid conversion specifier '%" .. c .. "')", 4)
    end
    return f(t)
  end))
end

function os.difftime(t2, t1)
  return (tonumber(t2) or 0) - (tonumber(t1) or 0)
end

function os.platform()
  return host.platform
end

os.exit = host.exit -- a host function: raises at the caller's line

function os.getenv(name)
  return host.getenv(name)
end

-- Processes are simulated: recorded, answered from what the test supplies
-- (default: the command fails as on a machine without it). Lua 5.1 returns
-- C system()'s status: exit code * 256 on POSIX, the exit code on Windows.
function os.execute(command)
  if command == nil then return 1 end -- a shell is available
  if type(command) ~= "string" then
    error("bad argument #1 to 'execute' (string expected, got " .. type(command) .. ")", 2)
  end
  local status = host.process("os.execute", command)
  return status
end

function os.setlocale(locale)
  if locale == nil or locale == "" or locale == "C" then return "C" end
  return nil
end

function os.currentdir()
  return host.root
end

function os.tmpname(extension)
  host.tmp_counter = (host.tmp_counter or 0) + 1
  return host.root .. "renoise-sim-tmp" .. host.tmp_counter .. (extension or ".tmp")
end

local resolve = host.resolve_at

local function fs_result(ok, err)
  if ok then return true end
  return nil, err
end

-- Outside the tool folder nothing can be changed: recorded, then refused.
local outside, denied = host.outside, host.denied
local function inside(call, path, level)
  local rel = resolve(path, level + 1)
  if rel == nil then outside(call, path) end
  return rel
end

function os.remove(path)
  local rel = inside("os.remove", path, 2)
  if rel == nil then return denied(path) end
  return fs_result(host.remove(rel))
end
local function rename(call, from, to)
  local a, b = inside(call, from, 3), inside(call, to, 3)
  if a == nil then return denied(from) end
  if b == nil then return denied(to) end
  return fs_result(host.rename(a, b))
end
function os.rename(from, to) return rename("os.rename", from, to) end
function os.move(from, to) return rename("os.move", from, to) end
function os.mkdir(path)
  local rel = inside("os.mkdir", path, 2)
  if rel == nil then return denied(path) end
  return fs_result(host.mkdir(rel))
end

local function listing(path, fname)
  local rel = inside(fname, path, 3)
  local dirs, files
  if rel ~= nil then dirs, files = host.list(rel) end
  if dirs == nil then error(fname .. ": '" .. tostring(path) .. "' is not a valid directory", 3) end
  return dirs, files
end

function os.dirnames(path)
  local dirs = listing(path, "os.dirnames")
  return dirs
end

function os.filenames(path, extensions)
  local _, files = listing(path, "os.filenames")
  if extensions == nil then return files end
  local out = {}
  for _, f in ipairs(files) do
    for _, ext in ipairs(extensions) do
      -- "*.wav" style wildcards
      local pattern = "^" .. ext:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
      if f:lower():match(pattern:lower()) then
        out[#out + 1] = f
        break
      end
    end
  end
  return out
end
`;
