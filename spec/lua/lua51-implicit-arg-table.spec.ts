import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Lua 5.1's compat vararg: a `...` function that names `arg` gets the table
// of its extra arguments with `n`.
describe("Lua 5.1 front end: the implicit arg table", () => {
  it("gives a vararg function that names arg its extra arguments and n", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local function f(a, ...) return a, arg.n, arg[1], arg[2], arg[3] end return f(1, 'x', nil, 'z')")).toEqual([
      1, 3, "x", undefined, "z",
    ]);
    expect(vm.run("local t = {} function t:m(...) return arg.n end return t:m(4, 5)")).toEqual([2]);
    vm.close();
  });

  it("reaches closures inside the vararg function", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local function f(...) return function() return arg[2] end end return f(7, 8)()")).toEqual([8]);
    vm.close();
  });

  it("leaves arg alone where a local or parameter of that name exists, and outside vararg functions", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local function f(...) local arg = 'mine' return arg end return f(1)")).toEqual(["mine"]);
    expect(vm.run("local function f(arg, ...) return arg end return f('param', 2)")).toEqual(["param"]);
    expect(vm.run("arg = 'global' local function f(x) return arg end return f(1)")).toEqual(["global"]);
    vm.close();
  });

  it("is nil, as in 5.1, in a vararg function that also uses ... itself", async () => {
    const vm = await createLuaVm();
    expect(vm.run("arg = 'global' local function f(...) local n = select('#', ...) return arg, n end return f(1, 2)")).toEqual([
      undefined,
      2,
    ]);
    vm.close();
  });
});
