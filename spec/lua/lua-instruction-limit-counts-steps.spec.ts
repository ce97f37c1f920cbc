import { describe, expect, it } from "vitest";
import { createLuaVm, LuaInstructionLimitError } from "../../src/lua/index.js";
import { luaModuleInfo } from "../../src/lua/wasm.js";

// The pinned Lua module's count hook is changed to count steps (jumps, loop
// turns, calls, returns, metamethod operations), not every instruction
// (src/lua/wasm-patch.ts): a loop turn of several instructions is one step.
describe("Lua host: the instruction limit counts steps", () => {
  it("is patched in the pinned wasmoon build", async () => {
    const vm = await createLuaVm();
    expect(luaModuleInfo.countsSteps).toBe(true);
    vm.close();
  });

  it("lets a loop of 90,000 turns of five instructions each pass a limit of 100,000", async () => {
    const vm = await createLuaVm({ instructionLimit: 100_000 });
    // ~5 instructions a turn (450,000 in all): over the limit if every instruction counted.
    const loop = "local s = 0 for i = 1, N do local a = i + 1 local b = a * 2 s = s + b - a end return s";
    expect(vm.run(loop.replace("N", "90000"))).toEqual([4050135000]);
    expect(() => vm.run(loop.replace("N", "200000"))).toThrow(LuaInstructionLimitError);
    vm.close();
  });

  it("counts each call and return as a step", async () => {
    const vm = await createLuaVm({ instructionLimit: 100_000 });
    // 20,000 calls of depth 1 each: a call and a return each, ~40,000 steps.
    vm.run("function f(n) if n == 0 then return 0 end return 1 end");
    expect(vm.run("local s = 0 for i = 1, 20000 do s = s + f(1) end return s")).toEqual([20000]);
    expect(() => vm.run("local s = 0 for i = 1, 80000 do s = s + f(1) end return s")).toThrow(LuaInstructionLimitError);
    vm.close();
  });
});
