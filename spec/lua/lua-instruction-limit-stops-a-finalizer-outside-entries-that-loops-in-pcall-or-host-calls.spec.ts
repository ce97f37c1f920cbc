import { describe, expect, it } from "vitest";
import { runLuaInChild } from "../support/lua-in-child.js";

// A `__gc` finalizer run while no entry from the host runs (in a collection
// the host's own calls started, here by setGlobal of long strings, or at
// close) is stopped by the instruction limit (see
// lua-instruction-limit-stops-a-looping-finalizer) also when it loops
// around a `pcall`, which would catch the stop, or around a host function
// that calls back into Lua, whose call would start a new budget: once the
// budget is spent, every check stops the finalizer, whatever it catches,
// until the next entry, in which `pcall` works as before. Run in a child
// process with a time-out, so a regression fails instead of hanging the
// test worker.
const SCRIPT = `
const vm = await createLuaVm({ instructionLimit: 50000 });
vm.setGlobal("callme", (fn) => { fn.call(); });
const LOOPS = {
  pcall: "while true do pcall(function() local x = 0 for i = 1, 100 do x = x + i end end) end",
  host: "local f = function() end while true do callme(f) end",
};
for (const [name, loop] of Object.entries(LOOPS)) {
  vm.run("started = 0 for i = 1, 3 do setmetatable({}, { __gc = function() started = started + 1 " + loop + " end }) end");
  for (let i = 0; i < 400 && vm.getGlobal("started") < 3; i++) vm.setGlobal("junk", "y".repeat(100000) + i);
  console.log(name + " " + vm.getGlobal("started"));
  console.log(JSON.stringify(vm.run("local ok, m = pcall(error, 'plain', 0) return ok, m")));
}
vm.run("for i = 1, 3 do setmetatable({}, { __gc = function() " + LOOPS.pcall + " end }) end");
vm.close();
console.log("closed");
`;

describe("Lua host: the instruction limit stops a finalizer run outside any entry that loops around pcall or host calls", () => {
  it("stops each, in a collection the host started and at close, and pcall works in the next entry", () => {
    const lines = runLuaInChild(SCRIPT);
    expect(lines).toEqual(["pcall 3", '[false,"plain"]', "host 3", '[false,"plain"]', "closed"]);
  }, 90_000);
});
