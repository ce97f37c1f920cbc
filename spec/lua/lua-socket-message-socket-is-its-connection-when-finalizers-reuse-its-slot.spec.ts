import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import type { CallShim } from "../../src/lua/call-shim.js";
import { spyOnPushes } from "../support/call-shim-spy.js";
import { phoneSends } from "../support/phone-sends.js";

// A socket_message's socket is its connection even when the connection's
// userdata, held by nothing but the object cache, is finalized by a
// collection run between the moment the bridge finds the object's cache
// slot and the moment Lua reads that slot (the value cache's flush, the
// alias being made), and a later finalizer gives the freed slot to another
// object (here a PatternLine of a pool of finalizers made before the
// connection). The collector is set to finish a cycle in one step, so such
// collections come often. With stable wrappers the callback reads a value
// Lua may keep, so that the next delivery flushes the value cache first.
const TOOL = `
bad, n, k = 0, 0, 0
reading = reading or false
collectgarbage("incremental", 10, 1000, 20)
local function fin() k = k % 64 + 1 local l = renoise.song():pattern(1):track(1):line(k) end
pool = {}
for i = 1, 5000 do pool[i] = setmetatable({}, { __gc = fin }) end
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    n = n + 1
    local ok, err = pcall(function() return socket.peer_address end)
    if not ok then bad = bad + 1 first = first or tostring(err) end
    if reading then local line = renoise.song().transport.playback_pos.line end -- cached: the next entry flushes
    pool[n] = nil
  end,
}
`;

/** The bridge field this spec wraps (private: a test's reach, not API). */
interface BridgeInside {
  shim: CallShim | undefined;
}

describe("socket_message's socket", () => {
  for (const wrappers of ["fresh", "stable"] as const) {
    it(`is its connection when finalizers free and reuse its cache slot (${wrappers} wrappers)`, async () => {
      const sim = createSimulation({ seed: 7, semantics: { connectionWrappers: wrappers, onCallbackError: "record" } });
      sim.addHost("phone");
      const tool = await loadLuaTool(sim, { files: { "main.lua": `reading = ${String(wrappers === "stable")}\n${TOOL}` } });
      const bridge = (tool.vm as unknown as { bridge: BridgeInside }).bridge;
      // Counts the shim's calls that push the socket (the case this spec is about).
      let shimCalls = 0;
      bridge.shim = spyOnPushes(bridge.shim!, () => shimCalls++);
      phoneSends(sim, 5000, Array<string>(60).fill("m"));
      sim.runUntilIdle();
      expect(shimCalls).toBeGreaterThan(20);
      expect(tool.vm.run("return bad .. ' of ' .. n .. ': ' .. tostring(first)")).toEqual(["0 of 60: nil"]);
      tool.unload();
      sim.dispose();
    });
  }
});
