import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

describe("Lua host: Lua 5.1 compatibility prelude", () => {
  let vm: LuaVm;
  beforeAll(async () => {
    vm = await createLuaVm();
  });
  afterAll(() => vm.close());

  const run1 = (code: string) => vm.run(code)[0];

  it("reports _VERSION as Lua 5.1 and keeps table.unpack next to unpack", () => {
    expect(vm.run("return _VERSION, unpack({1, 2, 3})")).toEqual(["Lua 5.1", 1, 2, 3]);
    expect(vm.run("return table.unpack({4, 5}, 1, 2)")).toEqual([4, 5]);
  });

  it("loadstring compiles text, names chunks like 5.1 and returns nil, err on syntax errors", () => {
    expect(run1("return loadstring('return 6 * 7')()")).toBe(42);
    const [f, err] = vm.run("return loadstring('x = = 1')");
    expect(f).toBeUndefined();
    expect(err).toMatch(/^\[string "x = = 1"\]:1: unexpected symbol/);
  });

  it("setfenv/getfenv change and read a function's environment", () => {
    const out = vm.run(`
      local function f() return greeting end
      local env = { greeting = "hi from env" }
      local same = setfenv(f, env) == f
      return f(), getfenv(f) == env, getfenv(print) == _G, same, getfenv(0) == _G
    `);
    expect(out).toEqual(["hi from env", true, true, true, true]);
  });

  it("setfenv(1, t) switches the running chunk's globals (the module() idiom)", () => {
    const out = vm.run(`
      local env = setmetatable({}, { __index = _G })
      setfenv(1, env)
      x_in_env = 5
      return rawget(env, "x_in_env"), rawget(_G, "x_in_env")
    `);
    expect(out).toEqual([5, undefined]);
  });

  it("module(..., package.seeall) puts globals of the chunk into the module table", () => {
    const out = vm.run(`
      local chunk = loadstring("module('mymod.sub', package.seeall) function hello() return type(print) end")
      chunk()
      return mymod.sub.hello(), package.loaded["mymod.sub"] == mymod.sub, mymod.sub._NAME
    `);
    expect(out).toEqual(["function", true, "mymod.sub"]);
  });

  it("table.getn, table.maxn, table.foreach, table.foreachi", () => {
    expect(run1("return table.getn({1, 2, 3})")).toBe(3);
    expect(run1("return table.maxn({1, 2, [10] = 'x', [2.5] = 'y', a = 1})")).toBe(10);
    expect(run1("local s = 0 table.foreachi({4, 5}, function(i, v) s = s + i * v end) return s")).toBe(14);
    expect(run1("return table.foreach({a = 1}, function(k, v) return k .. v end)")).toBe("a1");
  });

  it("math.pow, math.mod, math.log10, math.ldexp, math.frexp, math.atan2, math.cosh", () => {
    expect(vm.run("return math.pow(2, 10), math.mod(7, 3), math.mod(-7, 3), math.log10(1000)")).toEqual([
      1024, 1, -1, 3,
    ]);
    expect(vm.run("return math.ldexp(0.75, 4), math.frexp(12)")).toEqual([12, 0.75, 4]);
    expect(vm.run("return math.frexp(-0.1)")).toEqual([-0.8, -3]);
    expect(run1("return math.atan2(1, 1) == math.pi / 4")).toBe(true);
    expect(run1("return math.cosh(0)")).toBe(1);
  });

  it("string.gfind is string.gmatch", () => {
    expect(run1("local t = {} for w in string.gfind('a bb ccc', '%a+') do t[#t+1] = w end return table.concat(t, '|')")).toBe(
      "a|bb|ccc",
    );
  });

  it("formats numbers like 5.1: tostring(10/2) is '5', %d truncates floats, %s uses 5.1 formatting", () => {
    expect(vm.run("return tostring(10 / 2), tostring(0.5), tostring(1e15), tostring(2^53)")).toEqual([
      "5",
      "0.5",
      "1e+15",
      "9.007199254741e+15",
    ]);
    expect(vm.run("return string.format('%d|%x|%s|%5.1f', 7.9, 255.0, 3.0, 2)")).toEqual(["7|ff|3|  2.0"]);
    expect(run1("return ('%d%%'):format(-2.5)")).toBe("-2%");
  });

  it("math.random follows 5.1 argument rules (floats truncated, empty interval raises)", () => {
    const [a, b] = vm.run("math.randomseed(7) local a = math.random(10.9) math.randomseed(7) return a, math.random(10)");
    expect(a).toBe(b);
    expect(() => vm.run("return math.random(0)")).toThrow(/interval is empty/);
  });
});
