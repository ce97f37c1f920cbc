import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// Lua may run finalizers at any allocation, and a finalizer may call the
// host, whose answers (strings here) cross through the bridge's scratch
// buffer. A socket_message's bytes wait in that buffer until Lua has them:
// making the socket's userdata for the call must not come in between.
const MESSAGE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
const TOOL = `
seen, bad, finalized = 0, 0, 0
local song = renoise.song()
collectgarbage("generational") -- a young collection every few KB: finalizers run at many allocations
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    seen = seen + 1
    if message ~= "${MESSAGE}" then bad = bad + 1 end
    for i = 1, 3 do
      setmetatable({}, { __gc = function()
        finalized = finalized + 1
        local s = tostring(socket) .. tostring(song) .. socket.peer_address
      end })
    end
  end,
}
function report() return seen, bad, finalized end
`;

describe("a socket_message while finalizers call the host", () => {
  for (const connectionWrappers of ["fresh", "stable"] as const) {
    it(`reaches Lua with its bytes intact (${connectionWrappers} wrappers)`, async () => {
      const sim = createSimulation({ seed: 1, semantics: { connectionWrappers } });
      const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
      const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 5000);
      sim.runUntilIdle();
      for (let i = 0; i < 3000; i++) client!.send(MESSAGE);
      sim.runUntilIdle();
      const [seen, bad, finalized] = tool.vm.call("report") as number[];
      expect(seen).toBe(3000);
      expect(finalized).toBeGreaterThan(1000); // the finalizers did run meanwhile
      expect(bad).toBe(0);
      tool.unload();
      sim.dispose();
    });
  }
});
