import { describe, expect, it } from "vitest";
import { runLuaInChild } from "../support/lua-in-child.js";

// C Lua runs the count hook with its hooks off and turns them back on when
// the hook returns; the limit's abort raises from inside the hook, so an
// xpcall message handler run for that error ran with no limit at all (an
// endless handler hung the host). The bridge turns hooks back on before it
// raises. Run in a child process with a time-out, so a regression fails
// instead of hanging the test worker.
const SCRIPT = `
const vm = await createLuaVm({ instructionLimit: 50000 });
for (const code of [
  "xpcall(function() error('x') end, function(m) while true do end end)",
  "xpcall(function() while true do end end, function(m) while true do end end)",
  "return xpcall(function() while true do end end, function(m) local s = 0 for i = 1, 3000 do s = s + i end return m end)",
]) {
  try { vm.run(code, "@main.lua"); console.log("returned"); }
  catch (e) { console.log(e instanceof LuaInstructionLimitError ? "limit" : "other " + e.message); }
  console.log("after " + JSON.stringify(vm.run("return 1 + 1")));
}
`;

describe("Lua host: the instruction limit stops a message handler that loops", () => {
  it("aborts an xpcall handler that loops forever, and the VM stays usable", () => {
    expect(runLuaInChild(SCRIPT)).toEqual(["limit", "after [2]", "limit", "after [2]", "limit", "after [2]"]);
  }, 90_000);
});
