import { describe, expect, it } from "vitest";
import { runLuaInChild } from "../support/lua-in-child.js";

// C Lua runs `__gc` finalizers with its hooks off, so a finalizer that
// looped was out of the instruction limit's reach and hung the host. The
// pinned module is changed to keep hooks on there (wasm-patch.ts, GCTM):
// the limit stops the finalizer, and the entry from the host that was
// running fails with the limit's error; a finalizer run while no entry
// runs (a collection the host started, or close) is stopped and nothing
// else happens. Run in a child process with a time-out, so a regression
// fails instead of hanging the test worker.
const SCRIPT = `
const LOOPING = "setmetatable({}, { __gc = function() while true do end end })";
for (const luaVersion of ["5.4", "5.1"]) {
  const vm = await createLuaVm({ instructionLimit: 50000, luaVersion });
  // collected in the entry, with more code after it / with nothing after it
  say(() => vm.run(LOOPING + " collectgarbage() local s = 0 for i = 1, 100000 do s = s + i end return s", "@main.lua"));
  say(() => vm.run(LOOPING + " collectgarbage() return 7", "@main.lua"));
  // a class's __finalize (luabind's, run from the class's __gc)
  say(() => vm.run("class 'W' function W:__init() end function W:__finalize() while true do end end W() collectgarbage() return 1", "@main.lua"));
  // left for a collection started by the host (collectGarbage is an entry of its own), then one at close
  say(() => vm.run(LOOPING + " return 3", "@main.lua"));
  say(() => vm.collectGarbage());
  say(() => vm.run("return 1 + 1"));
  say(() => vm.run(LOOPING + " return 4", "@main.lua"));
  vm.close();
  console.log("closed");
}
`;

describe("Lua host: the instruction limit stops a __gc finalizer that loops", () => {
  it("fails the entry the finalizer ran in, stops one run at close, and the VM stays usable", () => {
    const lines = runLuaInChild(SCRIPT);
    const once = ["limit", "limit", "limit", "returned [3]", "limit", "returned [2]", "returned [4]", "closed"];
    expect(lines).toEqual([...once, ...once]);
  }, 90_000);
});
