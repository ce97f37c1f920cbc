import { describe, expect, it } from "vitest";
import { createLuaVm, LuaError } from "../../src/lua/index.js";

describe("Lua host: os.exit does not exit", () => {
  it("raises a Lua error naming the problem, records the code, and the host keeps running", async () => {
    const vm = await createLuaVm();
    let err: unknown;
    try {
      vm.run("print('before') os.exit(3) print('after')", "@main.lua");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaError);
    expect((err as LuaError).luaMessage).toBe("main.lua:1: os.exit() can not be called from a Renoise tool (it would quit Renoise)");
    expect(vm.printed).toEqual(["before"]);
    expect(vm.exitCalls).toEqual([3]);
    expect(vm.run("return 'alive'")).toEqual(["alive"]);
  });

  it("is catchable by the tool like any Lua error", async () => {
    const vm = await createLuaVm();
    const [ok, msg] = vm.run("return pcall(os.exit)");
    expect(ok).toBe(false);
    expect(msg).toMatch(/os\.exit\(\) can not be called/);
    expect(vm.exitCalls).toEqual([undefined]);
  });

});
