import { describe, expect, it } from "vitest";
import { runLuaInChild } from "../support/lua-in-child.js";

// A coroutine takes its count hook from the thread that makes it. In a VM
// made with instructionLimit 0 (no hook), a coroutine made before
// setInstructionLimit turned the limit on had none, and an endless loop in
// it hung the host. Turning the limit on now hooks every thread the state
// has. Run in a child process with a time-out, so a regression fails
// instead of hanging the test worker. The threads are found on the
// collector's list at an offset probed once per process, so a VM built from
// scratch as the process's first VM (no pooled VM probed it before) is
// checked too.
const script = (pooled: boolean): string => `
const vm = await createLuaVm({ instructionLimit: 0, pooled: ${pooled} });
vm.run("co = coroutine.create(function() while true do end end) nested = coroutine.wrap(function() local inner = coroutine.create(function() while true do end end) coroutine.yield() return coroutine.resume(inner) end) nested()");
vm.setInstructionLimit(50000);
say(() => vm.run("return coroutine.resume(co)", "@main.lua"));
say(() => vm.run("return nested()", "@main.lua"));
say(() => vm.run("return 1 + 1"));
`;

describe("Lua host: the instruction limit reaches coroutines made before it was turned on", () => {
  it.each([true, false])("stops an endless loop in a coroutine made while the limit was 0 (pooled: %s, the process's first VM)", (pooled) => {
    const lines = runLuaInChild(script(pooled));
    expect(lines).toEqual(["limit", "limit", "returned [2]"]);
  }, 90_000);
});
