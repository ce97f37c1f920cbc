import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

// Each documented difference from Renoise's Lua 5.1 (docs/lua-compatibility.md,
// "Still different") pinned as it is today, so the page cannot drift from the code.
describe("Lua host: documented differences from Renoise's Lua", () => {
  let vm: LuaVm;
  beforeAll(async () => {
    vm = await createLuaVm();
  });
  afterAll(() => vm.close());
  const run = (code: string): unknown[] => vm.run(code, "@main.lua");

  it("numbers: integers are 64-bit and wrap around", () => {
    expect(run("local x = 9223372036854775807 return x + 1 < 0, 0xffffffffffffffff")).toEqual([true, -1]);
  });

  it("numbers: the literal -0 is the integer 0 (5.1: -0); -0.0 is -0 in both", () => {
    expect(run("return tostring(-0), tostring(-0.0)")).toEqual(["0", "-0"]);
  });

  it("numbers: %q writes an integer bare and a float in hex (5.1 quotes both)", () => {
    expect(run("return string.format('%q', 5), string.format('%q', 0.5)")).toEqual(["5", "0x1p-1"]);
  });

  it("numbers: C Lua's messages write a 15-digit index as 5.1's text (5.1 printed the integer)", () => {
    expect(() => run("return table.concat({}, '', 123456789012345, 123456789012345)")).toThrow(/index 1\.2345678901234e\+14/);
  });

  it("numbers: %d of NaN raises", () => {
    expect(() => run("return string.format('%d', 0/0)")).toThrow(/number has no integer representation/);
  });

  it("numbers: an integer % by zero raises (5.1's doubles give nan)", () => {
    expect(() => run("local a, b = 7, 0\nreturn a % b")).toThrow(/^main\.lua:2: attempt to perform 'n%0'/);
    expect(String(run("local a, b = 7.5, 0 return tostring(a % b)")[0])).toMatch(/^-?nan$/);
  });

  it("numbers: 0/0 prints as the C library decides", () => {
    expect(String(run("return tostring(0/0)")[0])).toMatch(/^-?nan$/);
  });

  it("tables: # on a table with holes returns a border", () => {
    const [n, atN, after] = run("local t = {1, 2, nil, 4} local n = #t return n, t[n], t[n + 1]") as [number, unknown, unknown];
    expect(n === 0 || atN !== undefined).toBe(true);
    expect(after).toBeUndefined();
  });

  it("tables: table.insert raises for a position 5.1 accepted", () => {
    expect(() => run("local t = {} table.insert(t, 5, 'x')")).toThrow(/position out of bounds/);
  });

  it("tables: __len, __pairs and __index in ipairs work (5.1 ignored them)", () => {
    expect(run("local t = setmetatable({}, {__len = function() return 7 end}) return #t")).toEqual([7]);
    expect(run("local p = setmetatable({}, {__index = {10, 20}}) local n = 0 for _ in ipairs(p) do n = n + 1 end return n")).toEqual([2]);
  });

  it("environments: setfenv cannot reach a function that uses no global", () => {
    expect(run("local function f() return 1 end setfenv(f, {}) return getfenv(f) == _G")).toEqual([true]);
  });

  it("environments: setfenv(0, t) raises", () => {
    expect(() => run("setfenv(0, {})")).toThrow(/cannot change the environment of the running thread/);
  });

  it("syntax: goto is a keyword, not a name", () => {
    expect(() => run("local goto = 1")).toThrow(/main\.lua:1:/);
  });

  it("syntax: \\xXX is a hex escape (LuaJIT's reading; plain 5.1 reads 'x41')", () => {
    expect(run('return "\\x41\\xzz"')).toEqual(["Axzz"]);
  });

  it("syntax: empty statements and break before the end of a block are accepted (LuaJIT)", () => {
    expect(run("local n = 0 ;; for i = 1, 3 do n = i break n = 99 end return n")).toEqual([1]);
  });

  it("syntax: load accepts a string (5.1's load only takes a function; LuaJIT's accepts both)", () => {
    expect(run("return load('return 1')()")).toEqual([1]);
  });

  it("front end: a chunk using the implicit arg table has a local __rsim_pack that debug.getlocal sees", () => {
    expect(run("local function f(...) return arg.n end return debug.getlocal(1, 1)")).toEqual(["__rsim_pack", expect.anything()]);
  });

  it("errors: core messages use 5.4's wording", () => {
    expect(() => run("local t = nil\nt.x = 1")).toThrow(/main\.lua:2: attempt to index a nil value \(local 't'\)/);
  });

  it("errors: tracebacks use 5.4's layout and name prelude frames [renoise-sim <name>]", () => {
    let tb = "";
    try {
      run("print(setmetatable({}, { __tostring = function() error('boom') end }))");
    } catch (e) {
      tb = (e as { luaTraceback: string }).luaTraceback;
    }
    expect(tb).toMatch(/\[renoise-sim base\]:\d+:/);
  });

  it("coroutines: yielding across pcall works (5.1 refused it)", () => {
    expect(run("local co = coroutine.wrap(function() pcall(coroutine.yield, 1) return 2 end) return co(), co()")).toEqual([1, 2]);
  });

  it("strings: %q, %g patterns and utf8 are 5.4's", () => {
    expect(run("return string.format('%q', '\\0'), ('a b'):match('%g+'), type(utf8)")).toEqual(['"\\0"', "a", "table"]);
  });

  it("libraries: no ffi, no jit, no bit.xor, no C modules", () => {
    expect(run("return ffi, jit, bit.xor, package.loadlib('x', 'y')")).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      "dynamic libraries are not available in renoise-sim",
      "absent",
    ]);
  });

  it("libraries: io.stdin is empty and os.getenv sees no environment", () => {
    expect(run("return io.read() == nil, os.getenv('HOME') == nil")).toEqual([true, true]);
  });

  it("libraries: collectgarbage has 5.4's options", () => {
    expect(() => run("collectgarbage('generational') collectgarbage('incremental')")).not.toThrow();
  });

  it("std-lib: math.db2fader and math.fader2db are absent", () => {
    expect(run("return math.db2fader, math.fader2db")).toEqual([undefined, undefined]);
  });

  it("classes: instances are tables whose fields pairs() lists; super() does not exist", () => {
    expect(run("class 'P' function P:__init() self.a = 1 end local n = 0 for _ in pairs(P()) do n = n + 1 end return n, super")).toEqual([
      1,
      undefined,
    ]);
  });
  it("errors: prelude functions called in tail position report the line of the caller further up", () => {
    expect(() => run("local function f() return bit.band({}) end\nf()")).toThrow(/^main\.lua:2: bad argument #1 to 'band'/);
    expect(() => run("local x = bit.band({})")).toThrow(/^main\.lua:1: bad argument #1 to 'band'/);
  });

  it("environments: closures made before setfenv keep the old environment", () => {
    expect(run("x = 'global' local function outer() local function inner() return x end setfenv(1, { x = 'new' }) return inner(), x end return outer()")).toEqual([
      "global",
      "new",
    ]);
  });

  it("libraries: io.popen(cmd, 'w') discards what is written; os.dirnames outside the folder raises", () => {
    expect(run("local p = io.popen('lpr', 'w') p:write('page') return p:close()")).toEqual([true]);
    expect(() => run("os.dirnames('/usr')")).toThrow(/not a valid directory/);
  });
  it("libraries: newproxy is absent and xpcall passes extra arguments", () => {
    expect(run("return newproxy, select(2, xpcall(function(a) return a end, print, 'extra'))")).toEqual([undefined, "extra"]);
  });
});
