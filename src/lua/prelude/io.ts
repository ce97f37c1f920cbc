/**
 * Prelude: `io`, `loadfile`, `dofile` and `require` confined to the tool
 * folder. Files are read through the host (byte-exact) and writes go to the
 * VM's in-memory overlay, never to disk. Paths outside the tool folder raise
 * an error. `io.write`/`io.stdout` go to the host's stdout sink.
 *
 * Runs with `host` (see vm.ts) as its only argument.
 */
export const IO_LUA = String.raw`
local host = ...
local G = _G
local type, error, tostring, tonumber, select, setmetatable, rawtype =
  type, error, tostring, tonumber, select, setmetatable, host.rawtype
local sfmt, ssub, sfind, smatch = string.format, string.sub, string.find, string.match
local concat = table.concat
local tostring51 = host.tostring51
local host_read, host_write, host_stat, host_resolve = host.read, host.write, host.stat, host.resolve
local pcall = pcall

-- Path given by tool code -> path relative to the tool folder, or nil for a
-- path outside it (see 'outside'). A path that is no string raises at the
-- tool code 'level' levels up.
local function resolve(path, level)
  local ok, rel = pcall(host_resolve, path)
  if not ok then error(rel, level + 1) end
  return rel
end
host.resolve_at = resolve

-- A file operation outside the tool folder: recorded, answered from the
-- files the test supplied (externalFiles); nil when there is none.
local host_external = host.external
local function outside(call, path)
  return host_external(call, path)
end
host.outside = outside
local function denied(path)
  return nil, path .. ": Permission denied", 13
end
host.denied = denied

local io = {}
local File = { __name = "FILE*" }
File.__index = File

local function is_file(f)
  return rawtype(f) == "table" and getmetatable(f) == File
end

local function check_file(f, fname)
  if not is_file(f) then
    error("bad argument #1 to '" .. fname .. "' (FILE* expected, got " .. rawtype(f) .. ")", 3)
  end
  if f.closed then error("attempt to use a closed file", 3) end
end

local function new_file(fields)
  return setmetatable(fields, File)
end

local function stream(write_fn)
  return new_file({ kind = "stream", data = "", pos = 0, readable = false, writable = true, write_fn = write_fn })
end

local stdout = stream(host.stdout)
local stderr = stream(host.stdout)
local stdin = new_file({ kind = "stream", data = "", pos = 0, readable = true, writable = false })
io.stdout, io.stderr, io.stdin = stdout, stderr, stdin

function io.open(path, mode)
  if type(path) ~= "string" then
    error("bad argument #1 to 'open' (string expected, got " .. rawtype(path) .. ")", 2)
  end
  mode = mode or "r"
  local base, plus = smatch(mode, "^([rwa])(%+?)b?$")
  if base == nil then error("bad argument #2 to 'open' (invalid mode '" .. tostring(mode) .. "')", 2) end
  local rel = resolve(path, 2)
  if rel == nil then
    local data = outside("io.open", path)
    if base ~= "r" or plus == "+" then return denied(path) end
    if data == nil then return nil, path .. ": No such file or directory", 2 end
    return new_file({ kind = "file", path = path, data = data, pos = 0, readable = true, writable = false })
  end
  local data = host_read(rel)
  if base == "r" and data == nil then
    return nil, path .. ": No such file or directory", 2
  end
  if base ~= "r" then
    local kind = host_stat(rel)
    if kind == "directory" then return nil, path .. ": Is a directory", 21 end
  end
  if base == "w" then data = "" end
  local f = new_file({
    kind = "file", path = path, rel = rel, data = data or "",
    pos = 0, append = base == "a", readable = base == "r" or plus == "+",
    writable = base ~= "r" or plus == "+", dirty = base ~= "r",
  })
  if base == "a" then f.pos = #f.data end
  if f.dirty then
    local ok, err = f:flush()
    if not ok then return nil, err, 2 end
  end
  return f
end

function File:flush()
  check_file(self, "flush")
  if self.kind == "file" and self.dirty then
    local ok, err = host_write(self.rel, self.data)
    if not ok then return nil, err end
    self.dirty = false
  end
  return self
end

function File:close()
  if self == nil then return io.output():close() end
  check_file(self, "close")
  if self.kind == "stream" then return nil, "cannot close standard file" end
  local ok, err = self:flush()
  self.closed = true
  if not ok then return nil, err end
  return true
end

File.__gc = function(self)
  if not self.closed and self.kind == "file" and self.dirty then pcall(host_write, self.rel, self.data) end
end
File.__close = File.__gc

File.__tostring = function(self)
  if self.closed then return "file (closed)" end
  return (sfmt("file (%p)", self))
end

function File:setvbuf() check_file(self, "setvbuf") return true end

function File:seek(whence, offset)
  check_file(self, "seek")
  whence = whence or "cur"
  offset = tonumber(offset) or 0
  local base
  if whence == "set" then base = 0
  elseif whence == "cur" then base = self.pos
  elseif whence == "end" then base = #self.data
  else error("bad argument #1 to 'seek' (invalid option '" .. tostring(whence) .. "')", 2) end
  local p = base + offset
  if p < 0 then return nil, "Invalid argument", 22 end
  self.pos = p
  return p
end

function File:write(...)
  check_file(self, "write")
  if not self.writable then return nil, "Bad file descriptor", 9 end
  local parts = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "number" then v = tostring51(v)
    elseif type(v) ~= "string" then
      error("bad argument #" .. i .. " to 'write' (string expected, got " .. rawtype(v) .. ")", 2)
    end
    parts[#parts + 1] = v
  end
  local s = concat(parts)
  if self.kind == "stream" then
    if self.write_fn then self.write_fn(s) end
    return self
  end
  if self.append then self.pos = #self.data end
  local d = self.data
  if self.pos > #d then d = d .. string.rep("\0", self.pos - #d) end
  self.data = ssub(d, 1, self.pos) .. s .. ssub(d, self.pos + #s + 1)
  self.pos = self.pos + #s
  self.dirty = true
  return self
end

local function read_one(f, fmt)
  local d, p = f.data, f.pos
  if type(fmt) == "number" then
    if p >= #d then
      if fmt == 0 and p == #d then return nil end
      return nil
    end
    local n = math.floor(fmt)
    f.pos = math.min(#d, p + n)
    return ssub(d, p + 1, p + n)
  end
  fmt = tostring(fmt):gsub("^%*", "")
  local c = ssub(fmt, 1, 1)
  if c == "a" then
    f.pos = #d
    return ssub(d, p + 1)
  elseif c == "l" or c == "L" then
    if p >= #d then return nil end
    local nl = sfind(d, "\n", p + 1, true)
    local line
    if nl then
      line = ssub(d, p + 1, c == "L" and nl or nl - 1)
      f.pos = nl
    else
      line = ssub(d, p + 1)
      f.pos = #d
    end
    return line
  elseif c == "n" then
    local s, e = sfind(d, "^%s*[-+]?[%w%.]+", p + 1)
    if not s then return nil end
    local num = tonumber(ssub(d, s, e))
    if num == nil then return nil end
    f.pos = e
    return num
  end
  error("bad argument #1 to 'read' (invalid format)", 3)
end

function File:read(...)
  check_file(self, "read")
  if not self.readable then return nil, "Bad file descriptor", 9 end
  local n = select("#", ...)
  if n == 0 then return read_one(self, "l") end
  local out = {}
  for i = 1, n do
    local v = read_one(self, (select(i, ...)))
    out[i] = v
    if v == nil then return table.unpack(out, 1, i) end
  end
  return table.unpack(out, 1, n)
end

function File:lines(...)
  check_file(self, "lines")
  local fmts = table.pack(...)
  return function()
    if self.closed then error("file is already closed", 2) end
    if fmts.n == 0 then return read_one(self, "l") end
    return self:read(table.unpack(fmts, 1, fmts.n))
  end
end

local default_output = stdout
local default_input = stdin

function io.output(f)
  if f == nil then return default_output end
  if type(f) == "string" then
    local file, err = io.open(f, "w")
    if not file then error(err, 2) end
    default_output = file
  else
    check_file(f, "output")
    default_output = f
  end
  return default_output
end

function io.input(f)
  if f == nil then return default_input end
  if type(f) == "string" then
    local file, err = io.open(f, "r")
    if not file then error(err, 2) end
    default_input = file
  else
    check_file(f, "input")
    default_input = f
  end
  return default_input
end

function io.write(...) return default_output:write(...) end
function io.read(...) return default_input:read(...) end
function io.close(f) return (f or default_output):close() end
function io.flush() return default_output:flush() end

function io.lines(path, ...)
  if path == nil then return default_input:lines(...) end
  local f, err = io.open(path, "r")
  if not f then error(err, 2) end
  local fmts = table.pack(...)
  return function()
    if f.closed then return nil end
    local v
    if fmts.n == 0 then v = read_one(f, "l") else v = f:read(table.unpack(fmts, 1, fmts.n)) end
    if v == nil then f:close() end
    return v
  end
end

function io.type(f)
  if not is_file(f) then return nil end
  return f.closed and "closed file" or "file"
end

-- Processes are simulated: the command is recorded and answered from what
-- the test supplies (default: it fails as on a machine without it).
function io.popen(command, mode)
  if type(command) ~= "string" then
    error("bad argument #1 to 'popen' (string expected, got " .. rawtype(command) .. ")", 2)
  end
  mode = mode or "r"
  if mode ~= "r" and mode ~= "w" then error("bad argument #2 to 'popen' (invalid mode '" .. tostring(mode) .. "')", 2) end
  local _, output = host.process("io.popen", command, mode)
  if mode == "w" then
    return new_file({ kind = "pipe", data = "", pos = 0, readable = false, writable = true })
  end
  return new_file({ kind = "pipe", data = output, pos = 0, readable = true, writable = false })
end

function io.tmpfile()
  return io.open(os.tmpname(), "w+")
end

function io.exists(path)
  if type(path) ~= "string" then
    error("bad argument #1 to 'exists' (string expected, got " .. rawtype(path) .. ")", 2)
  end
  local rel = resolve(path, 2)
  if rel == nil then return outside("io.exists", path) ~= nil end
  return host_stat(rel) ~= nil
end

function io.stat(path)
  if type(path) ~= "string" then
    error("bad argument #1 to 'stat' (string expected, got " .. rawtype(path) .. ")", 2)
  end
  local rel = resolve(path, 2)
  local kind, size
  if rel == nil then
    local data = outside("io.stat", path)
    if data ~= nil then kind, size = "file", #data end
  else
    kind, size = host_stat(rel)
  end
  if kind == nil then return nil, path .. ": No such file or directory", 2 end
  return {
    dev = 0, ino = 0, nlink = 1, uid = 0, gid = 0, rdev = 0,
    mode = kind == "directory" and 493 or 420, -- 0755 / 0644
    type = kind, size = size, atime = 0, mtime = 0, ctime = 0,
  }
end

function io.chmod(path)
  local rel = resolve(path, 2)
  if rel == nil then
    outside("io.chmod", path)
    return denied(path)
  end
  if host_stat(rel) == nil then return nil, path .. ": No such file or directory", 2 end
  return true
end

G.io = io
package.loaded.io = io

-- loading code from the tool folder ---------------------------------------
local load51 = host.load51

function G.loadfile(path, mode, env)
  if path == nil then return nil, "loadfile from stdin is not available in renoise-sim" end
  local rel = resolve(path, 2)
  local src
  if rel == nil then
    src = outside("loadfile", path)
    rel = path
  else
    src = host_read(rel)
  end
  if src == nil then return nil, "cannot open " .. path end
  return load51(src, "@" .. rel, mode or "bt", env, true, env ~= nil) -- (text or bytecode, as Lua's loadfile)
end

function G.dofile(path)
  local f, err = G.loadfile(path)
  if f == nil then error(err, 2) end
  return f()
end

local function tool_searcher(name)
  if type(name) ~= "string" then return nil end
  local file = name:gsub("%.", "/")
  local tried = {}
  for template in package.path:gmatch("[^;]+") do
    local candidate = template:gsub("%?", file)
    local ok, rel, why = pcall(host_resolve, candidate)
    if ok and rel == nil then ok, rel = false, why end
    if not ok then
      if template:find("^%.?/?%?") then -- the module name itself escapes
        error("module '" .. name .. "': " .. rel, 0)
      end
      tried[#tried + 1] = "\n\tno file '" .. candidate .. "' (outside the tool folder, not searched)"
    else
      local src = host_read(rel)
      if src ~= nil then
        local chunk, err = load51(src, "@" .. rel, "bt", nil, true, false)
        if chunk == nil then
          error("error loading module '" .. name .. "' from file '" .. rel .. "':\n\t" .. err, 0)
        end
        return chunk, rel
      end
      tried[#tried + 1] = "\n\tno file '" .. candidate .. "'"
    end
  end
  return concat(tried)
end

package.path = "./?.lua;./?/init.lua"
package.cpath = ""
package.searchers = { package.searchers[1], tool_searcher }
package.loaders = package.searchers
function package.loadlib()
  return nil, "dynamic libraries are not available in renoise-sim", "absent"
end
`;
