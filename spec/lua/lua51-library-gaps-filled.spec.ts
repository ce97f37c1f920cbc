import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Smaller 5.1 library details tools rely on: coroutine.running is nil in the
// main thread, debug.getfenv/debug.setfenv work on functions.
describe("Lua 5.1 library: coroutine.running and debug.getfenv/setfenv", () => {
  it("coroutine.running is nil in the main thread and the coroutine inside one", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local co = coroutine.create(function() return coroutine.running() end) local _, r = coroutine.resume(co) return coroutine.running(), r == co")).toEqual([
      undefined,
      true,
    ]);
    vm.close();
  });

  it("debug.setfenv / debug.getfenv change and read a function's environment", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local function f() return x end local env = { x = 'sandboxed' } debug.setfenv(f, env) return f(), debug.getfenv(f) == env")).toEqual([
      "sandboxed",
      true,
    ]);
    vm.close();
  });
});
