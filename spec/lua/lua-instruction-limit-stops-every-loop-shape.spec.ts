import { describe, expect, it } from "vitest";
import { createLuaVm, LuaInstructionLimitError } from "../../src/lua/index.js";

// Counting steps instead of instructions (src/lua/wasm-patch.ts) must still
// stop every way Lua code can run forever: each shape passes a step each turn.
const SHAPES: [string, string][] = [
  ["empty while", "while true do end"],
  ["repeat", "repeat local x = 1 until false"],
  ["numeric for", "for i = 1, math.huge do end"],
  ["float for", "for i = 0.5, math.huge, 0.5 do end"],
  ["generic for with a Lua iterator", "for _ in function() return 1 end do end"],
  ["generic for with next", "local t = { 1 } for _ in function() return next(t) end do end"],
  ["tail recursion", "local function f() return f() end f()"],
  ["mutual tail recursion", "local g local function f() return g() end g = function() return f() end f()"],
  ["a loop calling only C functions", "while true do string.len('x') end"],
  ["a loop of arithmetic only", "local x = 0 while true do x = x + 1 x = x * 1 x = x - 0 end"],
  ["a metamethod loop", "local t = setmetatable({}, { __add = function(a) return a end }) while true do local _ = t + 1 end"],
  ["a coroutine", "coroutine.wrap(function() while true do end end)()"],
];

describe("Lua host: the instruction limit stops every shape of endless loop", () => {
  for (const [name, code] of SHAPES) {
    it(name, async () => {
      const vm = await createLuaVm({ instructionLimit: 50_000 });
      expect(() => vm.run(code, "@main.lua")).toThrow(LuaInstructionLimitError);
      expect(vm.run("return 1 + 1")).toEqual([2]);
      vm.close();
    });
  }

  it("a goto loop (Lua 5.4)", async () => {
    const vm = await createLuaVm({ instructionLimit: 50_000, luaVersion: "5.4" });
    expect(() => vm.run("::top:: local x = 1 goto top", "@main.lua")).toThrow(LuaInstructionLimitError);
    vm.close();
  });
});
