import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { phoneSends } from "../support/phone-sends.js";

// A socket_message callback the tool no longer reaches (its server closed and
// every name of it dropped) is garbage like any other Lua value: a full
// collection frees it and what it captured. The tool can tell: a weak table
// forgets it, a `__gc` of a captured table runs, and host objects it held are
// released (the bridge's count of live objects falls back).
const TOOL = `
freed = false
weak = setmetatable({}, { __mode = "k" })
do
  local guard = setmetatable({}, { __gc = function() freed = true end })
  local srv = renoise.Socket.create_server(5000)
  local kept = {}
  local f = function(socket, message) kept[#kept + 1] = srv; guard[1] = message end
  weak[f] = true
  srv:run { socket_message = f }
  function drop() srv:close() srv = nil end
end
`;

describe("a socket_message callback the tool drops", () => {
  it("is collected with what it captured", async () => {
    const sim = createSimulation({ seed: 7 });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    phoneSends(sim, 5000, ["a"]);
    sim.runUntilIdle();
    const [freed, remembered] = tool.vm.run("drop() drop = nil collectgarbage() collectgarbage() return freed, next(weak) ~= nil");
    expect(freed).toBe(true);
    expect(remembered).toBe(false);
    expect(tool.vm.bridge.liveObjectCount).toBe(0);
    tool.unload();
    sim.dispose();
  });
});
