import { describe, expect, it } from "vitest";
import { createLuaVm, LuaInstructionLimitError } from "../../src/lua/index.js";

describe("Lua host: instruction limit stops endless loops", () => {
  it("aborts an endless loop with a clear error saying how many steps ran", async () => {
    const vm = await createLuaVm({ instructionLimit: 200_000 });
    let err: unknown;
    try {
      vm.run("local i = 0 while true do i = i + 1 end", "@main.lua");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaInstructionLimitError);
    const e = err as LuaInstructionLimitError;
    expect(e.name).toBe("LuaInstructionLimitError");
    expect(e.instructions).toBeGreaterThan(200_000);
    expect(e.instructions).toBeLessThanOrEqual(201_000);
    expect(e.message).toMatch(/instruction limit exceeded: 201000 Lua steps ran .*limit 200000; endless loop\?/);
    expect(e.luaTraceback).toMatch(/main\.lua:1: in main chunk/);
    vm.close();
  });

  it("keeps the host usable and resets the budget per entry", async () => {
    const vm = await createLuaVm({ instructionLimit: 100_000 });
    expect(() => vm.run("while true do end")).toThrow(LuaInstructionLimitError);
    // Each entry gets a fresh budget: several moderately long runs pass.
    for (let i = 0; i < 3; i++) expect(vm.run("local s = 0 for i = 1, 10000 do s = s + i end return s")).toEqual([50005000]);
    vm.close();
  });

  it("cannot be swallowed by pcall, xpcall or coroutines inside the tool", async () => {
    const vm = await createLuaVm({ instructionLimit: 100_000 });
    for (const code of [
      "while true do pcall(function() while true do end end) end",
      "while true do xpcall(function() while true do end end, function(e) return e end) end",
      "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
      "local co = coroutine.wrap(function() while true do end end) while true do pcall(co) end",
    ]) {
      expect(() => vm.run(code), code).toThrow(LuaInstructionLimitError);
      expect(vm.run("return pcall(error, 'x')"), code).toEqual([false, "x"]);
    }
    vm.close();
  });

  it("applies inside callbacks called from JS, and can be changed or disabled", async () => {
    const vm = await createLuaVm({ instructionLimit: 50_000 });
    vm.run("function spin(n) local s = 0 for i = 1, n do s = s + 1 end return s end");
    expect(() => vm.call("spin", 1_000_000)).toThrow(LuaInstructionLimitError);
    vm.setInstructionLimit(0);
    expect(vm.call("spin", 1_000_000)).toEqual([1_000_000]);
    vm.close();
  });

  it("refuses debug.sethook, which would remove the limit", async () => {
    const vm = await createLuaVm();
    expect(() => vm.run("debug.sethook()", "@main.lua")).toThrow(/main\.lua:1: debug\.sethook is not available/);
    vm.close();
  });
});
